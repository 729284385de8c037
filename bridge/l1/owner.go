package l1

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

// Owner sends a sequencer owner's calls to the staking contract: the operator's side of
// joining and leaving the pool (`themisd l1 ...`, the localnet, the e2e tests). Every
// call waits until its transaction is mined and fails if it reverted.
type Owner struct {
	StakingReader
	backend bind.ContractBackend
	waiter  bind.DeployBackend
	key     *ecdsa.PrivateKey
	chainID *big.Int
	staking common.Address
	token   common.Address
	// Mine, if set, is called after each send (a chain that mines only when told).
	Mine func()
}

// OwnerBackend is what Owner needs from an L1 client (ethclient.Client has it all).
type OwnerBackend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// NewOwner acts as key on the staking contract (and its token).
func NewOwner(ctx context.Context, backend OwnerBackend, key *ecdsa.PrivateKey, stakingAddr common.Address) (*Owner, error) {
	reader, ok := backend.(interface {
		ChainID(context.Context) (*big.Int, error)
	})
	if !ok {
		return nil, fmt.Errorf("l1: the backend cannot report its chain id, needed to sign transactions")
	}
	chainID, err := reader.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("l1 chain id: %w", err)
	}
	if err := RequireContract(ctx, backend, stakingAddr); err != nil {
		return nil, fmt.Errorf("staking contract: %w", err)
	}
	o := &Owner{StakingReader: NewStakingReader(backend, stakingAddr), backend: backend, waiter: backend,
		key: key, chainID: chainID, staking: stakingAddr}
	out, err := backend.CallContract(ctx, callMsg(stakingAddr, staking.NewThemisStaking().PackToken()), nil)
	if err != nil {
		return nil, fmt.Errorf("staking contract %s: read token: %w", stakingAddr, err)
	}
	token, err := staking.NewThemisStaking().UnpackToken(out)
	if err != nil {
		return nil, fmt.Errorf("staking contract %s: %w", stakingAddr, err)
	}
	o.token = token
	return o, nil
}

// Lock approves amount and locks it for signer, proving the key with its signature over
// the contract's next sequencer id. Another owner's lock landing first uses that id and
// makes the proof stale: the call then fails with InvalidSignerProof and can be repeated.
func (o *Owner) Lock(ctx context.Context, signer *ecdsa.PrivateKey, amount *big.Int, rewardRecipient common.Address) (*gethtypes.Receipt, error) {
	proof, err := o.LockProof(ctx, signer)
	if err != nil {
		return nil, err
	}
	return o.LockWithProof(ctx, contracts.SignerPubKey64(&signer.PublicKey), proof, amount, rewardRecipient)
}

// LockWithProof approves amount and locks it for the signer with the 64-byte public key
// pub64 and the key's proof (made with `themisd l1 signer-proof`, for example).
func (o *Owner) LockWithProof(ctx context.Context, pub64, proof []byte, amount *big.Int, rewardRecipient common.Address) (*gethtypes.Receipt, error) {
	if _, err := o.Approve(ctx, amount); err != nil {
		return nil, err
	}
	return o.send(ctx, "lock", o.staking, staking.NewThemisStaking().PackLock(pub64, amount, rewardRecipient, proof))
}

// LockProof is signer's proof for a lock by this owner: a signature over the contract's
// next sequencer id and nonce 1.
func (o *Owner) LockProof(ctx context.Context, signer *ecdsa.PrivateKey) ([]byte, error) {
	next, err := o.NextSequencerID(ctx)
	if err != nil {
		return nil, err
	}
	return o.signerProof(signer, next, big.NewInt(1))
}

// SignerUpdateProof is newSigner's proof for moving sequencer id to it: a signature over
// the id and the sequencer's current nonce + 1, the nonce SignerChanged will carry.
func (o *Owner) SignerUpdateProof(ctx context.Context, id uint64, newSigner *ecdsa.PrivateKey) ([]byte, error) {
	nonce, err := o.SequencerNonce(ctx, id)
	if err != nil {
		return nil, err
	}
	return o.signerProof(newSigner, new(big.Int).SetUint64(id), new(big.Int).Add(nonce, big.NewInt(1)))
}

