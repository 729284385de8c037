package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/batchinbox"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

// Sequencer and escrow states as the contract's enums encode them.
const (
	statusNone uint8 = iota
	statusActive
	statusUnlocking
	statusUnlocked
)

const (
	escrowNone uint8 = iota
	escrowHeld
	escrowReleased
	escrowRefunded
)

const (
	testExitDelay    = 7 * 24 * 3600 // seconds
	testFirstL2Block = 100           // newEnv's BatchInbox starts at this L2 block
	escrowPeriod     = 365 * 24 * time.Hour
	day              = 24 * time.Hour
	// The contract's fixed bounds, in seconds.
	minExitDelay      = 7 * 24 * 3600
	maxExitDelay      = 365 * 24 * 3600
	maxBootstrap      = 180 * 24 * 3600
	maxPauseDuration  = 30 * 24 * 3600
	bootstrapDuration = maxBootstrap * time.Second // newEnv's bootstrap (DeployConfig's default)
)

var (
	ether       = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	testMinLock = tokens(100)
	testMaxLock = tokens(1000)
	// Each test account starts with this many test tokens.
	startingTokens = tokens(10_000)
)

// tokens returns n whole tokens (18 decimals).
func tokens(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), ether) }

// account is a funded L1 key of the test chain.
type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// newAccount derives a fixed key from a name, so failures are reproducible.
func newAccount(name string) account {
	seed := sha256.Sum256([]byte("themis contracts test " + name))
	key, err := crypto.ToECDSA(seed[:])
	if err != nil {
		panic(err)
	}
	return account{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// env is one simulated chain with the contracts deployed through contracts.Deploy.
// owner deploys and is in bootstrap; pool is the accepted pool address; pool2 and pool3 are
// funded candidates for a rotation; alice and bob are whitelisted; carol is not.
type env struct {
	t       *testing.T
	ctx     context.Context
	backend *simulated.Backend
	client  simulated.Client
	chainID *big.Int

	owner, pool, pool2, pool3, treasury, alice, bob, carol account

	deployment *contracts.Deployment
	staking    *staking.ThemisStaking
	token      *testtoken.TestToken
	inbox      *batchinbox.BatchInbox
	stakingC   *bind.BoundContract
	tokenC     *bind.BoundContract
	inboxC     *bind.BoundContract
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := newBareEnv(t)
	e.deployWith(contracts.DeployConfig{
		Treasury:     e.treasury.addr,
		MinLock:      testMinLock,
		MaxLock:      testMaxLock,
		ExitDelay:    testExitDelay,
		FirstL2Block: testFirstL2Block,
		PoolKey:      e.pool.key,
		Whitelist:    []common.Address{e.alice.addr, e.bob.addr},
		Mint: []contracts.Allocation{
			{To: e.alice.addr, Amount: startingTokens},
			{To: e.bob.addr, Amount: startingTokens},
			{To: e.carol.addr, Amount: startingTokens},
			{To: e.pool.addr, Amount: startingTokens},
		},
	})
	return e
}

// newBareEnv starts a chain with funded accounts and no contracts.
func newBareEnv(t *testing.T) *env {
	t.Helper()
	e := &env{
		t:        t,
		ctx:      context.Background(),
		owner:    newAccount("owner"),
		pool:     newAccount("pool"),
		pool2:    newAccount("pool 2"),
		pool3:    newAccount("pool 3"),
		treasury: newAccount("treasury"),
		alice:    newAccount("alice"),
		bob:      newAccount("bob"),
		carol:    newAccount("carol"),
		staking:  staking.NewThemisStaking(),
		token:    testtoken.NewTestToken(),
		inbox:    batchinbox.NewBatchInbox(),
	}
	alloc := types.GenesisAlloc{}
	gas := new(big.Int).Mul(big.NewInt(100), ether)
	for _, a := range []account{e.owner, e.pool, e.pool2, e.pool3, e.treasury, e.alice, e.bob, e.carol} {
		alloc[a.addr] = types.Account{Balance: gas}
	}
	e.backend = simulated.NewBackend(alloc)
	t.Cleanup(func() { _ = e.backend.Close() })
	e.client = e.backend.Client()
	var err error
	e.chainID, err = e.client.ChainID(e.ctx)
	require.NoError(t, err)
	return e
}

func (e *env) deployWith(cfg contracts.DeployConfig) {
	e.t.Helper()
	cfg.Commit = func() { e.backend.Commit() }
	d, err := contracts.Deploy(e.ctx, e.client, e.opts(e.owner), cfg)
	require.NoError(e.t, err)
	e.deployment = d
	e.stakingC = e.staking.Instance(e.client, d.Staking)
	e.tokenC = e.token.Instance(e.client, d.Token)
	e.inboxC = e.inbox.Instance(e.client, d.BatchInbox)
}

// deployRaw deploys bin with the packed constructor input from the owner and requires success.
func (e *env) deployRaw(bin string, input []byte) common.Address {
	e.t.Helper()
	addr, tx, err := bind.DeployContract(e.opts(e.owner), common.FromHex(bin), e.client, input)
	require.NoError(e.t, err)
	e.mine(tx)
	return addr
}

// deployRevertData deploys bin with the packed constructor input, requires the deployment to
// revert and returns the revert data.
func (e *env) deployRevertData(bin string, input []byte) []byte {
	e.t.Helper()
	_, _, err := bind.DeployContract(e.opts(e.owner), common.FromHex(bin), e.client, input)
	require.Error(e.t, err, "expected the deployment to revert")
	data, ok := ethclient.RevertErrorData(err)
	require.True(e.t, ok, "no revert data in %v", err)
	return data
}

// useStaking points the env's staking and token helpers at a staking contract deployed
// outside contracts.Deploy, and at its token.
func (e *env) useStaking(stakingAddr, tokenAddr common.Address) {
	e.deployment = &contracts.Deployment{Owner: e.owner.addr, Token: tokenAddr, Staking: stakingAddr}
	e.stakingC = e.staking.Instance(e.client, stakingAddr)
	e.tokenC = e.token.Instance(e.client, tokenAddr)
}

// in returns the env reporting to t, for a subtest.
func (e *env) in(t *testing.T) *env {
	sub := *e
	sub.t = t
	return &sub
}

func (e *env) opts(from account) *bind.TransactOpts {
	return bind.NewKeyedTransactor(from.key, e.chainID)
}

// send executes one transaction in its own block and requires it to succeed.
func (e *env) send(from account, c *bind.BoundContract, calldata []byte) *types.Receipt {
	e.t.Helper()
	tx, err := bind.Transact(c, e.opts(from), calldata)
	require.NoError(e.t, err)
	return e.mine(tx)
}

// mine commits blocks until tx is in one and requires it to have succeeded.
func (e *env) mine(tx *types.Transaction) *types.Receipt {
	e.t.Helper()
	receipt := e.receipt(tx)
	require.Equal(e.t, types.ReceiptStatusSuccessful, receipt.Status, "transaction reverted")
	return receipt
}

// receipt commits blocks until tx is in one and returns its receipt, successful or not. The
// simulated backend occasionally seals a block without a transaction its pool has just
// accepted, and may briefly answer "transaction indexing is in progress" for a fresh block.
func (e *env) receipt(tx *types.Transaction) *types.Receipt {
	e.t.Helper()
	e.backend.Commit()
	commits := 1
	for range 1000 {
		receipt, err := e.client.TransactionReceipt(e.ctx, tx.Hash())
		switch {
		case err == nil:
			return receipt
		case errors.Is(err, ethereum.NotFound) && commits < 10:
			e.backend.Commit()
			commits++
		default:
			time.Sleep(5 * time.Millisecond)
		}
	}
	e.t.Fatalf("transaction %s not mined after %d blocks", tx.Hash(), commits)
	return nil
}

// revertData sends a transaction that must revert and returns the revert data. The revert
// shows at gas estimation, so nothing reaches the chain.
func (e *env) revertData(from account, c *bind.BoundContract, calldata []byte) []byte {
	e.t.Helper()
	_, err := bind.Transact(c, e.opts(from), calldata)
	require.Error(e.t, err, "expected a revert")
	data, ok := ethclient.RevertErrorData(err)
	require.True(e.t, ok, "error carries no revert data: %v", err)
	return data
}

// requireRevert asserts that the transaction reverts with exactly want, a custom error
// struct of the binding that unpack (a binding's UnpackError) decodes.
func requireRevert(t *testing.T, data []byte, unpack func([]byte) (any, error), want any) {
	t.Helper()
	require.GreaterOrEqual(t, len(data), 4, "revert without an error selector: %x", data)
	got, err := unpack(data)
	require.NoError(t, err, "unknown revert data %x", data)
	require.Equal(t, want, normalize(got))
}

func (e *env) expectStakingRevert(from account, calldata []byte, want any) {
	e.t.Helper()
	requireRevert(e.t, e.revertData(from, e.stakingC, calldata), e.staking.UnpackError, normalize(want))
}

func (e *env) expectTokenRevert(from account, calldata []byte, want any) {
	e.t.Helper()
	requireRevert(e.t, e.revertData(from, e.tokenC, calldata), e.token.UnpackError, normalize(want))
}

func (e *env) expectInboxRevert(from account, calldata []byte, want any) {
	e.t.Helper()
	requireRevert(e.t, e.revertData(from, e.inboxC, calldata), e.inbox.UnpackError, normalize(want))
}

// call reads a view function.
func call[T any](e *env, c *bind.BoundContract, calldata []byte, unpack func([]byte) (T, error)) T {
	e.t.Helper()
	v, err := bind.Call(c, &bind.CallOpts{Context: e.ctx}, calldata, unpack)
	require.NoError(e.t, err)
	return v
}

// events decodes every log of receipt that unpack recognises, in order.
func events[T any](t *testing.T, receipt *types.Receipt, unpack func(*types.Log) (*T, error)) []*T {
	t.Helper()
	var out []*T
	for _, log := range receipt.Logs {
		ev, err := unpack(log)
		if errors.Is(err, bind.ErrEventSignatureMismatch) {
			continue
		}
		require.NoError(t, err)
		out = append(out, ev)
	}
	return out
}

// requireEvent asserts that receipt holds exactly one event of want's type and that all its
// fields equal want's (the Raw log field is not compared).
func requireEvent[T any](t *testing.T, receipt *types.Receipt, unpack func(*types.Log) (*T, error), want T) {
	t.Helper()
	got := events(t, receipt, unpack)
	require.Len(t, got, 1, "want exactly one %T", want)
	requireSameEvent(t, want, *got[0])
}

func requireSameEvent[T any](t *testing.T, want, got T) {
	t.Helper()
	setRaw(&want, nil)
	setRaw(&got, nil)
	require.Equal(t, normalize(want), normalize(got))
}

// setRaw clears or sets the Raw log field that every event struct carries.
func setRaw(ev any, log *types.Log) {
	v := reflect.ValueOf(ev).Elem()
	if f := v.FieldByName("Raw"); f.IsValid() {
		f.Set(reflect.ValueOf(log))
	}
}

// normalize returns a copy of a struct (or pointer to struct) whose *big.Int fields are
// rebuilt, so equality compares numbers: a decoded zero and big.NewInt(0) differ inside.
func normalize(v any) any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	isPtr := rv.Kind() == reflect.Pointer
	if isPtr {
		if rv.IsNil() {
			return v
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return v
	}
	out := reflect.New(rv.Type()).Elem()
	out.Set(rv)
	bigType := reflect.TypeOf((*big.Int)(nil))
	for i := 0; i < out.NumField(); i++ {
		f := out.Field(i)
		if f.Type() == bigType && f.CanSet() && !f.IsNil() {
			f.Set(reflect.ValueOf(new(big.Int).SetBytes(f.Interface().(*big.Int).Bytes())))
		}
	}
	if isPtr {
		return out.Addr().Interface()
	}
	return out.Interface()
}

// blockTime returns the timestamp of the block that holds receipt.
func (e *env) blockTime(receipt *types.Receipt) uint64 {
	e.t.Helper()
	header, err := e.client.HeaderByNumber(e.ctx, receipt.BlockNumber)
	require.NoError(e.t, err)
	return header.Time
}

// advance moves the chain clock forward by d in a new empty block. The simulated backend
// refuses while its pool still lists a just-mined transaction as pending (the pool catches
// up in the background), so it retries for a moment.
func (e *env) advance(d time.Duration) {
	e.t.Helper()
	var err error
	for range 200 {
		if err = e.backend.AdjustTime(d); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	require.NoError(e.t, err)
}

// advanceTo moves the chain clock to ts (after the latest block) in a new empty block.
func (e *env) advanceTo(ts uint64) {
	e.t.Helper()
	header, err := e.client.HeaderByNumber(e.ctx, nil)
	require.NoError(e.t, err)
	require.Greater(e.t, ts, header.Time, "cannot move the clock back")
	e.advance(time.Duration(ts-header.Time) * time.Second)
}

func (e *env) tokenBalance(of common.Address) *big.Int {
	e.t.Helper()
	return call(e, e.tokenC, e.token.PackBalanceOf(of), e.token.UnpackBalanceOf)
}

// approve lets the staking contract pull amount from owner.
func (e *env) approve(owner account, amount *big.Int) {
	e.t.Helper()
	e.send(owner, e.tokenC, e.token.PackApprove(e.deployment.Staking, amount))
}

// lock approves and locks amount for from with signer s, proven for from; the reward
// recipient is from.
func (e *env) lock(from account, s signerKey, amount *big.Int) (*big.Int, *types.Receipt) {
	e.t.Helper()
	e.approve(from, amount)
	receipt := e.send(from, e.stakingC, e.packLock(from, s, amount, from.addr))
	locked := events(e.t, receipt, e.staking.UnpackLockedEvent)
	require.Len(e.t, locked, 1)
	return locked[0].SequencerId, receipt
}

func (e *env) sequencer(id *big.Int) staking.SequencersOutput {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackSequencers(id), e.staking.UnpackSequencers)
}

// pendingWithdrawal reads sequencer id's pending withdrawal, comparable with require.Equal.
func (e *env) pendingWithdrawal(id *big.Int) staking.PendingWithdrawalsOutput {
	e.t.Helper()
	w := call(e, e.stakingC, e.staking.PackPendingWithdrawals(id), e.staking.UnpackPendingWithdrawals)
	return normalize(w).(staking.PendingWithdrawalsOutput)
}

func (e *env) escrow(id *big.Int) staking.EscrowsOutput {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackEscrows(id), e.staking.UnpackEscrows)
}

// fundRewards moves amount of the pool's tokens into the reward reserve.
func (e *env) fundRewards(amount *big.Int) {
	e.t.Helper()
	e.approve(e.pool, amount)
	e.send(e.pool, e.stakingC, e.staking.PackFundRewards(amount))
}

func bigs(vs ...int64) []*big.Int {
	out := make([]*big.Int, len(vs))
	for i, v := range vs {
		out[i] = big.NewInt(v)
	}
	return out
}

func offence(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }
