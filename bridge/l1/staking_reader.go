package l1

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// StakingReader reads the staking contract's state a signer-key proof binds.
type StakingReader struct {
	caller  bind.ContractCaller
	staking common.Address
}

// NewStakingReader reads the staking contract at addr through caller.
func NewStakingReader(caller bind.ContractCaller, addr common.Address) StakingReader {
	return StakingReader{caller: caller, staking: addr}
}

// NextSequencerID is the id the contract gives the next lock.
func (r StakingReader) NextSequencerID(ctx context.Context) (*big.Int, error) {
	c := staking.NewThemisStaking()
	out, err := r.caller.CallContract(ctx, callMsg(r.staking, c.PackNextSequencerId()), nil)
	if err != nil {
		return nil, fmt.Errorf("staking contract %s: read nextSequencerId: %w", r.staking, err)
	}
	return c.UnpackNextSequencerId(out)
}

// SequencerNonce is sequencer id's current nonce on the contract (0 for an unknown id).
func (r StakingReader) SequencerNonce(ctx context.Context, id uint64) (*big.Int, error) {
	c := staking.NewThemisStaking()
	out, err := r.caller.CallContract(ctx, callMsg(r.staking, c.PackSequencers(new(big.Int).SetUint64(id))), nil)
	if err != nil {
		return nil, fmt.Errorf("staking contract %s: read sequencer %d: %w", r.staking, id, err)
	}
	seq, err := c.UnpackSequencers(out)
	if err != nil {
		return nil, fmt.Errorf("staking contract %s: read sequencer %d: %w", r.staking, id, err)
	}
	return seq.Nonce, nil
}
