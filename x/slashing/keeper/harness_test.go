package keeper_test

import (
	"context"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

// fakeEpochs is x/epoch's evidence: offences the test records, which were handled,
// the schedule (the live epochs, by start height) the test sets, every decided epoch
// by id (history, cancelled ones included) and the agreed L2 head.
type fakeEpochs struct {
	offences  []epochtypes.Offence
	handled   map[uint64]bool
	schedule  []epochtypes.Epoch
	history   []epochtypes.Epoch
	head      uint64
	headKnown bool
	l2ChainID uint64
}

func (f *fakeEpochs) L2ChainID(context.Context) (uint64, error) { return f.l2ChainID, nil }

func (f *fakeEpochs) EpochsAfter(_ context.Context, after uint64, limit int) ([]epochtypes.Epoch, error) {
	var out []epochtypes.Epoch
	for _, e := range f.history {
		if e.Id > after && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

func (f *fakeEpochs) AgreedHead(context.Context) (uint64, bool, error) {
	return f.head, f.headKnown, nil
}

func (f *fakeEpochs) EpochAt(_ context.Context, h uint64) (epochtypes.Epoch, bool, error) {
	var best epochtypes.Epoch
	found := false
	for _, e := range f.schedule {
		if e.StartHeight <= h && h <= e.EndHeight && (!found || e.StartHeight > best.StartHeight) {
			best, found = e, true
		}
	}
	return best, found, nil
}

func (f *fakeEpochs) OffencesAfter(_ context.Context, after uint64, limit int) ([]epochtypes.Offence, error) {
	var out []epochtypes.Offence
	for _, o := range f.offences {
		if o.Id > after && len(out) < limit {
			out = append(out, o)
		}
	}
	return out, nil
}

func (f *fakeEpochs) MarkOffenceHandled(_ context.Context, id uint64) error {
	f.handled[id] = true
	return nil
}

// fakeMpc is x/mpc's blame log (records the test appends) and its checked pool
// calls (pool_calls_fake_test.go): none until the test makes the pool ready.
type fakeMpc struct {
	blames []mpctypes.Blame
	ready  bool
	halted bool
	calls  []mpctypes.PoolTx // by id - 1
}

func (f *fakeMpc) BlamesAfter(_ context.Context, after uint64, limit int) ([]mpctypes.Blame, error) {
	var out []mpctypes.Blame
	for _, b := range f.blames {
		if b.Id > after && len(out) < limit {
			out = append(out, b)
		}
	}
	return out, nil
}

// chain is x/slashing on a real x/sequencer (one store each) with a fake x/epoch and
// a fake x/mpc.
type chain struct {
	*sequencertest.Env
	t      testing.TB
	k      keeper.Keeper
	msg    types.MsgServer
	query  types.QueryServer
	epochs *fakeEpochs
	mpc    *fakeMpc
}

// newChain has the genesis relayer (50,000 tokens) and sequencers 2 and 3 of their own
// owners, with 40,000 and 30,000 tokens plus an odd number of base units.
func newChain(t testing.TB) *chain {
	t.Helper()
	c := newChainWithGenesis(t, sequencertest.RelayerGenesis(t))
	c.Join(2, sequencertest.Owner(2), sequencertest.Tokens(40_000).AddRaw(7))
	c.Join(3, sequencertest.Owner(3), sequencertest.Tokens(30_000).AddRaw(13))
	return c
}

// newChainWithGenesis is x/slashing (default genesis) on x/sequencer loaded from gs.
func newChainWithGenesis(t testing.TB, gs *sequencertypes.GenesisState) *chain {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	env := sequencertest.NewEnvWithGenesis(t, gs, key)
	epochs := &fakeEpochs{handled: map[uint64]bool{}}
	testSchedule = &epochs.schedule
	mpc := &fakeMpc{}
	k := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), env.AddrCodec, env.Authority, env.K, epochs).WithMpc(mpc)
	env.K.SetSlashHooks(k)
	require.NoError(t, k.InitGenesis(env.Ctx, *types.DefaultGenesis()))
	return &chain{Env: env, t: t, k: k, msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), epochs: epochs, mpc: mpc}
}

// stall records a non-production offence of sequencer id in the fake x/epoch.
func (c *chain) stall(id uint64) uint64 {
	n := uint64(len(c.epochs.offences) + 1)
	c.epochs.offences = append(c.epochs.offences, epochtypes.Offence{
		Id: n, Kind: epochtypes.OffenceKind_OFFENCE_KIND_NON_PRODUCTION, SequencerId: id, EpochId: 10 + n,
		L2Height: 100 * n, StalledSince: c.Ctx.BlockTime().Add(-time.Minute), DetectedHeight: c.Ctx.BlockHeight(), DetectedTime: c.Ctx.BlockTime(),
	})
	return n
}

// endBlock runs x/slashing's then x/sequencer's EndBlock, as the app orders them.
func (c *chain) endBlock() {
	c.t.Helper()
	require.NoError(c.t, c.k.EndBlock(c.Ctx))
	_, err := c.K.EndBlock(c.Ctx)
	require.NoError(c.t, err)
}

