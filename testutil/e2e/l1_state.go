//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/networks/devl1"
)

// L1Client dials the L1's JSON-RPC; it is closed when the test ends.
func (ln *Localnet) L1Client() *ethclient.Client {
	ln.t.Helper()
	client, err := ethclient.DialContext(context.Background(), ln.L1.RPC)
	if err != nil {
		ln.t.Fatal(err)
	}
	ln.t.Cleanup(client.Close)
	return client
}

// L1Owner acts as development owner i (validator i's owner on the localnet).
func (ln *Localnet) L1Owner(client *ethclient.Client, i int) *l1.Owner {
	ln.t.Helper()
	owner, err := l1.NewOwner(context.Background(), client, devl1.OwnerKey(i), common.HexToAddress(ln.L1.Staking))
	if err != nil {
		ln.t.Fatal(err)
	}
	return owner
}

// L1Sequencer is the staking contract's record of a sequencer.
type L1Sequencer struct {
	Locked *big.Int
	Nonce  uint64
	Owner  string
}

// L1SequencerState reads sequencer id from the staking contract at the L1 head; a
// failed read fails the test.
func (ln *Localnet) L1SequencerState(client *ethclient.Client, id uint64) L1Sequencer {
	ln.t.Helper()
	s, err := ln.TryL1SequencerState(context.Background(), client, id)
	if err != nil {
		ln.t.Fatalf("read L1 sequencer %d: %v", id, err)
	}
	return s
}

// TryL1SequencerState is L1SequencerState for a reader that tolerates an unreachable L1
// (and may run outside the test's goroutine).
func (ln *Localnet) TryL1SequencerState(ctx context.Context, client *ethclient.Client, id uint64) (L1Sequencer, error) {
	contract := common.HexToAddress(ln.L1.Staking)
	abi := staking.NewThemisStaking()
	out, err := client.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: abi.PackSequencers(new(big.Int).SetUint64(id))}, nil)
	if err != nil {
		return L1Sequencer{}, err
	}
	s, err := abi.UnpackSequencers(out)
	if err != nil {
		return L1Sequencer{}, fmt.Errorf("decode: %w", err)
	}
	return L1Sequencer{Locked: s.Locked, Nonce: s.Nonce.Uint64(), Owner: strings.ToLower(s.Owner.Hex())}, nil
}

// l1Call runs a read-only call of contract at L1 block (nil: the head) and returns its
// result; a failed call fails the test.
func (ln *Localnet) l1Call(client *ethclient.Client, contract common.Address, data []byte, block *big.Int) []byte {
	ln.t.Helper()
	out, err := client.CallContract(context.Background(), ethereum.CallMsg{To: &contract, Data: data}, block)
	if err != nil {
		ln.t.Fatalf("L1 call of %s: %v", contract.Hex(), err)
	}
	return out
}
