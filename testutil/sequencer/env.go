package sequencertest

import (
	"bytes"
	"crypto/ecdsa"
	"testing"
	"time"

	coreaddress "cosmossdk.io/core/address"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

// The genesis sequencer that relays L1 events in an Env: only active sequencers may
// relay, so a pool needs one before anybody can join.
const (
	RelayerID         uint64 = 1000
	RelayerKeySeed    uint64 = 1 << 40
	RelayerStakeWhole int64  = 50_000
)

// RelayerOwner is the genesis sequencer's (whitelisted) owner.
var RelayerOwner = Owner(RelayerID)

// RelayerSequencer is the genesis record of the relaying sequencer.
func RelayerSequencer(t testing.TB) types.Sequencer {
	t.Helper()
	_, pub := NewSignerKey(t, RelayerKeySeed)
	key := MustSignerKey(t, pub)
	return types.Sequencer{
		Id:               RelayerID,
		Owner:            RelayerOwner,
		Signer:           key.L1Address(),
		PubKey:           pub,
		Locked:           Tokens(RelayerStakeWhole),
		RewardRecipient:  RelayerOwner,
		Status:           types.SEQUENCER_STATUS_ACTIVE,
		ActivationHeight: GenesisHeight,
		L1Nonce:          1,
	}
}

// RelayerGenesis is DefaultGenesis with the relaying sequencer and its owner whitelisted.
func RelayerGenesis(t testing.TB) *types.GenesisState {
	t.Helper()
	gs := types.DefaultGenesis()
	gs.Whitelist = []string{RelayerOwner}
	gs.Sequencers = []types.Sequencer{RelayerSequencer(t)}
	return gs
}

// Env is a keeper with its msg and query servers and a relaying genesis sequencer.
type Env struct {
	T         testing.TB
	K         keeper.Keeper
	Ctx       sdk.Context
	Msg       types.MsgServer
	Query     types.QueryServer
	Authority string
	AddrCodec coreaddress.Codec
	// Accounts is the x/auth stand-in: it shows which chain accounts the pool created.
	Accounts *Accounts

	// Relayer is the bech32 account of the genesis sequencer RelayerID.
	Relayer    string
	RelayerKey types.SignerKey

	logSeq  uint64
	keySeed uint64
}

// NewEnv loads RelayerGenesis into a fresh keeper.
func NewEnv(t testing.TB) *Env {
	t.Helper()
	return NewEnvWithGenesis(t, RelayerGenesis(t))
}

// NewEnvWithGenesis loads gs; gs should hold the RelayerSequencer for relays to pass.
// The context also holds the stores of others, for the keepers of modules that work
// with x/sequencer (x/slashing's tests).
func NewEnvWithGenesis(t testing.TB, gs *types.GenesisState, others ...*storetypes.KVStoreKey) *Env {
	t.Helper()
	accounts := NewAccounts()
	k, ctx, authority, ac := newKeeperWithGenesis(t, gs, accounts, others...)
	_, pub := NewSignerKey(t, RelayerKeySeed)
	key := MustSignerKey(t, pub)
	return &Env{
		T: t, K: k, Ctx: ctx, Msg: keeper.NewMsgServerImpl(k), Query: keeper.NewQueryServerImpl(k),
		Authority: authority, AddrCodec: ac, Accounts: accounts,
		Relayer: Bech32(t, key.AccAddress()), RelayerKey: key,
	}
}

// Ref returns a fresh, never used L1 log reference.
func (e *Env) Ref() types.L1EventRef {
	e.logSeq++
	return Ref(e.logSeq)
}

// NewKey returns a fresh deterministic signer key: its 64-byte form and parsed key.
func (e *Env) NewKey() ([]byte, types.SignerKey) {
	e.keySeed++
	_, pub := NewSignerKey(e.T, e.keySeed)
	return pub, MustSignerKey(e.T, pub)
}

// SignerPrivKey is the private key of pub64, a key the Env derived (NewKey, Join) or
// the relayer's: tests sign with it as that sequencer would. It fails the test for any
// other key.
func (e *Env) SignerPrivKey(pub64 []byte) *ecdsa.PrivateKey {
	e.T.Helper()
	for _, seed := range append([]uint64{RelayerKeySeed}, seedsUpTo(e.keySeed)...) {
		if priv, pub := NewSignerKey(e.T, seed); bytes.Equal(pub, pub64) {
			return priv
		}
	}
	require.FailNow(e.T, "not a key of this Env", "%x", pub64)
	return nil
}

func seedsUpTo(n uint64) []uint64 {
	seeds := make([]uint64, 0, n)
	for s := uint64(1); s <= n; s++ {
		seeds = append(seeds, s)
	}
	return seeds
}

// Whitelist adds owners through the governance message.
func (e *Env) Whitelist(owners ...string) {
	e.T.Helper()
	_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Add: owners})
	require.NoError(e.T, err)
}

