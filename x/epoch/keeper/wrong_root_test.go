package keeper_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/collections"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/epoch/keeper"
	"github.com/themis-network/themis/x/epoch/types"
)

const testL2Chain = 59902

var (
	wrongRootKind     = types.OffenceKind_OFFENCE_KIND_WRONG_STATE_ROOT
	nonProductionKind = types.OffenceKind_OFFENCE_KIND_NON_PRODUCTION
)

// sealed is the RLP of L2 block height sealed with sequencer signer's key as sequencer
// producerID of L2 chain l2Chain; variant makes different blocks (state roots).
func sealed(t testing.TB, signer, producerID, l2Chain, height uint64, variant byte) []byte {
	t.Helper()
	key := keyOf(signer)
	h := &ethtypes.Header{
		ParentHash: common.Hash{1}, Coinbase: crypto.PubkeyToAddress(key.PublicKey), Root: common.Hash{0xee, variant},
		TxHash: common.Hash{3}, Number: new(big.Int).SetUint64(height), Time: 1_700_000_000 + height,
		Difficulty: new(big.Int), UncleHash: ethtypes.EmptyUncleHash, ReceiptHash: ethtypes.EmptyReceiptsHash, GasLimit: 30_000_000,
	}
	require.NoError(t, types.SealL2Header(h, producerID, sealingEpoch(producerID, height), l2Chain, key))
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

// wrongBlock is the producer's own sealed block at height (variant 0).
// sealingChain is the chain the running test built (tests here do not run in
// parallel): a producer seals for the live epoch it was scheduled in.
var sealingChain *chain

// sealingEpoch is the live epoch of producerID at height on the test's chain (0 if the
// schedule names someone else there).
func sealingEpoch(producerID, height uint64) uint64 {
	if sealingChain == nil {
		return 0
	}
	e, ok, err := sealingChain.k.EpochAt(sealingChain.ctx, height)
	if err != nil || !ok || e.ProducerId != producerID {
		return 0
	}
	return e.Id
}

func wrongBlock(t testing.TB, producer, height uint64) []byte {
	return sealed(t, producer, producer, testL2Chain, height, 0)
}

func (c *chain) setL2Chain(id uint64) {
	c.t.Helper()
	p, err := c.k.Params.Get(c.ctx)
	require.NoError(c.t, err)
	p.L2ChainId = id
	require.NoError(c.t, c.k.Params.Set(c.ctx, p))
}

// refuse makes the L2 nodes of ids refuse hdr (their watchers cache it).
func (c *chain) refuse(hdr []byte, ids ...uint64) {
	for _, id := range ids {
		c.node(id).rejected = [][]byte{hdr}
	}
}

func (c *chain) offencesOf(kind types.OffenceKind) []types.Offence {
	c.t.Helper()
	var out []types.Offence
	require.NoError(c.t, c.k.Offences.Walk(c.ctx, nil, func(_ uint64, o types.Offence) (bool, error) {
		if o.Kind == kind {
			out = append(out, o)
		}
		return false, nil
	}))
	return out
}

func (c *chain) tallies() []types.WrongRootTally {
	c.t.Helper()
	gs, err := c.k.ExportGenesis(c.ctx)
	require.NoError(c.t, err)
	return gs.WrongRootTallies
}

func (c *chain) voteCount(id uint64) uint64 {
	c.t.Helper()
	n, err := c.k.WrongRootVoteCounts.Get(c.ctx, consAddrOf(id))
	if err != nil {
		require.ErrorIs(c.t, err, collections.ErrNotFound)
	}
	return n
}

// others are the ids of the nodes that are not id.
func (c *chain) others(id uint64) []uint64 {
	var out []uint64
	for _, n := range c.nodes {
		if n.id != id {
			out = append(out, n.id)
		}
	}
	return out
}

// reported is the rejected header node id's report for the next height carries.
func (c *chain) reported(id uint64) []byte {
	c.t.Helper()
	payload, err := c.node(id).src.Report(context.Background(), c.ctx, c.height)
	require.NoError(c.t, err)
	r, err := types.DecodeReport(payload)
	require.NoError(c.t, err)
	return r.RejectedHeader
}

// wrongRootChain is a chain of equal validators with the L2 chain id set, a first epoch
// and an agreed head of 3; it returns the producer of height 4.
func wrongRootChain(t *testing.T, validators int) (*chain, types.Epoch) {
	return wrongRootChainOf(t, validators, 0)
}

// wrongRootChainOf is wrongRootChain with epochs of epochLength L2 blocks (0: the
// harness's 20).
func wrongRootChainOf(t *testing.T, validators int, epochLength uint64) (*chain, types.Epoch) {
	powers := make([]int64, validators)
	for i := range powers {
		powers[i] = 10
	}
	c := newChain(t, powers...)
	c.setL2Chain(testL2Chain)
	if epochLength != 0 {
		p, err := c.k.Params.Get(c.ctx)
		require.NoError(t, err)
		p.EpochLength = epochLength
		require.NoError(t, c.k.Params.Set(c.ctx, p))
	}
	c.block(time.Second)
	c.run(3, true)
	require.Equal(t, uint64(3), c.progress().Height)
	return c, c.current()
}

// Three of four equal validators report that their L2 nodes refused the producer's
// sealed block: 30/40 > 2/3. The producer is charged a wrong state root once, the
// tally is cleared, reporters stop sending the block, and the stall the refused block
// causes is not charged: the re-election happens without a non-production offence.
func TestWrongStateRootConvictedByMoreThanTwoThirds(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	hdr := wrongBlock(t, p, 4)
	c.refuse(hdr, c.others(p)...)
	c.block(time.Second)

	offences := c.offencesOf(wrongRootKind)
	require.Len(t, offences, 1)
	o := offences[0]
	require.Equal(t, p, o.SequencerId)
	require.Equal(t, cur.Id, o.EpochId)
	require.Equal(t, uint64(4), o.L2Height)
	require.Equal(t, crypto.Keccak256(hdr), o.HeaderHash)
	rh, err := types.DecodeRejectedHeader(hdr)
	require.NoError(t, err)
	require.Equal(t, rh.SealHash.Bytes(), o.SealHash)
	require.Equal(t, c.height, o.DetectedHeight)
	require.True(t, o.StalledSince.IsZero())
	evs := sequencertest.TypedEvents[*types.EventWrongStateRoot](t, c.ctx)
	require.Len(t, evs, 1)
	require.Equal(t, uint32(3), evs[0].Voters)
	require.Empty(t, c.tallies(), "a convicted tally is cleared")
	for _, id := range c.others(p) {
		require.Zero(t, c.voteCount(id), "quota given back")
		require.Nil(t, c.reported(id), "the chain no longer wants the block")
	}

	// The L2 stands at 3 (the honest nodes refused 4): after the stall threshold the
	// chain re-elects, without charging the stall.
	c.run(5, false)
	re := c.current()
	require.Equal(t, stall, re.Reason)
	require.Equal(t, p, re.ReplacedProducerId)
	require.Equal(t, uint64(4), re.StartHeight)
	require.Empty(t, c.offencesOf(nonProductionKind), "critical only, not also medium")
	require.Len(t, c.offencesOf(wrongRootKind), 1, "charged once")
	c.checkInvariants()

	// A later stall of another producer is charged as usual.
	c.run(8, false)
	require.Len(t, c.offencesOf(nonProductionKind), 1)
	require.NotEqual(t, p, c.offencesOf(nonProductionKind)[0].SequencerId)
}

// resigned is hdr with the same content signed again with a random ECDSA nonce: another
// valid seal, another block hash, the same seal hash.
func resigned(t testing.TB, hdr []byte, signer uint64) []byte {
	t.Helper()
	var h ethtypes.Header
	require.NoError(t, rlp.DecodeBytes(hdr, &h))
	hash, err := types.L2SealHash(&h)
	require.NoError(t, err)
	key := keyOf(signer)
	r, s, err := ecdsa.Sign(rand.Reader, key, hash[:])
	require.NoError(t, err)
	if n := crypto.S256().Params().N; s.Cmp(new(big.Int).Rsh(n, 1)) > 0 {
		s.Sub(n, s)
	}
	for v := byte(0); v < 2; v++ {
		sig := make([]byte, 65)
		r.FillBytes(sig[:32])
		s.FillBytes(sig[32:64])
		sig[64] = v
		if pub, err := crypto.SigToPub(hash[:], sig); err == nil && crypto.PubkeyToAddress(*pub) == h.Coinbase {
			h.Extra = append(h.Extra[:types.L2VanityLen:types.L2VanityLen], sig...)
			bz, err := rlp.EncodeToBytes(&h)
			require.NoError(t, err)
			return bz
		}
	}
	t.Fatal("no recovery id")
	return nil
}

// A producer that hands its peers the same wrong block signed with different nonces
// (different block hashes) does not split the votes: the tally is by seal hash.
func TestWrongStateRootResignedBlockIsOneBlock(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	a := wrongBlock(t, p, 4)
	b := resigned(t, a, p)
	require.NotEqual(t, crypto.Keccak256(a), crypto.Keccak256(b))
	voters := c.others(p)
	c.refuse(a, voters[:2]...)
	c.refuse(b, voters[2])
	c.block(time.Second)
	offences := c.offencesOf(wrongRootKind)
	require.Len(t, offences, 1)
	require.Contains(t, [][]byte{crypto.Keccak256(a), crypto.Keccak256(b)}, offences[0].HeaderHash)
}

// When x/slashing bans the producer (it leaves the active set), the next block
// re-elects it by removal, also without a stall charge.
func TestWrongStateRootProducerRemovedNextBlock(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	c.refuse(wrongBlock(t, p, 4), c.others(p)...)
	c.block(time.Second)
	require.Len(t, c.offencesOf(wrongRootKind), 1)
	c.remove(p) // x/slashing's critical: banned
	c.block(time.Second)
	re := c.current()
	require.Equal(t, removal, re.Reason)
	require.Equal(t, p, re.ReplacedProducerId)
	require.Empty(t, c.offencesOf(nonProductionKind))
}

// Exactly 2/3 of power is not enough; the same validators reporting again in later
// blocks count once; one more validator convicts.
func TestWrongStateRootExactlyTwoThirdsIsNotEnough(t *testing.T) {
	c, cur := wrongRootChain(t, 6)
	p := cur.ProducerId
	hdr := wrongBlock(t, p, 4)
	voters := c.others(p) // 5 of 6
	c.refuse(hdr, voters[:4]...)
	for range 3 { // 40/60: exactly 2/3, block after block
		c.block(time.Second)
	}
	require.Empty(t, c.offencesOf(wrongRootKind))
	tallies := c.tallies()
	require.Len(t, tallies, 1)
	require.Len(t, tallies[0].Voters, 4, "a validator counts once however often it reports")
	for _, id := range voters[:4] {
		require.Equal(t, uint64(1), c.voteCount(id))
	}
	c.refuse(hdr, voters[4])
	c.block(time.Second)
	require.Len(t, c.offencesOf(wrongRootKind), 1)
	require.Equal(t, uint32(5), sequencertest.TypedEvents[*types.EventWrongStateRoot](t, c.ctx)[0].Voters)
}

// A minority (below 1/3) reporting a block of an honest producer, sealed by it, never
// convicts it: here the block is the producer's real one and one byzantine validator
// says its L2 node refused it, for as long as it likes.
func TestWrongStateRootMinorityNeverConvicts(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	liar := c.others(p)[0]
	c.refuse(wrongBlock(t, p, 4), liar)
	c.run(20, true)
	require.Empty(t, c.offencesOf(wrongRootKind))
	require.Len(t, c.tallies(), 1)
	require.Equal(t, []byte(consAddrOf(liar)), []byte(c.tallies()[0].Voters[0]))
}

// Reports the chain does not take, each from every validator but the producer (which
// would be enough power): a block sealed by another sequencer's key (naming itself or
// naming the producer), sealed for another L2 chain, at a height no live epoch covers,
// far outside the window, and a valid block while l2_chain_id is 0.
func TestWrongStateRootIgnoredReports(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	q := c.others(p)[0]
	require.Less(t, cur.EndHeight, uint64(100))
	cases := map[string][]byte{
		"sealed by an unscheduled sequencer":         sealed(t, q, q, testL2Chain, 4, 0),
		"sealed by another key naming the producer":  sealed(t, q, p, testL2Chain, 4, 0),
		"the producer's seal for another L2 chain":   sealed(t, p, p, testL2Chain+1, 4, 0),
		"a height no live epoch covers":              sealed(t, p, p, testL2Chain, 100, 0),
		"the producer's seal for L2 chain 0 (unset)": sealed(t, p, p, 0, 4, 0),
	}
	for name, hdr := range cases {
		forged := map[uint64][]byte{}
		for _, id := range c.others(p) {
			forged[id] = hdr
		}
		c.blockWith(time.Second, forged)
		require.Empty(t, c.tallies(), name)
		require.Empty(t, c.offencesOf(wrongRootKind), name)
		// The honest reporter does not even send it.
		c.refuse(hdr, q)
		require.Nil(t, c.reported(q), name)
		c.refuse(nil, q)
	}
	// l2_chain_id 0: no wrong-state-root evidence at all.
	c.setL2Chain(0)
	forged := map[uint64][]byte{}
	for _, id := range c.others(p) {
		forged[id] = wrongBlock(t, p, 4)
	}
	c.blockWith(time.Second, forged)
	require.Empty(t, c.tallies())
	require.Empty(t, c.offencesOf(wrongRootKind))
}

// The window: a block of the live epoch up to WrongRootWindow above the agreed head is
// taken, one more is not.
func TestWrongStateRootWindow(t *testing.T) {
	c, cur := wrongRootChainOf(t, 4, 1000)
	p := cur.ProducerId
	head := c.progress().Height
	require.GreaterOrEqual(t, cur.EndHeight, head+types.WrongRootWindow+1)
	liar := c.others(p)[0]
	c.blockWith(time.Second, map[uint64][]byte{liar: wrongBlock(t, p, head+types.WrongRootWindow+1)})
	require.Empty(t, c.tallies())
	c.blockWith(time.Second, map[uint64][]byte{liar: wrongBlock(t, p, head+types.WrongRootWindow)})
	require.Len(t, c.tallies(), 1)
}

// A byzantine producer reports a fresh block of its own (validly sealed) every block:
// it is counted in at most MaxWrongRootVotesPerValidator tallies, so the state stays
// bounded, its reporter would not even send more, and the honest validators' evidence
// against it still convicts (their quota is their own). The conviction drops every open
// tally of the epoch and gives the quotas back.
func TestWrongStateRootFloodIsBounded(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	for i := range 20 {
		c.blockWith(100*time.Millisecond, map[uint64][]byte{p: sealed(t, p, p, testL2Chain, 4+uint64(i%3), byte(i+1))})
	}
	require.Len(t, c.tallies(), types.MaxWrongRootVotesPerValidator)
	require.Equal(t, uint64(types.MaxWrongRootVotesPerValidator), c.voteCount(p))
	require.Empty(t, c.offencesOf(wrongRootKind))
	c.refuse(sealed(t, p, p, testL2Chain, 4, 99), p)
	require.Nil(t, c.reported(p), "over its quota: the reporter does not send it")

	c.refuse(wrongBlock(t, p, 4), c.others(p)...)
	c.blockWith(100*time.Millisecond, map[uint64][]byte{p: sealed(t, p, p, testL2Chain, 4, 99)})
	require.Len(t, c.offencesOf(wrongRootKind), 1)
	require.Empty(t, c.tallies(), "the epoch's open tallies are moot")
	for _, n := range c.nodes {
		require.Zero(t, c.voteCount(n.id))
	}
	c.checkInvariants()
}

// Open tallies are dropped WrongRootMaxAge blocks after they opened, and once the
// agreed head is more than WrongRootWindow past their height; quotas are given back.
func TestWrongStateRootTalliesArePruned(t *testing.T) {
	t.Run("age", func(t *testing.T) {
		c, cur := wrongRootChain(t, 4)
		p := cur.ProducerId
		liar := c.others(p)[0]
		c.blockWith(time.Second, map[uint64][]byte{liar: wrongBlock(t, p, 4)})
		tallies := c.tallies()
		require.Len(t, tallies, 1)
		opened := tallies[0].OpenedHeight
		for c.height < opened+types.WrongRootMaxAge-1 {
			c.block(time.Second)
		}
		require.Len(t, c.tallies(), 1)
		c.block(time.Second)
		require.Empty(t, c.tallies())
		require.Zero(t, c.voteCount(liar))
		c.checkInvariants()
	})
	t.Run("window", func(t *testing.T) {
		c, cur := wrongRootChain(t, 4)
		p := cur.ProducerId
		liar := c.others(p)[0]
		c.blockWith(time.Second, map[uint64][]byte{liar: wrongBlock(t, p, 4)})
		require.Len(t, c.tallies(), 1)
		for c.progress().Height <= 4+types.WrongRootWindow {
			require.Len(t, c.tallies(), 1)
			c.run(1, true)
		}
		require.Empty(t, c.tallies())
		require.Zero(t, c.voteCount(liar))
	})
}

// An old block of a producer the schedule no longer names for its height (it stalled
// and was replaced from that height on) is no evidence any more: a tally opened before
// the change is not added to, and the reporters do not send the block.
func TestWrongStateRootReplayAfterScheduleChange(t *testing.T) {
	c, cur := wrongRootChain(t, 4)
	p := cur.ProducerId
	hdr := wrongBlock(t, p, 4)
	early := c.others(p)[0]
	c.refuse(hdr, early)
	c.block(time.Second) // one voter: 10/40
	require.Len(t, c.tallies(), 1)
	c.refuse(nil, early)
	c.run(5, false) // the head stands: re-elected from 4
	re := c.current()
	require.Equal(t, stall, re.Reason)
	require.NotEqual(t, p, re.ProducerId)
	require.Len(t, c.offencesOf(nonProductionKind), 1, "no wrong-root conviction: the stall is charged")

	c.refuse(hdr, c.others(p)...)
	for _, id := range c.others(p) {
		require.Nil(t, c.reported(id))
	}
	forged := map[uint64][]byte{}
	for _, id := range c.others(p) {
		forged[id] = hdr
	}
	c.blockWith(time.Second, forged)
	c.blockWith(time.Second, forged)
	require.Empty(t, c.offencesOf(wrongRootKind))
	require.Len(t, c.tallies()[0].Voters, 1, "no vote added under the new schedule")
}

// Every validator's reporter rotates among the refused blocks the chain still wants,
// so two refused blocks both get their votes; the stall of an epoch already charged a
// wrong state root is not charged after a genesis export and import either.
func TestWrongStateRootReporterRotatesAndGenesisRoundTrip(t *testing.T) {
	c, cur := wrongRootChain(t, 7)
	p := cur.ProducerId
	a, b := wrongBlock(t, p, 4), sealed(t, p, p, testL2Chain, 4, 1)
	ids := c.others(p)
	for _, id := range ids[:4] { // 40/70: not enough for either block alone
		c.node(id).rejected = [][]byte{b, a}
	}
	c.block(time.Second)
	c.block(time.Second)
	c.block(time.Second)
	tallies := c.tallies()
	require.Len(t, tallies, 2)
	require.Len(t, tallies[0].Voters, 4)
	require.Len(t, tallies[1].Voters, 4)
	require.Empty(t, c.offencesOf(wrongRootKind))

	// Export and import with the open tallies.
	exported, err := c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tc := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t"))
	ctx := tc.Ctx.WithBlockHeight(c.height).WithBlockTime(c.now).WithChainID(testChainID).WithEventManager(sdk.NewEventManager())
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), sequencertest.AddressCodec(), sequencertest.Authority(t), c.seqs)
	require.NoError(t, k2.InitGenesis(ctx, *exported))
	again, err := k2.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	n, err := k2.WrongRootVoteCounts.Get(ctx, consAddrOf(ids[0]))
	require.NoError(t, err)
	require.Equal(t, uint64(2), n, "quotas rebuilt")

	// On the original chain a fifth validator convicts a; the export then carries the
	// offence, and the import knows the epoch is charged (b is no longer wanted).
	c.refuse(a, ids[4])
	c.block(time.Second)
	require.Len(t, c.offencesOf(wrongRootKind), 1)
	exported, err = c.k.ExportGenesis(c.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	key = storetypes.NewKVStoreKey(types.StoreKey)
	tc = testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t"))
	ctx = tc.Ctx.WithBlockHeight(c.height).WithBlockTime(c.now).WithEventManager(sdk.NewEventManager())
	k3 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), sequencertest.AddressCodec(), sequencertest.Authority(t), c.seqs)
	require.NoError(t, k3.InitGenesis(ctx, *exported))
	charged, err := k3.WrongRootEpochs.Has(ctx, cur.Id)
	require.NoError(t, err)
	require.True(t, charged)
	rb, err := types.DecodeRejectedHeader(b)
	require.NoError(t, err)
	want, err := k3.WrongRootWanted(ctx, rb, consAddrOf(ids[5]))
	require.NoError(t, err)
	require.False(t, want)
}

