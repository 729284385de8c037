package keeper_test

import (
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// epoch is a decided x/epoch epoch of producer over [start, end].
func epoch(id, producer, start, end uint64) epochtypes.Epoch {
	return epochtypes.Epoch{Id: id, ProducerId: producer, StartHeight: start, EndHeight: end, PlannedEndHeight: end}
}

// decide records decided epochs in the fake x/epoch.
func (c *chain) decide(es ...epochtypes.Epoch) {
	c.epochs.history = append(c.epochs.history, es...)
}

// head sets the agreed L2 head.
func (c *chain) head(h uint64) {
	c.epochs.head, c.epochs.headKnown = h, true
}

// setRewardPerBlock sets the reward per block in force, as genesis or a re-target would.
func (c *chain) setRewardPerBlock(v math.Int) {
	c.t.Helper()
	s, err := c.k.RewardState.Get(c.Ctx)
	require.NoError(c.t, err)
	s.RewardPerBlock = v
	require.NoError(c.t, c.k.RewardState.Set(c.Ctx, s))
}

func (c *chain) rewardState() types.RewardState {
	c.t.Helper()
	s, err := c.k.RewardState.Get(c.Ctx)
	require.NoError(c.t, err)
	return s
}

func (c *chain) rewardsOf(id uint64) types.SequencerRewards {
	c.t.Helper()
	r, err := c.query.SequencerRewards(c.Ctx, &types.QuerySequencerRewardsRequest{SequencerId: id})
	require.NoError(c.t, err)
	return r.Rewards
}

// credited returns the credit of epoch id and whether there is one.
func (c *chain) credited(id uint64) (types.EpochCredit, bool) {
	c.t.Helper()
	cr, err := c.k.EpochCredits.Get(c.Ctx, id)
	if err != nil {
		require.ErrorIs(c.t, err, collections.ErrNotFound)
		return cr, false
	}
	return cr, true
}

// judgedL2 records a judged L2 offence of sequencer seq at L2 height h, as the L2
// evidence handlers do.
func (c *chain) judgedL2(id, seq uint64, class types.OffenceClass, kind string, h uint64, status types.OffenceStatus) {
	c.t.Helper()
	o := types.Offence{Id: id, Class: class, Severity: types.SEVERITY_CRITICAL, SequencerId: seq, Owner: sequencertest.Owner(seq),
		EvidenceRef: types.L2EvidenceRef(kind, seq, h), StakeBefore: math.ZeroInt(), Slashed: math.ZeroInt(), Remaining: math.ZeroInt(), Status: status}
	require.NoError(c.t, c.k.Offences.Set(c.Ctx, id, o))
	require.NoError(c.t, c.k.OffencesBySequencer.Set(c.Ctx, collections.Join(seq, id)))
	// The judged epoch: the credit rules' epoch 1 was planned over L2 heights 100..199.
	epoch := uint64(2)
	if h >= 100 && h <= 199 {
		epoch = 1
	}
	require.NoError(c.t, c.k.L2Forfeits.Set(c.Ctx, collections.Join(seq, epoch), id))
}

// Each crediting rule: a closed epoch credits its producer the blocks the agreed head
// shows it produced at the reward per block in force, or nothing and why; an epoch the
// head has not passed is not credited yet.
func TestRewards_CreditRules(t *testing.T) {
	perBlock := math.NewInt(1_000_000_007)
	huge := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	for _, tc := range []struct {
		name     string
		epoch    epochtypes.Epoch
		head     uint64
		perBlock math.Int
		setup    func(c *chain)
		credited bool
		status   types.CreditStatus
		blocks   uint64
	}{
		{name: "whole epoch: the head passed its end", epoch: epoch(1, 2, 100, 199), head: 250,
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "head exactly at the end", epoch: epoch(1, 2, 100, 199), head: 199,
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "stalled epoch cut at the agreed head: paid only the blocks it produced",
			epoch: epochtypes.Epoch{Id: 1, ProducerId: 2, StartHeight: 100, EndHeight: 136, PlannedEndHeight: 199}, head: 136,
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 37},
		{name: "head inside the epoch: open, nothing credited beyond the head", epoch: epoch(1, 2, 100, 199), head: 150},
		{name: "head below the start: open, nothing", epoch: epoch(1, 2, 100, 199), head: 50},
		{name: "cancelled: 0", epoch: epochtypes.Epoch{Id: 1, ProducerId: 2, StartHeight: 200, EndHeight: 299, Cancelled: true}, head: 150,
			credited: true, status: types.CREDIT_STATUS_CANCELLED},
		{name: "cancelled, the head later inside its old range (another producer's blocks): 0",
			epoch: epochtypes.Epoch{Id: 1, ProducerId: 2, StartHeight: 200, EndHeight: 299, Cancelled: true}, head: 400,
			credited: true, status: types.CREDIT_STATUS_CANCELLED},
		{name: "low-flagged producer: 0", epoch: epoch(1, 2, 100, 199), head: 250,
			setup:    func(c *chain) { require.NoError(t, c.k.LowFlagged.Set(c.Ctx, 2, c.Ctx.BlockHeight())) },
			credited: true, status: types.CREDIT_STATUS_LOW_FLAGGED},
		{name: "another sequencer low-flagged: paid", epoch: epoch(1, 2, 100, 199), head: 250,
			setup:    func(c *chain) { require.NoError(t, c.k.LowFlagged.Set(c.Ctx, 3, c.Ctx.BlockHeight())) },
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "L2 equivocation at a height of the epoch: 0", epoch: epoch(1, 2, 100, 199), head: 250,
			setup: func(c *chain) {
				c.judgedL2(7, 2, types.OFFENCE_CLASS_L2_EQUIVOCATION, types.EvidenceRefL2Equivocation, 150, types.OFFENCE_STATUS_APPLIED)
			},
			credited: true, status: types.CREDIT_STATUS_L2_OFFENCE},
		{name: "equivocation at the tip, above the end the removal cut the epoch at: 0",
			epoch: epochtypes.Epoch{Id: 1, ProducerId: 2, StartHeight: 100, EndHeight: 136, PlannedEndHeight: 199}, head: 136,
			setup: func(c *chain) {
				c.judgedL2(7, 2, types.OFFENCE_CLASS_L2_EQUIVOCATION, types.EvidenceRefL2Equivocation, 150, types.OFFENCE_STATUS_APPLIED)
			},
			credited: true, status: types.CREDIT_STATUS_L2_OFFENCE},
		{name: "wrong state root at the epoch's first height: 0", epoch: epoch(1, 2, 100, 199), head: 250,
			setup: func(c *chain) {
				c.judgedL2(7, 2, types.OFFENCE_CLASS_WRONG_STATE_ROOT, "wrong-state-root", 100, types.OFFENCE_STATUS_APPLIED)
			},
			credited: true, status: types.CREDIT_STATUS_L2_OFFENCE},
		{name: "equivocation in another epoch: paid", epoch: epoch(1, 2, 100, 199), head: 250,
			setup: func(c *chain) {
				c.judgedL2(7, 2, types.OFFENCE_CLASS_L2_EQUIVOCATION, types.EvidenceRefL2Equivocation, 200, types.OFFENCE_STATUS_APPLIED)
			},
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "another producer's equivocation: paid", epoch: epoch(1, 2, 100, 199), head: 250,
			setup: func(c *chain) {
				c.judgedL2(7, 3, types.OFFENCE_CLASS_L2_EQUIVOCATION, types.EvidenceRefL2Equivocation, 150, types.OFFENCE_STATUS_APPLIED)
			},
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "equivocation reverted on appeal: paid", epoch: epoch(1, 2, 100, 199), head: 250,
			setup: func(c *chain) {
				c.judgedL2(7, 2, types.OFFENCE_CLASS_L2_EQUIVOCATION, types.EvidenceRefL2Equivocation, 150, types.OFFENCE_STATUS_APPEALED)
			},
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "a stall (medium) does not forfeit the blocks produced", epoch: epoch(1, 2, 100, 199), head: 250,
			setup: func(c *chain) {
				c.stall(2)
				c.endBlock()
			},
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
		{name: "an amount beyond 256 bits: nothing, an alarm, no halt", epoch: epoch(1, 2, 100, 199), head: 250, perBlock: huge,
			credited: true, status: types.CREDIT_STATUS_OVERFLOW},
		{name: "reward per block 0: paid nothing", epoch: epoch(1, 2, 100, 199), head: 250, perBlock: math.ZeroInt(),
			credited: true, status: types.CREDIT_STATUS_PAID, blocks: 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newChain(t)
			pb := perBlock
			if !tc.perBlock.IsNil() {
				pb = tc.perBlock
			}
			c.setRewardPerBlock(pb)
			if tc.setup != nil {
				tc.setup(c)
			}
			c.decide(tc.epoch)
			c.head(tc.head)
			c.FreshEvents()
			c.next()

			got, ok := c.credited(1)
			require.Equal(t, tc.credited, ok)
			if !tc.credited {
				require.Zero(t, c.rewardState().EpochCursor, "an open epoch holds the cursor")
				require.True(t, c.rewardsOf(2).Accrued.IsZero())
				return
			}
			require.Equal(t, uint64(1), c.rewardState().EpochCursor)
			require.Equal(t, tc.status, got.Status, got.Note)
			require.Equal(t, tc.blocks, got.Blocks)
			require.True(t, got.Amount.Equal(pb.MulRaw(int64(tc.blocks))), "amount %s", got.Amount)
			require.True(t, c.rewardsOf(2).Accrued.Equal(got.Amount))
			require.Equal(t, tc.blocks, c.rewardsOf(2).BlocksProduced)
			if got.Blocks > 0 {
				require.LessOrEqual(t, tc.epoch.StartHeight+got.Blocks-1, tc.head, "credited a block above the agreed head")
			}
			if tc.status != types.CREDIT_STATUS_PAID {
				require.NotEmpty(t, got.Note, "say why nothing was credited")
			}
			evs := sequencertest.TypedEvents[*types.EventEpochCredited](t, c.Ctx)
			require.Len(t, evs, 1)
			require.Equal(t, got, evs[0].Credit)
		})
	}
}

// An open epoch holds the later ones back (credits go in epoch id order); once it
// closes, everything closed after it is credited, at most 32 epochs a block.
func TestRewards_CreditsInOrderAndBounded(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(10))
	// Epoch 1 is current; 2 was its successor, cancelled when 3 replaced it.
	c.decide(epoch(1, 2, 1, 100), epochtypes.Epoch{Id: 2, ProducerId: 3, StartHeight: 101, EndHeight: 200, Cancelled: true}, epoch(3, 3, 101, 200))
	c.head(60)
	c.next()
	_, ok := c.credited(2)
	require.False(t, ok, "the cancelled epoch waits for epoch 1")
	c.head(150)
	c.next()
	cr, _ := c.credited(1)
	require.Equal(t, uint64(100), cr.Blocks)
	cr, _ = c.credited(2)
	require.Equal(t, types.CREDIT_STATUS_CANCELLED, cr.Status)
	_, ok = c.credited(3)
	require.False(t, ok)
	require.Equal(t, uint64(2), c.rewardState().EpochCursor)

	for id := uint64(4); id < 4+40; id++ {
		start := 201 + (id-4)*10
		c.decide(epoch(id, 2+id%2, start, start+9))
	}
	c.head(10_000)
	c.next()
	require.Equal(t, uint64(2+32), c.rewardState().EpochCursor, "32 epochs in one block")
	c.next()
	require.Equal(t, uint64(43), c.rewardState().EpochCursor, "the rest in the next")
	// 100 blocks (epoch 1) + 20 epochs of 10 for each of 2 and 3, and epoch 3's 100 for 3.
	require.Equal(t, uint64(100+200), c.rewardsOf(2).BlocksProduced)
	require.Equal(t, uint64(100+200), c.rewardsOf(3).BlocksProduced)
	require.Equal(t, "3000", c.rewardsOf(2).Accrued.String())
}