func (o *Owner) signerProof(signer *ecdsa.PrivateKey, id, nonce *big.Int) ([]byte, error) {
	owner := crypto.PubkeyToAddress(o.key.PublicKey)
	return contracts.SignSignerProof(signer, contracts.SignerProofDigest(o.chainID, o.staking, owner, id, nonce))
}

// Relock approves and adds amount to sequencer id's lock.
func (o *Owner) Relock(ctx context.Context, id uint64, amount *big.Int) (*gethtypes.Receipt, error) {
	if _, err := o.Approve(ctx, amount); err != nil {
		return nil, err
	}
	return o.send(ctx, "relock", o.staking, staking.NewThemisStaking().PackRelock(new(big.Int).SetUint64(id), amount))
}

// Withdraw takes amount out of sequencer id's lock, keeping at least the minimum; the
// amount is paid by ClaimWithdrawal after the exit delay (it stays slashable until then).
func (o *Owner) Withdraw(ctx context.Context, id uint64, amount *big.Int) (*gethtypes.Receipt, error) {
	return o.send(ctx, "withdraw", o.staking, staking.NewThemisStaking().PackWithdraw(new(big.Int).SetUint64(id), amount))
}

// ClaimWithdrawal pays sequencer id's pending withdrawal once its exit delay passed.
func (o *Owner) ClaimWithdrawal(ctx context.Context, id uint64) (*gethtypes.Receipt, error) {
	return o.send(ctx, "claimWithdrawal", o.staking, staking.NewThemisStaking().PackClaimWithdrawal(new(big.Int).SetUint64(id)))
}

// InitiateUnlock starts sequencer id's exit delay; it leaves the active set at once.
func (o *Owner) InitiateUnlock(ctx context.Context, id uint64) (*gethtypes.Receipt, error) {
	return o.send(ctx, "initiateUnlock", o.staking, staking.NewThemisStaking().PackInitiateUnlock(new(big.Int).SetUint64(id)))
}

// ClaimUnlock returns the locked tokens after the exit delay.
func (o *Owner) ClaimUnlock(ctx context.Context, id uint64) (*gethtypes.Receipt, error) {
	return o.send(ctx, "claimUnlock", o.staking, staking.NewThemisStaking().PackClaimUnlock(new(big.Int).SetUint64(id)))
}

// UpdateSigner moves sequencer id to newSigner, proving the key with its signature.
func (o *Owner) UpdateSigner(ctx context.Context, id uint64, newSigner *ecdsa.PrivateKey) (*gethtypes.Receipt, error) {
	proof, err := o.SignerUpdateProof(ctx, id, newSigner)
	if err != nil {
		return nil, err
	}
	return o.UpdateSignerWithProof(ctx, id, contracts.SignerPubKey64(&newSigner.PublicKey), proof)
}

// UpdateSignerWithProof moves sequencer id to the signer with the 64-byte public key pub64
// and the key's proof.
func (o *Owner) UpdateSignerWithProof(ctx context.Context, id uint64, pub64, proof []byte) (*gethtypes.Receipt, error) {
	return o.send(ctx, "updateSigner", o.staking, staking.NewThemisStaking().PackUpdateSigner(new(big.Int).SetUint64(id), pub64, proof))
}

// SetRewardRecipient changes where sequencer id's rewards are paid.
func (o *Owner) SetRewardRecipient(ctx context.Context, id uint64, recipient common.Address) (*gethtypes.Receipt, error) {
	return o.send(ctx, "setRewardRecipient", o.staking, staking.NewThemisStaking().PackSetRewardRecipient(new(big.Int).SetUint64(id), recipient))
}

// WithdrawRewards pays sequencer id's pending rewards (credited by the pool's reward
// batches) to its reward recipient. Only the sequencer's owner may.
func (o *Owner) WithdrawRewards(ctx context.Context, id uint64) (*gethtypes.Receipt, error) {
	return o.send(ctx, "withdrawRewards", o.staking, staking.NewThemisStaking().PackWithdrawRewards(new(big.Int).SetUint64(id)))
}

// FundRewards approves amount and adds it to the contract's reward reserve, from which
// the pool's reward batches credit the sequencers. Anyone may fund it (the treasury,
// a foundation, an owner); the contract takes at least one whole token a call.
func (o *Owner) FundRewards(ctx context.Context, amount *big.Int) (*gethtypes.Receipt, error) {
	// Checked first, so that a funder short of tokens pays for no approval.
	balance, err := o.TokenBalance(ctx)
	if err != nil {
		return nil, err
	}
	if balance.Cmp(amount) < 0 {
		return nil, fmt.Errorf("fundRewards: %s holds %s base units of the token, fewer than the %s to fund", crypto.PubkeyToAddress(o.key.PublicKey).Hex(), balance, amount)
	}
	if _, err := o.Approve(ctx, amount); err != nil {
		return nil, err
	}
	return o.send(ctx, "fundRewards", o.staking, staking.NewThemisStaking().PackFundRewards(amount))
}

// ReleaseEscrow moves an escrow whose period is over to the treasury. Anyone may: the
// key here only pays the gas.
func (o *Owner) ReleaseEscrow(ctx context.Context, escrowID uint64) (*gethtypes.Receipt, error) {
	return o.send(ctx, "releaseEscrow", o.staking, staking.NewThemisStaking().PackReleaseEscrow(new(big.Int).SetUint64(escrowID)))
}

// Approve lets the staking contract take up to amount of the owner's tokens.
func (o *Owner) Approve(ctx context.Context, amount *big.Int) (*gethtypes.Receipt, error) {
	return o.send(ctx, "approve", o.token, testtoken.NewTestToken().PackApprove(o.staking, amount))
}

// SendRelock sends a relock of sequencer id with the account nonce given and returns
// without waiting for it to be mined, so that many land in one block (load tests).
// The caller approved enough tokens beforehand and tracks the nonce.
func (o *Owner) SendRelock(ctx context.Context, id uint64, amount *big.Int, nonce uint64) (common.Hash, error) {
	tx, err := o.transact(ctx, "relock", o.staking, staking.NewThemisStaking().PackRelock(new(big.Int).SetUint64(id), amount), &nonce)
	if err != nil {
		return common.Hash{}, err
	}
	return tx.Hash(), nil
}

// TokenBalance is the owner's balance of the staking token at the L1 head.
func (o *Owner) TokenBalance(ctx context.Context) (*big.Int, error) {
	out, err := o.backend.CallContract(ctx, ethereum.CallMsg{To: &o.token, Data: testtoken.NewTestToken().PackBalanceOf(crypto.PubkeyToAddress(o.key.PublicKey))}, nil)
	if err != nil {
		return nil, fmt.Errorf("token balance: %w", err)
	}
	return testtoken.NewTestToken().UnpackBalanceOf(out)
}

// Token is the staking token's address.
func (o *Owner) Token() common.Address { return o.token }

// transact signs and sends one call; nonce nil takes the account's pending nonce.
func (o *Owner) transact(ctx context.Context, what string, to common.Address, calldata []byte, nonce *uint64) (*gethtypes.Transaction, error) {
	opts := bind.NewKeyedTransactor(o.key, o.chainID)
	opts.Context = ctx
	if nonce != nil {
		opts.Nonce = new(big.Int).SetUint64(*nonce)
	}
	// The estimate is taken against the pending state; the transaction runs against
	// the state of the block it lands in (e.g. after the same sequencer's previous
	// withdrawal), where it can cost more: a bare estimate reverted out of gas.
	gas, err := o.backend.EstimateGas(ctx, ethereum.CallMsg{From: opts.From, To: &to, Data: calldata})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, revertReason(err))
	}
	opts.GasLimit = gas + gas/4 + 20_000
	// Calldata is packed by the binding; the bound contract only routes it.
	tx, err := bind.NewBoundContract(to, abi.ABI{}, o.backend, o.backend, o.backend).RawTransact(opts, calldata)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, revertReason(err))
	}
	return tx, nil
}

func (o *Owner) send(ctx context.Context, what string, to common.Address, calldata []byte) (*gethtypes.Receipt, error) {
	tx, err := o.transact(ctx, what, to, calldata, nil)
	if err != nil {
		return nil, err
	}
	if o.Mine != nil {
		o.Mine()
	}
	receipt, err := bind.WaitMined(ctx, o.waiter, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("%s: wait for %s: %w", what, tx.Hash(), err)
	}
	if receipt.Status != gethtypes.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("%s: transaction %s reverted", what, tx.Hash())
	}
	return receipt, nil
}