// LockMsg is a valid lock of a fresh log, relayed by the Env's relayer.
func (e *Env) LockMsg(id uint64, owner string, pub64 []byte, amount math.Int) *types.MsgLocked {
	return Locked(e.Relayer, e.Ref(), id, owner, pub64, amount)
}

// RelockMsg is a relock of a fresh log.
func (e *Env) RelockMsg(id, nonce uint64, amount, total math.Int) *types.MsgRelocked {
	return Relocked(e.Relayer, e.Ref(), id, nonce, amount, total)
}

// WithdrawMsg is a withdrawal of a fresh log.
func (e *Env) WithdrawMsg(id, nonce uint64, amount, total math.Int) *types.MsgWithdrawn {
	return Withdrawn(e.Relayer, e.Ref(), id, nonce, amount, total)
}

// UnlockInitMsg is an unlock initiation of a fresh log, claimable the default exit delay
// after the current block time (as a contract with that exit delay would set it).
func (e *Env) UnlockInitMsg(id, nonce uint64) *types.MsgUnlockInitiated {
	return UnlockInitiated(e.Relayer, e.Ref(), id, nonce, uint64(e.Ctx.BlockTime().Add(time.Duration(types.DefaultExitDelaySeconds)*time.Second).Unix()))
}

// UnlockClaimMsg is an unlock claim of a fresh log.
func (e *Env) UnlockClaimMsg(id, nonce uint64, amount math.Int) *types.MsgUnlockClaimed {
	return UnlockClaimed(e.Relayer, e.Ref(), id, nonce, amount)
}

// SignerChangeMsg is a signer change of a fresh log.
func (e *Env) SignerChangeMsg(id, nonce uint64, newPub64 []byte) *types.MsgSignerChanged {
	return SignerChanged(e.Relayer, e.Ref(), id, nonce, newPub64)
}

// RewardRecipientMsg is a reward recipient change of a fresh log.
func (e *Env) RewardRecipientMsg(id, nonce uint64, newRecipient string) *types.MsgRewardRecipientChanged {
	return RewardRecipientChanged(e.Relayer, e.Ref(), id, nonce, newRecipient)
}

// SlashMsg is a medium-severity slash of a fresh log; the offence id is derived from
// the log so that every slash punishes a distinct offence.
func (e *Env) SlashMsg(id, nonce, escrowID uint64, amount, total math.Int) *types.MsgSlashed {
	ref := e.Ref()
	return Slashed(e.Relayer, ref, id, nonce, escrowID, OffenceID(ref.LogIndex+1), amount, total)
}

// LockLimitsMsg is the contract's LockLimitsUpdated (whole tokens) of a fresh log, with
// the contract's next configNonce after the chain's.
func (e *Env) LockLimitsMsg(minWhole, maxWhole int64) *types.MsgConfigChanged {
	return e.ConfigMsg(&types.MsgConfigChanged{Change: &types.MsgConfigChanged_LockLimits{
		LockLimits: &types.LockLimitsChange{MinLock: Tokens(minWhole), MaxLock: Tokens(maxWhole)}}})
}