// A credit is final: an epoch credited is never credited again, whatever happens to
// the head or the record afterwards.
func TestRewards_CreditedOnce(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(3))
	c.decide(epoch(1, 2, 1, 10))
	c.head(10)
	c.next()
	c.head(1_000)
	c.epochs.history[0].EndHeight = 999 // a lying record after the fact changes nothing
	c.next()
	c.next()
	require.Equal(t, "30", c.rewardsOf(2).Accrued.String())
}

// poolGenesis is x/sequencer's genesis with the relayer (50,000) and sequencers 1..n
// with the given stakes, all ACTIVE and whitelisted.
func poolGenesis(t testing.TB, stakes ...math.Int) *sequencertypes.GenesisState {
	gs := sequencertest.RelayerGenesis(t)
	for i, stake := range stakes {
		id := uint64(i + 1)
		_, pub := sequencertest.NewSignerKey(t, 7_000_000+id)
		key := sequencertest.MustSignerKey(t, pub)
		owner := sequencertest.Owner(id)
		gs.Whitelist = append(gs.Whitelist, owner)
		gs.Sequencers = append(gs.Sequencers, sequencertypes.Sequencer{
			Id: id, Owner: owner, Signer: key.L1Address(), PubKey: pub, Locked: stake, RewardRecipient: owner,
			Status: sequencertypes.SEQUENCER_STATUS_ACTIVE, ActivationHeight: sequencertest.GenesisHeight, L1Nonce: 1,
		})
	}
	return gs
}