func TestGenesisValidationWrongRoots(t *testing.T) {
	seed := make([]byte, 32)
	h32 := func(b byte) []byte { x := make([]byte, 32); x[0] = b; return x }
	addr := func(b byte) []byte { x := make([]byte, 20); x[0] = b; return x }
	valid := func() types.GenesisState {
		gs := types.DefaultGenesis()
		gs.Epochs = []types.Epoch{{Id: 1, StartHeight: 1, EndHeight: 10, PlannedEndHeight: 10, ProducerId: 1, Signer: "0x01", Reason: scheduled, Seed: seed}}
		gs.Offences = []types.Offence{{Id: 1, Kind: wrongRootKind, SequencerId: 1, EpochId: 1, L2Height: 4, HeaderHash: h32(9), SealHash: h32(8)}}
		gs.WrongRootTallies = []types.WrongRootTally{
			{L2Height: 4, SealHash: h32(1), HeaderHash: h32(11), EpochId: 1, ProducerId: 1, OpenedHeight: 3, Voters: [][]byte{addr(1), addr(2)}},
			{L2Height: 4, SealHash: h32(2), HeaderHash: h32(12), EpochId: 1, ProducerId: 1, OpenedHeight: 3, Voters: [][]byte{addr(1)}},
		}
		return *gs
	}
	gs := valid()
	require.NoError(t, gs.Validate())
	for name, mutate := range map[string]func(*types.GenesisState){
		"offence without hash":      func(gs *types.GenesisState) { gs.Offences[0].HeaderHash = nil },
		"offence without seal hash": func(gs *types.GenesisState) { gs.Offences[0].SealHash = nil },
		"two offences of an epoch":  func(gs *types.GenesisState) { o := gs.Offences[0]; o.Id = 2; gs.Offences = append(gs.Offences, o) },
		"unknown offence kind":      func(gs *types.GenesisState) { gs.Offences[0].Kind = 99 },
		"tallies out of order": func(gs *types.GenesisState) {
			gs.WrongRootTallies[0], gs.WrongRootTallies[1] = gs.WrongRootTallies[1], gs.WrongRootTallies[0]
		},
		"tally twice":       func(gs *types.GenesisState) { gs.WrongRootTallies[1].SealHash = h32(1) },
		"short seal hash":   func(gs *types.GenesisState) { gs.WrongRootTallies[0].SealHash = h32(1)[:31] },
		"short header hash": func(gs *types.GenesisState) { gs.WrongRootTallies[0].HeaderHash = nil },
		"height 0":          func(gs *types.GenesisState) { gs.WrongRootTallies[0].L2Height = 0 },
		"unknown epoch":     func(gs *types.GenesisState) { gs.WrongRootTallies[0].EpochId = 7 },
		"no voters":         func(gs *types.GenesisState) { gs.WrongRootTallies[0].Voters = nil },
		"voters unsorted":   func(gs *types.GenesisState) { gs.WrongRootTallies[0].Voters = [][]byte{addr(2), addr(1)} },
		"short voter":       func(gs *types.GenesisState) { gs.WrongRootTallies[0].Voters = [][]byte{addr(1)[:19]} },
		"voter over its quota": func(gs *types.GenesisState) {
			gs.WrongRootTallies = nil
			for i := range types.MaxWrongRootVotesPerValidator + 1 {
				gs.WrongRootTallies = append(gs.WrongRootTallies, types.WrongRootTally{L2Height: 4, SealHash: h32(byte(i + 1)), HeaderHash: h32(1), EpochId: 1, ProducerId: 1, Voters: [][]byte{addr(1)}})
			}
		},
	} {
		gs := valid()
		mutate(&gs)
		require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, name)
	}
}