// ConfigMsg completes the configuration change m (only its change set): the Env's
// relayer, a fresh log, and the next configNonce after the chain's applied one.
func (e *Env) ConfigMsg(m *types.MsgConfigChanged) *types.MsgConfigChanged {
	e.T.Helper()
	c, err := e.K.L1Config.Get(e.Ctx)
	require.NoError(e.T, err)
	m.Submitter, m.Event, m.ConfigNonce = e.Relayer, e.Ref(), c.ConfigNonce+1
	return m
}

// LedgerMsg completes the ledger movement m (only its change set): the Env's relayer,
// a fresh log, and the next ledgerNonce after the chain's applied one.
func (e *Env) LedgerMsg(m *types.MsgLedgerChanged) *types.MsgLedgerChanged {
	e.T.Helper()
	l, err := e.K.L1Ledger.Get(e.Ctx)
	require.NoError(e.T, err)
	m.Submitter, m.Event, m.LedgerNonce = e.Relayer, e.Ref(), l.LedgerNonce+1
	return m
}

// Relay sends msg to the msg server.
func (e *Env) Relay(msg types.L1EventMsg) (*types.MsgRelayResponse, error) {
	return Relay(e.Ctx, e.Msg, msg)
}

// MustRelay relays msg, requires success and returns the pending id.
func (e *Env) MustRelay(msg types.L1EventMsg) uint64 {
	e.T.Helper()
	resp, err := e.Relay(msg)
	require.NoError(e.T, err)
	require.NotZero(e.T, resp.PendingId)
	return resp.PendingId
}

// ApproveAll resolves every pending item as approved.
func (e *Env) ApproveAll() {
	e.T.Helper()
	require.NoError(e.T, ApproveAll(e.Ctx, e.K))
}

// Apply relays msg and approves everything pending.
func (e *Env) Apply(msg types.L1EventMsg) {
	e.T.Helper()
	e.MustRelay(msg)
	e.ApproveAll()
}

// Join whitelists owner, relays its lock and approves it: a new ACTIVE sequencer.
func (e *Env) Join(id uint64, owner string, amount math.Int) ([]byte, types.SignerKey) {
	e.T.Helper()
	pub, key := e.NewKey()
	e.Whitelist(owner)
	e.Apply(e.LockMsg(id, owner, pub, amount))
	s := e.Seq(id)
	require.Equal(e.T, types.SEQUENCER_STATUS_ACTIVE, s.Status)
	return pub, key
}

// Seq returns sequencer id, which must exist.
func (e *Env) Seq(id uint64) types.Sequencer {
	e.T.Helper()
	s, err := e.K.GetSequencer(e.Ctx, id)
	require.NoError(e.T, err)
	return s
}

// PendingCount is the keeper's count of queued events.
func (e *Env) PendingCount() uint64 {
	e.T.Helper()
	n, err := e.K.PendingCount.Get(e.Ctx)
	require.NoError(e.T, err)
	return n
}

// PendingIDs lists the queued ids, oldest first.
func (e *Env) PendingIDs() []uint64 {
	e.T.Helper()
	items, err := queued(e.Ctx, e.K)
	require.NoError(e.T, err)
	ids := make([]uint64, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.Id)
	}
	return ids
}

// Account is the bech32 themis account of a signer key.
func (e *Env) Account(key types.SignerKey) string {
	e.T.Helper()
	return Bech32(e.T, key.AccAddress())
}

// AtHeight moves the context to height h; the block time moves BlockInterval per block.
func (e *Env) AtHeight(h int64) {
	delta := h - e.Ctx.BlockHeight()
	e.Ctx = e.Ctx.WithBlockHeight(h).WithBlockTime(e.Ctx.BlockTime().Add(time.Duration(delta) * BlockInterval))
}

// FreshEvents replaces the event manager so that only later events are seen.
func (e *Env) FreshEvents() {
	e.Ctx = e.Ctx.WithEventManager(sdk.NewEventManager())
}