// expectedPerBlock is the re-target computed independently of package rewards: the
// yearly reward (capped stake * bps / 10,000) divided by the blocks a year at the
// measured rate (blocks * 365 days / seconds), exactly, then floored.
func expectedPerBlock(capped math.Int, bps, seconds, blocks int64) string {
	yearly := new(big.Rat).SetFrac(new(big.Int).Mul(capped.BigInt(), big.NewInt(bps)), big.NewInt(10_000))
	perYear := new(big.Rat).SetFrac(big.NewInt(blocks*365*24*3600), big.NewInt(seconds))
	q := new(big.Rat).Quo(yearly, perYear)
	return new(big.Int).Quo(q.Num(), q.Denom()).String()
}

// The re-target on recorded block rates: 1,000,000 tokens of capped stake (stake above
// max_lock, jailed sequencers and unconfirmed slashes not counted) at 20 %.
func TestRewards_RetargetOnRecordedRates(t *testing.T) {
	tok := sequencertest.Tokens
	// Relayer 50,000 + 8 x 100,000 + 500,000 capped at 100,000 + 60,000 less an
	// unconfirmed slash of 10,000 = 1,000,000; sequencer 11 (100,000) is jailed.
	stakes := []math.Int{tok(100_000), tok(100_000), tok(100_000), tok(100_000), tok(100_000), tok(100_000), tok(100_000), tok(100_000),
		tok(500_000), tok(60_000), tok(100_000)}
	c := newChainWithGenesis(t, poolGenesis(t, stakes...))
	require.NoError(t, c.K.AddUnconfirmedSlash(c.Ctx, 10, tok(10_000)))
	jailed, err := c.K.Jail(c.Ctx, 11, "test")
	require.NoError(t, err)
	require.True(t, jailed)
	capped := tok(1_000_000)
	const twoWeeks = 14 * 24 * 3600

	c.head(5_000)
	c.endBlock()
	s := c.rewardState()
	require.Equal(t, c.Ctx.BlockTime(), s.WindowStartTime, "the first window starts at the first agreed head")
	require.Equal(t, uint64(5_000), s.WindowStartL2Height)
	require.True(t, s.RewardPerBlock.IsZero(), "0 before the first re-target")

	// One second short of the interval: nothing.
	c.after(twoWeeks*time.Second - time.Second)
	c.head(5_000 + twoWeeks - 1)
	c.endBlock()
	require.True(t, c.rewardState().RewardPerBlock.IsZero())

	for _, tc := range []struct {
		name   string
		blocks int64 // L2 blocks agreed over the two weeks
		want   string
	}{
		{"1 block/s", twoWeeks, "6341958396752917"},
		{"2 s blocks", twoWeeks / 2, "12683916793505834"},
		{"2 s blocks with 9,600 s of gaps", 600_000, "12785388127853881"},
		{"2 blocks/s", 2 * twoWeeks, "3170979198376458"},
	} {
		c.setRewardPerBlock(math.ZeroInt()) // each case from zero: the formula, not the step clamp
		start := c.rewardState()
		c.after(time.Duration(twoWeeks)*time.Second - (c.Ctx.BlockTime().Sub(start.WindowStartTime)))
		c.head(start.WindowStartL2Height + uint64(tc.blocks))
		c.FreshEvents()
		c.endBlock()
		s := c.rewardState()
		require.Equal(t, tc.want, expectedPerBlock(capped, 2000, twoWeeks, tc.blocks), tc.name)
		require.Equal(t, tc.want, s.RewardPerBlock.String(), tc.name)
		require.Equal(t, c.Ctx.BlockTime(), s.WindowStartTime, "a new window starts")
		require.Equal(t, start.WindowStartL2Height+uint64(tc.blocks), s.WindowStartL2Height)
		evs := sequencertest.TypedEvents[*types.EventRewardRetargeted](t, c.Ctx)
		require.Len(t, evs, 1)
		require.Equal(t, types.EventRewardRetargeted{
			OldRewardPerBlock: start.RewardPerBlock.String(), NewRewardPerBlock: tc.want, CappedStake: capped.String(),
			YearlyRateBps: 2000, WindowSeconds: twoWeeks, WindowL2Blocks: uint64(tc.blocks),
		}, *evs[0], tc.name)
		// The year at this rate pays 20 % of the capped stake, short by less than a
		// base unit per block of the year.
		yearBlocks := big.NewRat(tc.blocks*365, 14)
		paid := new(big.Rat).Mul(new(big.Rat).SetInt(s.RewardPerBlock.BigInt()), yearBlocks)
		target := new(big.Rat).SetInt(capped.MulRaw(2000).QuoRaw(10_000).BigInt())
		require.LessOrEqual(t, paid.Cmp(target), 0, tc.name)
		require.Negative(t, new(big.Rat).Sub(target, paid).Cmp(yearBlocks), tc.name)
	}

	// The L2 stood still for the whole window: the value is kept, and the event says so.
	before := c.rewardState()
	c.after(twoWeeks * time.Second)
	c.FreshEvents()
	c.endBlock()
	require.True(t, c.rewardState().RewardPerBlock.Equal(before.RewardPerBlock))
	evs := sequencertest.TypedEvents[*types.EventRewardRetargeted](t, c.Ctx)
	require.Len(t, evs, 1)
	require.True(t, evs[0].Kept)
	require.Contains(t, evs[0].Reason, "empty re-target window")
	require.Equal(t, c.Ctx.BlockTime(), c.rewardState().WindowStartTime, "a new window starts anyway")
}

