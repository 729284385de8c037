package differential

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts/bindings/staking"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The contract's sequencer states (ThemisStaking.Status).
const (
	L1None uint8 = iota
	L1Active
	L1Unlocking
	L1Unlocked
)

// ContractSeq is one sequencer as the contract's sequencers(id) getter returns it.
type ContractSeq struct {
	ID              uint64
	Owner, Signer   common.Address
	PubKey          []byte
	Locked          *big.Int
	RewardRecipient common.Address
	Status          uint8
	UnlockableAt    uint64
	Nonce           uint64
}

// ContractView is what the contract says: every sequencer it ever numbered, and its
// configuration. It is read after every step, independently of anything the bridge relayed.
type ContractView struct {
	Seqs             []ContractSeq // ids 1, 2, ... in order
	MinLock, MaxLock *big.Int
	// Config is the whole configuration, as x/sequencer's L1Config holds it.
	Config seqtypes.L1Config
	// Ledger is the reward reserve and last reward batch, as x/sequencer's L1Ledger holds it.
	Ledger seqtypes.L1Ledger
}

// Contract reads the staking contract through eth_call.
type Contract struct {
	abi    *staking.ThemisStaking
	c      *bind.BoundContract
	opts   *bind.CallOpts
	reader l1.StakingReader
}

// NewContract reads the staking contract at addr.
func NewContract(ctx context.Context, backend bind.ContractBackend, addr common.Address) Contract {
	abi := staking.NewThemisStaking()
	return Contract{abi: abi, c: abi.Instance(backend, addr), opts: &bind.CallOpts{Context: ctx}, reader: l1.NewStakingReader(backend, addr)}
}

func call[T any](c Contract, calldata []byte, unpack func([]byte) (T, error)) (T, error) {
	return bind.Call(c.c, c.opts, calldata, unpack)
}

// View reads the whole view at the head.
func (c Contract) View() (ContractView, error) {
	var v ContractView
	var err error
	if v.Config, err = c.reader.Config(c.opts.Context, nil); err != nil {
		return v, err
	}
	if v.Ledger, err = c.reader.Ledger(c.opts.Context, nil); err != nil {
		return v, err
	}
	v.MinLock, v.MaxLock = v.Config.MinLock.BigInt(), v.Config.MaxLock.BigInt()
	next, err := call(c, c.abi.PackNextSequencerId(), c.abi.UnpackNextSequencerId)
	if err != nil {
		return v, err
	}
	for id := uint64(1); id < next.Uint64(); id++ {
		s, err := c.Sequencer(id)
		if err != nil {
			return v, err
		}
		v.Seqs = append(v.Seqs, s)
	}
	return v, nil
}

// Sequencer reads sequencers(id).
func (c Contract) Sequencer(id uint64) (ContractSeq, error) {
	out, err := call(c, c.abi.PackSequencers(new(big.Int).SetUint64(id)), c.abi.UnpackSequencers)
	if err != nil {
		return ContractSeq{}, fmt.Errorf("sequencers(%d): %w", id, err)
	}
	return ContractSeq{ID: id, Owner: out.Owner, Signer: out.Signer, PubKey: out.Pubkey, Locked: out.Locked,
		RewardRecipient: out.RewardRecipient, Status: out.Status, UnlockableAt: out.UnlockableAt, Nonce: out.Nonce.Uint64()}, nil
}

// LastRewardBatch is the id of the last credited reward batch.
func (c Contract) LastRewardBatch() (uint64, error) {
	id, err := call(c, c.abi.PackLastRewardBatch(), c.abi.UnpackLastRewardBatch)
	if err != nil {
		return 0, err
	}
	return id.Uint64(), nil
}

// PendingWithdrawal reads pendingWithdrawals(id): the amount and when it can be claimed.
func (c Contract) PendingWithdrawal(id uint64) (staking.PendingWithdrawalsOutput, error) {
	return call(c, c.abi.PackPendingWithdrawals(new(big.Int).SetUint64(id)), c.abi.UnpackPendingWithdrawals)
}