// next moves one block on and runs the end blockers.
func (c *chain) next() {
	c.AtHeight(c.Ctx.BlockHeight() + 1)
	c.endBlock()
}

// after moves the block time on by d (one block).
func (c *chain) after(d time.Duration) {
	c.Ctx = c.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(c.Ctx.BlockTime().Add(d))
}

func (c *chain) offence(id uint64) types.Offence {
	c.t.Helper()
	o, err := c.k.Offences.Get(c.Ctx, id)
	require.NoError(c.t, err)
	return o
}

func (c *chain) action(id uint64) types.L1Action {
	c.t.Helper()
	a, err := c.k.L1Actions.Get(c.Ctx, id)
	require.NoError(c.t, err)
	return a
}

func (c *chain) escrow(offence, seq uint64) types.Escrow {
	c.t.Helper()
	e, err := c.k.Escrows.Get(c.Ctx, collections.Join(offence, seq))
	require.NoError(c.t, err)
	return e
}

func (c *chain) power(id uint64) int64 {
	c.t.Helper()
	p, err := c.K.PowerOf(c.Ctx, c.Seq(id))
	require.NoError(c.t, err)
	return p
}

// operator is the bech32 account that signs for sequencer id.
func (c *chain) operator(id uint64) string {
	c.t.Helper()
	s := c.Seq(id)
	key := sequencertest.MustSignerKey(c.t, s.PubKey)
	return c.Account(key)
}

func (c *chain) unjail(id uint64) error {
	_, err := c.msg.Unjail(c.Ctx, &types.MsgUnjail{Operator: c.operator(id)})
	return err
}

// confirm relays and applies L1's Slashed event for the offence's queued slash, with
// what L1 took (amount) and the escrow id it opened.
func (c *chain) confirm(offence uint64, amount math.Int, escrowID uint64) {
	c.t.Helper()
	o := c.offence(offence)
	s := c.Seq(o.SequencerId)
	total := s.Locked.Sub(amount)
	m := sequencertest.Slashed(c.Relayer, c.Ref(), o.SequencerId, s.L1Nonce+1, escrowID, types.L1OffenceID(c.Ctx.ChainID(), offence), amount, total)
	m.Severity = uint32(o.Severity)
	c.Apply(m)
}

func inSet(set sequencertypes.ValidatorSet, id uint64) bool {
	for _, v := range set.Validators {
		if v.SequencerId == id {
			return true
		}
	}
	return false
}

// govSlash is governance's MsgSlash of sequencer id; it returns the offence id.
func (c *chain) govSlash(id uint64, severity types.Severity, evidence string) (uint64, error) {
	resp, err := c.msg.Slash(c.Ctx, &types.MsgSlash{Authority: c.Authority, SequencerId: id, Severity: severity, Evidence: evidence})
	if err != nil {
		return 0, err
	}
	return resp.OffenceId, nil
}

// mustGovSlash is govSlash that must succeed.
func (c *chain) mustGovSlash(id uint64, severity types.Severity) uint64 {
	c.t.Helper()
	n, err := c.govSlash(id, severity, "sandwiched user swaps in L2 blocks 100-120 (forum thread 42)")
	require.NoError(c.t, err)
	return n
}

// appeal is governance's MsgAppeal of an offence with a reimbursement (nil: none).
func (c *chain) appeal(offence uint64, reimbursement math.Int) error {
	_, err := c.msg.Appeal(c.Ctx, &types.MsgAppeal{Authority: c.Authority, OffenceId: offence,
		Reason: "the stall was the L1 RPC provider's outage, not the operator's", Reimbursement: reimbursement})
	return err
}

// mustAppeal is appeal that must succeed; it returns the appealed offence.
func (c *chain) mustAppeal(offence uint64, reimbursement math.Int) types.Offence {
	c.t.Helper()
	require.NoError(c.t, c.appeal(offence, reimbursement))
	return c.offence(offence)
}

// queuedIDs lists the QUEUED actions' ids in the index.
func (c *chain) queuedIDs() []uint64 {
	c.t.Helper()
	var ids []uint64
	require.NoError(c.t, c.k.QueuedActions.Walk(c.Ctx, nil, func(id uint64) (bool, error) {
		ids = append(ids, id)
		return false, nil
	}))
	return ids
}

// releaseIndex lists EscrowsByRelease.
func (c *chain) releaseIndex() []collections.Triple[int64, uint64, uint64] {
	c.t.Helper()
	var keys []collections.Triple[int64, uint64, uint64]
	require.NoError(c.t, c.k.EscrowsByRelease.Walk(c.Ctx, nil, func(k collections.Triple[int64, uint64, uint64]) (bool, error) {
		keys = append(keys, k)
		return false, nil
	}))
	return keys
}

// strikes is the owner's lifetime medium count (0 if none) and whether it is stored.
func (c *chain) strikes(owner string) (uint32, bool) {
	c.t.Helper()
	n, err := c.k.Strikes.Get(c.Ctx, owner)
	if err != nil {
		return 0, false
	}
	return n, true
}

// unlock relays L1's UnlockInitiated for sequencer id.
func (c *chain) unlock(id uint64) {
	c.t.Helper()
	c.Apply(c.UnlockInitMsg(id, c.Seq(id).L1Nonce+1))
}