// With no capped stake (no active sequencer holds any) the target is 0: the formula
// applies, nothing is invented. A capped stake beyond 256 bits keeps the value.
func TestRewards_RetargetEdgeStakes(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(99))
	c.head(10)
	c.endBlock()
	cfg, err := c.K.L1Config.Get(c.Ctx)
	require.NoError(t, err)
	cfg.MaxLock = math.ZeroInt()
	require.NoError(t, c.K.L1Config.Set(c.Ctx, cfg))
	c.after(14 * 24 * time.Hour)
	c.head(1_000)
	c.endBlock()
	require.Equal(t, "0", c.rewardState().RewardPerBlock.String())

	c.setRewardPerBlock(math.NewInt(99))
	maxUint256 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	cfg.MaxLock = maxUint256
	require.NoError(t, c.K.L1Config.Set(c.Ctx, cfg))
	for _, id := range []uint64{2, 3} {
		s := c.Seq(id)
		s.Locked = maxUint256
		require.NoError(t, c.K.Sequencers.Set(c.Ctx, id, s))
	}
	c.after(14 * 24 * time.Hour)
	c.head(2_000)
	c.FreshEvents()
	c.endBlock()
	require.Equal(t, "99", c.rewardState().RewardPerBlock.String())
	evs := sequencertest.TypedEvents[*types.EventRewardRetargeted](t, c.Ctx)
	require.Len(t, evs, 1)
	require.True(t, evs[0].Kept)
	require.Contains(t, evs[0].Reason, "256 bits")
}

// batches returns the REWARD_BATCH actions, by action id.
func (c *chain) batches() []types.L1Action {
	c.t.Helper()
	var out []types.L1Action
	require.NoError(c.t, c.k.L1Actions.Walk(c.Ctx, nil, func(_ uint64, a types.L1Action) (bool, error) {
		if a.Kind == types.L1_ACTION_KIND_REWARD_BATCH {
			out = append(out, a)
		}
		return false, nil
	}))
	return out
}

// Batching: once a day every accrued amount goes into one REWARD_BATCH action (by
// sequencer id, zero amounts left out) and moves from accrued to batched exactly; batch
// ids follow NextRewardBatch (another module's batch takes its id too); nothing is
// queued when nothing accrued.
func TestRewards_Batching(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(1_000))
	c.head(0)
	c.endBlock() // the batch clock starts
	start := c.rewardState().LastBatchTime
	require.Equal(t, c.Ctx.BlockTime(), start)

	c.decide(epoch(1, 3, 1, 10), epoch(2, 2, 11, 30), epoch(3, 1000, 31, 35))
	require.NoError(t, c.k.LowFlagged.Set(c.Ctx, 1000, c.Ctx.BlockHeight())) // earns nothing: left out of the batch
	c.head(35)
	c.after(23 * time.Hour)
	c.endBlock()
	require.Empty(t, c.batches(), "not a day yet")
	require.Equal(t, "20000", c.rewardsOf(2).Accrued.String())

	c.after(time.Hour)
	c.FreshEvents()
	c.endBlock()
	bs := c.batches()
	require.Len(t, bs, 1)
	require.Equal(t, types.L1_ACTION_STATUS_QUEUED, bs[0].Status)
	require.Equal(t, &types.RewardBatchAction{BatchId: 1, Payments: []types.RewardPayment{
		{SequencerId: 2, Amount: math.NewInt(20_000)}, {SequencerId: 3, Amount: math.NewInt(10_000)},
	}}, bs[0].RewardBatch)
	for id, amount := range map[uint64]int64{2: 20_000, 3: 10_000} {
		r := c.rewardsOf(id)
		require.True(t, r.Accrued.IsZero())
		require.Equal(t, amount, r.Batched.Int64())
		require.True(t, r.Paid.IsZero(), "paid waits for L1's RewardCredited (the write-back)")
	}
	evs := sequencertest.TypedEvents[*types.EventRewardBatchQueued](t, c.Ctx)
	require.Equal(t, []*types.EventRewardBatchQueued{{BatchId: 1, ActionId: bs[0].Id, Payments: 2, Total: "30000"}}, evs)
	queued, err := c.query.L1Actions(c.Ctx, &types.QueryL1ActionsRequest{Status: types.L1_ACTION_STATUS_QUEUED})
	require.NoError(t, err)
	require.Len(t, queued.Actions, 1)

	// A day with nothing accrued: no batch.
	c.after(24 * time.Hour)
	c.endBlock()
	require.Len(t, c.batches(), 1)

	// Another module (an appeal's reimbursement) takes batch 2; ours is 3.
	_, err = c.k.NextRewardBatch.Next(c.Ctx)
	require.NoError(t, err)
	c.decide(epoch(4, 2, 36, 40))
	c.head(40)
	c.after(24 * time.Hour)
	c.endBlock()
	bs = c.batches()
	require.Len(t, bs, 2)
	require.Equal(t, uint64(3), bs[1].RewardBatch.BatchId)
	require.Equal(t, "25000", c.rewardsOf(2).Batched.String())
	require.True(t, c.rewardsOf(2).Accrued.IsZero())
}

// A chain whose contract already applied reward batches (lastRewardBatch 7, as
// mirrored) goes on with batch 8, not 1, which L1 would refuse for good; the export
// that starts at batch 8 is a valid genesis and imports with the sequence after it.
func TestRewards_BatchIdsContinueAfterTheContract(t *testing.T) {
	c := newChain(t)
	c.ledger(batchEvent(7, 1, 5)) // a batch of an earlier chain: unmatched here, mirrored
	c.setRewardPerBlock(math.NewInt(1_000))
	c.head(0)
	c.endBlock()
	c.decide(epoch(1, 2, 1, 10))
	c.head(10)
	c.after(24 * time.Hour)
	c.endBlock()
	bs := c.batches()
	require.Len(t, bs, 1)
	require.Equal(t, uint64(8), bs[0].RewardBatch.BatchId)

	gs, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	c.ledger(batchEvent(8, 1, 10_000))
	require.Equal(t, types.L1_ACTION_STATUS_CONFIRMED, c.action(bs[0].Id).Status, "settled by the contract's batch 8")

	// The contract moves ahead again (batches of an earlier pool): the chain's next
	// batch skips to 21, and its export, ids 8 then 21, still loads.
	c.ledger(batchEvent(20, 1, 5))
	c.decide(epoch(2, 2, 11, 20))
	c.head(20)
	c.after(24 * time.Hour)
	c.endBlock()
	bs = c.batches()
	require.Len(t, bs, 2)
	require.Equal(t, uint64(21), bs[1].RewardBatch.BatchId)
	gs, err = c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	c2 := newChain(t)
	require.NoError(t, c2.k.InitGenesis(c2.Ctx, *gs))
	next, err := c2.k.NextRewardBatch.Peek(c2.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(21), next)

	// Ids that do not rise are refused.
	gs.L1Actions[len(gs.L1Actions)-1].RewardBatch.BatchId = 8
	require.ErrorContains(t, gs.Validate(), "reward batch 8 after 8")
}

// More accrued sequencers than fit one L1 transaction make several batches in one
// block, with consecutive ids, every sequencer once.
func TestRewards_BatchesSplitAtMaxPayments(t *testing.T) {
	c := newChain(t)
	c.head(0)
	c.endBlock()
	const n = 450
	for id := uint64(1); id <= n; id++ {
		require.NoError(t, c.k.SequencerRewards.Set(c.Ctx, id, types.SequencerRewards{
			SequencerId: id, Accrued: math.NewIntFromUint64(id), Batched: math.ZeroInt(), Paid: math.ZeroInt(),
		}))
	}
	c.after(24 * time.Hour)
	c.endBlock()
	bs := c.batches()
	require.Len(t, bs, 5)
	next := uint64(1)
	for i, b := range bs {
		require.Equal(t, uint64(i+1), b.RewardBatch.BatchId)
		require.LessOrEqual(t, len(b.RewardBatch.Payments), types.MaxPaymentsPerBatch)
		_, err := b.L1Call(testStaking)
		require.NoError(t, err, "each batch fits one L1 transaction")
		for _, p := range b.RewardBatch.Payments {
			require.Equal(t, next, p.SequencerId)
			require.Equal(t, next, p.Amount.Uint64())
			next++
		}
	}
	require.Equal(t, uint64(n+1), next)
}

// Export then import gives the same reward state, and validation refuses what could
// not have been exported.
func TestRewards_GenesisRoundTrip(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(7))
	c.head(0)
	c.endBlock()
	c.decide(epoch(1, 2, 1, 10), epochtypes.Epoch{Id: 2, ProducerId: 3, StartHeight: 11, EndHeight: 20, Cancelled: true}, epoch(3, 3, 11, 20))
	c.head(20)
	c.after(24 * time.Hour)
	c.endBlock() // credits, then batches
	c.decide(epoch(4, 2, 21, 30))
	c.head(30)
	c.after(time.Hour)
	c.endBlock()

	exported, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.EpochCredits, 4)
	require.Len(t, exported.SequencerRewards, 2)
	require.Equal(t, uint64(4), exported.RewardState.EpochCursor)
	require.Len(t, c.batches(), 1)

	c2 := newChain(t)
	require.NoError(t, c2.k.InitGenesis(c2.Ctx, *exported))
	again, err := c2.k.ExportGenesis(c2.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	next, err := c2.k.NextRewardBatch.Peek(c2.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), next, "the next batch is 2")

	for name, mutate := range map[string]func(gs *types.GenesisState){
		"negative reward per block": func(gs *types.GenesisState) { gs.RewardState.RewardPerBlock = math.NewInt(-1) },
		"rewards of sequencer 0":    func(gs *types.GenesisState) { gs.SequencerRewards[0].SequencerId = 0 },
		"rewards repeated":          func(gs *types.GenesisState) { gs.SequencerRewards[1] = gs.SequencerRewards[0] },
		"negative accrued":          func(gs *types.GenesisState) { gs.SequencerRewards[0].Accrued = math.NewInt(-1) },
		"missing paid":              func(gs *types.GenesisState) { gs.SequencerRewards[0].Paid = math.Int{} },
		"credit past the cursor":    func(gs *types.GenesisState) { gs.RewardState.EpochCursor = 3 },
		"credits out of order": func(gs *types.GenesisState) {
			gs.EpochCredits[0], gs.EpochCredits[1] = gs.EpochCredits[1], gs.EpochCredits[0]
		},
		"more blocks than produced":  func(gs *types.GenesisState) { gs.EpochCredits[0].Blocks = gs.EpochCredits[0].Produced + 1 },
		"a cancelled epoch credited": func(gs *types.GenesisState) { gs.EpochCredits[1].Amount = math.NewInt(1) },
		"credit without status":      func(gs *types.GenesisState) { gs.EpochCredits[0].Status = types.CREDIT_STATUS_UNSPECIFIED },
		"batch without payments":     func(gs *types.GenesisState) { gs.L1Actions[0].RewardBatch.Payments = nil },
		"batch id 0":                 func(gs *types.GenesisState) { gs.L1Actions[0].RewardBatch.BatchId = 0 },
		"zero payment":               func(gs *types.GenesisState) { gs.L1Actions[0].RewardBatch.Payments[0].Amount = math.ZeroInt() },
		"zero batch interval":        func(gs *types.GenesisState) { gs.Params.RewardBatchInterval = 0 },
		"zero retarget interval":     func(gs *types.GenesisState) { gs.Params.RetargetInterval = 0 },
		"rate above 100 %":           func(gs *types.GenesisState) { gs.Params.YearlyRateBps = 10_001 },
	} {
		t.Run(name, func(t *testing.T) {
			gs, err := c.k.ExportGenesis(c.Ctx)
			require.NoError(t, err)
			mutate(gs)
			err = gs.Validate()
			require.Error(t, err)
			require.True(t, types.ErrInvalidGenesis.Is(err) || types.ErrInvalidParams.Is(err), "%v", err)
		})
	}
}

// The queries show each sequencer's amounts, the clock and each epoch's credit.
func TestRewards_Queries(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(5))
	c.head(0)
	c.endBlock()
	c.decide(epoch(1, 2, 1, 10), epoch(2, 3, 11, 12))
	c.head(12)
	c.endBlock()

	all, err := c.query.Rewards(c.Ctx, &types.QueryRewardsRequest{})
	require.NoError(t, err)
	require.Len(t, all.Rewards, 2)
	require.Equal(t, "50", all.Rewards[0].Accrued.String())
	require.Equal(t, "10", all.Rewards[1].Accrued.String())
	none := c.rewardsOf(999)
	require.Equal(t, uint64(999), none.SequencerId)
	require.True(t, none.Accrued.IsZero() && none.Batched.IsZero() && none.Paid.IsZero())
	_, err = c.query.SequencerRewards(c.Ctx, &types.QuerySequencerRewardsRequest{})
	require.Error(t, err)

	st, err := c.query.RewardState(c.Ctx, &types.QueryRewardStateRequest{})
	require.NoError(t, err)
	require.Equal(t, st.State.WindowStartTime.Add(14*24*time.Hour), st.NextRetargetTime)
	require.Equal(t, st.State.LastBatchTime.Add(24*time.Hour), st.NextBatchTime)
	require.Equal(t, "5", st.State.RewardPerBlock.String())

	credits, err := c.query.EpochCredits(c.Ctx, &types.QueryEpochCreditsRequest{})
	require.NoError(t, err)
	require.Len(t, credits.Credits, 2)
	one, err := c.query.EpochCredits(c.Ctx, &types.QueryEpochCreditsRequest{EpochId: 2})
	require.NoError(t, err)
	require.Equal(t, []types.EpochCredit{{EpochId: 2, SequencerId: 3, Blocks: 2, Amount: math.NewInt(10), Produced: 2, StartHeight: 11,
		EndHeight: 12, RewardPerBlock: math.NewInt(5), Status: types.CREDIT_STATUS_PAID, Height: c.Ctx.BlockHeight()}}, one.Credits)
	_, err = c.query.EpochCredits(c.Ctx, &types.QueryEpochCreditsRequest{EpochId: 3})
	require.Error(t, err)
}

// One re-target moves the reward per block by a factor of 2 at most: a window that
// agreed a handful of L2 blocks in two weeks (validators withholding head reports, a
// long L2 outage) would otherwise set a value that pays many times the whole capped
// stake in the next window.
func TestRewards_RetargetStepIsClamped(t *testing.T) {
	c := newChain(t)
	c.setRewardPerBlock(math.NewInt(1_000_000))
	c.head(5_000)
	c.endBlock()
	const twoWeeks = 14 * 24 * 3600
	c.after(twoWeeks * time.Second)
	c.head(5_000 + 14) // one L2 block a day: the formula asks for ~10^20 a block
	c.FreshEvents()
	c.endBlock()
	require.Equal(t, "2000000", c.rewardState().RewardPerBlock.String(), "doubled at most")
	evs := sequencertest.TypedEvents[*types.EventRewardRetargeted](t, c.Ctx)
	require.Len(t, evs, 1)
	require.Contains(t, evs[0].Reason, "moved by 2 at most")

	huge := math.NewIntFromUint64(1 << 62)
	c.setRewardPerBlock(huge)
	c.after(twoWeeks * time.Second)
	c.head(5_014 + twoWeeks) // 1 block/s: the formula asks for ~6*10^15
	c.endBlock()
	require.Equal(t, huge.QuoRaw(2).String(), c.rewardState().RewardPerBlock.String(), "halved at most")
}
