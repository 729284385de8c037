package keeper_test

import (
	"strings"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/slashing/keeper"
	"github.com/themis-network/themis/x/slashing/types"
)

// Export then import gives the same state: offences, jails, strikes, escrows in every
// status, actions (the QUEUED index and the id sequences rebuilt) and the cursor.
func TestGenesis_RoundTrip(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	c.confirm(1, c.offence(1).Slashed, 41) // HELD; offence 2's stays PENDING_L1
	c.after(5 * 24 * time.Hour)
	require.NoError(t, c.unjail(2))

	exported, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.Offences, 2)
	require.Len(t, exported.Jails, 1)
	require.Len(t, exported.Strikes, 2)
	require.Len(t, exported.Escrows, 2)
	require.Len(t, exported.L1Actions, 2)
	require.Equal(t, uint64(2), exported.EpochOffenceCursor)

	key := storetypes.NewKVStoreKey(types.StoreKey)
	env := sequencertest.NewEnvWithGenesis(t, sequencertest.RelayerGenesis(t), key)
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), env.AddrCodec, env.Authority, env.K, c.epochs)
	require.NoError(t, k2.InitGenesis(env.Ctx, *exported))
	again, err := k2.ExportGenesis(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	queued, err := keeper.NewQueryServerImpl(k2).L1Actions(env.Ctx, &types.QueryL1ActionsRequest{Status: types.L1_ACTION_STATUS_QUEUED})
	require.NoError(t, err)
	require.Len(t, queued.Actions, 1)
	require.Equal(t, uint64(3), queued.Actions[0].Slash.SequencerId, "offence 2's slash is still queued")
	byThree, err := keeper.NewQueryServerImpl(k2).Offences(env.Ctx, &types.QueryOffencesRequest{SequencerId: 3})
	require.NoError(t, err)
	require.Len(t, byThree.Offences, 1)
	next, err := k2.NextOffence.Peek(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), next, "the next offence is 3")
}

// Genesis validation refuses what could not have been exported.
func TestGenesis_ValidateRefuses(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.next()
	good, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	for name, mutate := range map[string]func(gs *types.GenesisState){
		"params":              func(gs *types.GenesisState) { gs.Params.MediumStrikesToRemove = 0 },
		"escrow period":       func(gs *types.GenesisState) { gs.Params.EscrowPeriod = 0 },
		"amounts not whole":   func(gs *types.GenesisState) { gs.Offences[0].Remaining = gs.Offences[0].Remaining.AddRaw(1) },
		"offence id repeats":  func(gs *types.GenesisState) { gs.Offences = append(gs.Offences, gs.Offences[0]) },
		"jail of no offence":  func(gs *types.GenesisState) { gs.Jails[0].OffenceId = 9 },
		"action of another":   func(gs *types.GenesisState) { gs.L1Actions[0].Slash.SequencerId = 3 },
		"bad l1 offence key":  func(gs *types.GenesisState) { gs.L1Actions[0].Slash.OffenceId = []byte{1} },
		"zero strikes":        func(gs *types.GenesisState) { gs.Strikes[0].MediumStrikes = 0 },
		"escrow of another":   func(gs *types.GenesisState) { gs.Escrows[0].SequencerId = 3 },
		"severity":            func(gs *types.GenesisState) { gs.Offences[0].Severity = 9 },
		"landed without call": func(gs *types.GenesisState) { gs.L1Actions[0].LandedL1Block = 12 },
		"negative retry":      func(gs *types.GenesisState) { gs.L1Actions[0].RetryHeight = -1 },
		"long hold reason":    func(gs *types.GenesisState) { gs.L1Actions[0].HoldReason = strings.Repeat("x", 129) },
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
	require.NoError(t, good.Validate())
}

// Export then import with every new record: an appeal that cancelled a queued slash, one
// that refunded a held escrow with a reimbursement (reward batch), a released escrow and
// a held one. The release index and the reward batch sequence are rebuilt: the held
// escrow is released on time after the import, and the next reimbursement is batch 2.
func TestGenesis_RoundTripWithAppealsAndEscrows(t *testing.T) {
	c := newChain(t)
	c.Join(4, sequencertest.Owner(4), sequencertest.Tokens(20_000))
	c.stall(2)
	c.stall(3)
	c.stall(4)
	c.next()
	c.confirm(2, c.offence(2).Slashed, 12)
	c.mustAppeal(1, math.Int{})              // cancelled while queued
	c.mustAppeal(2, sequencertest.Tokens(3)) // held escrow refunded; reward batch 1
	high := c.mustGovSlash(3, types.SEVERITY_HIGH)
	c.confirm(high, c.offence(high).Slashed, 13) // held
	c.after(types.DefaultEscrowPeriod / 2)
	c.confirm(3, c.offence(3).Slashed, 14) // held, due half a period later
	c.after(types.DefaultEscrowPeriod / 2) // offence 4's escrow is due
	c.endBlock()
	require.Equal(t, types.ESCROW_STATUS_RELEASED, c.escrow(high, 3).Status)
	require.Equal(t, types.ESCROW_STATUS_HELD, c.escrow(3, 4).Status)

	exported, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())

	key := storetypes.NewKVStoreKey(types.StoreKey)
	env := sequencertest.NewEnvWithGenesis(t, sequencertest.RelayerGenesis(t), key)
	k2 := keeper.NewKeeper(sequencertest.Codec(), runtime.NewKVStoreService(key), env.AddrCodec, env.Authority, env.K, c.epochs)
	require.NoError(t, k2.InitGenesis(env.Ctx, *exported))
	again, err := k2.ExportGenesis(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)

	var index []collections.Triple[int64, uint64, uint64]
	require.NoError(t, k2.EscrowsByRelease.Walk(env.Ctx, nil, func(k collections.Triple[int64, uint64, uint64]) (bool, error) {
		index = append(index, k)
		return false, nil
	}))
	held := c.escrow(3, 4)
	require.Equal(t, []collections.Triple[int64, uint64, uint64]{collections.Join3(held.ReleasableAt.Unix(), uint64(3), uint64(4))}, index,
		"only the HELD escrow is indexed")
	batch, err := k2.NextRewardBatch.Peek(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), batch, "the next batch is 2")
	next, err := k2.NextL1Action.Peek(env.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(len(exported.L1Actions)), next)

	// After the import the held escrow is released on time.
	ctx := env.Ctx.WithBlockHeight(c.Ctx.BlockHeight() + 1).WithBlockTime(held.ReleasableAt)
	require.NoError(t, k2.EndBlock(ctx))
	e, err := k2.Escrows.Get(ctx, collections.Join(uint64(3), uint64(4)))
	require.NoError(t, err)
	require.Equal(t, types.ESCROW_STATUS_RELEASED, e.Status)
}

// Genesis validation of the appeal and escrow records and the new action kinds.
func TestGenesis_ValidateRefusesBadAppealsEscrowsAndActions(t *testing.T) {
	c := newChain(t)
	c.stall(2)
	c.stall(3)
	c.next()
	c.confirm(2, c.offence(2).Slashed, 12)
	c.mustAppeal(2, sequencertest.Tokens(3)) // actions: 1 slash, 2 slash, 3 refund, 4 batch 1
	n := c.mustGovSlash(2, types.SEVERITY_HIGH)
	c.confirm(n, c.offence(n).Slashed, 13)
	c.after(types.DefaultEscrowPeriod)
	c.endBlock() // action 6 releases offence 3's escrow
	c.mustAppeal(1, math.Int{})
	good, err := c.k.ExportGenesis(c.Ctx)
	require.NoError(t, err)
	require.NoError(t, good.Validate())

	action := func(gs *types.GenesisState, kind types.L1ActionKind) *types.L1Action {
		for i := range gs.L1Actions {
			if gs.L1Actions[i].Kind == kind {
				return &gs.L1Actions[i]
			}
		}
		t.Fatalf("no %s action", kind)
		return nil
	}
	escrow := func(gs *types.GenesisState, status types.EscrowStatus) *types.Escrow {
		for i := range gs.Escrows {
			if gs.Escrows[i].Status == status {
				return &gs.Escrows[i]
			}
		}
		t.Fatalf("no %s escrow", status)
		return nil
	}
	for _, tc := range []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"unknown action status", func(gs *types.GenesisState) { gs.L1Actions[0].Status = 9 }},
		{"two payloads", func(gs *types.GenesisState) {
			a := action(gs, types.L1_ACTION_KIND_REFUND_ESCROW)
			a.Slash = gs.L1Actions[0].Slash
		}},
		{"refund without payload", func(gs *types.GenesisState) { action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).Escrow = nil }},
		{"refund of escrow id 0", func(gs *types.GenesisState) { action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).Escrow.EscrowId = 0 }},
		{"refund of zero", func(gs *types.GenesisState) {
			action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).Escrow.Amount = math.ZeroInt()
		}},
		{"release of a negative amount", func(gs *types.GenesisState) {
			action(gs, types.L1_ACTION_KIND_RELEASE_ESCROW).Escrow.Amount = math.NewInt(-1)
		}},
		{"release of no sequencer", func(gs *types.GenesisState) { action(gs, types.L1_ACTION_KIND_RELEASE_ESCROW).Escrow.SequencerId = 0 }},
		{"batch id 0", func(gs *types.GenesisState) { action(gs, types.L1_ACTION_KIND_REWARD_BATCH).RewardBatch.BatchId = 0 }},
		{"batch of no payment", func(gs *types.GenesisState) { action(gs, types.L1_ACTION_KIND_REWARD_BATCH).RewardBatch.Payments = nil }},
		{"payment of zero", func(gs *types.GenesisState) {
			action(gs, types.L1_ACTION_KIND_REWARD_BATCH).RewardBatch.Payments[0].Amount = math.ZeroInt()
		}},
		{"payment to sequencer 0", func(gs *types.GenesisState) {
			action(gs, types.L1_ACTION_KIND_REWARD_BATCH).RewardBatch.Payments[0].SequencerId = 0
		}},
		{"batch ids not increasing", func(gs *types.GenesisState) {
			b := *action(gs, types.L1_ACTION_KIND_REWARD_BATCH)
			b.Id = gs.L1Actions[len(gs.L1Actions)-1].Id + 1
			gs.L1Actions = append(gs.L1Actions, b)
		}},
		{"batch ids falling", func(gs *types.GenesisState) {
			b := *action(gs, types.L1_ACTION_KIND_REWARD_BATCH)
			b.Id = gs.L1Actions[len(gs.L1Actions)-1].Id + 1
			b.RewardBatch = &types.RewardBatchAction{BatchId: b.RewardBatch.BatchId - 1, Payments: b.RewardBatch.Payments}
			gs.L1Actions = append(gs.L1Actions, b)
		}},
		{"a batch too large for one L1 transaction", func(gs *types.GenesisState) {
			b := action(gs, types.L1_ACTION_KIND_REWARD_BATCH).RewardBatch
			for id := uint64(1000); len(b.Payments) <= types.MaxPaymentsPerBatch; id++ {
				b.Payments = append(b.Payments, types.RewardPayment{SequencerId: id, Amount: math.NewInt(1)})
			}
		}},
		{"two actions, one pool call", func(gs *types.GenesisState) {
			gs.L1Actions[0].PoolTx = 7
			action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).PoolTx = 7
		}},
		{"released by no action", func(gs *types.GenesisState) { escrow(gs, types.ESCROW_STATUS_RELEASED).SettleActionId = 0 }},
		{"released by a refund", func(gs *types.GenesisState) {
			escrow(gs, types.ESCROW_STATUS_RELEASED).SettleActionId = action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).Id
		}},
		{"refunded by another escrow's action", func(gs *types.GenesisState) {
			e := escrow(gs, types.ESCROW_STATUS_REFUNDED)
			if e.SettleActionId == 0 {
				e.SettleActionId = action(gs, types.L1_ACTION_KIND_RELEASE_ESCROW).Id
			} else {
				e.SettleActionId = action(gs, types.L1_ACTION_KIND_REWARD_BATCH).Id
			}
		}},
		{"pending escrow with a settle action", func(gs *types.GenesisState) {
			e := escrow(gs, types.ESCROW_STATUS_REFUNDED)
			e.Status, e.SettleActionId = types.ESCROW_STATUS_PENDING_L1, action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).Id
		}},
		{"appealed without its appeal", func(gs *types.GenesisState) { gs.Offences[0].Appeal = nil }},
		{"applied with an appeal", func(gs *types.GenesisState) { gs.Offences[2].Appeal = gs.Offences[0].Appeal }},
		{"no status", func(gs *types.GenesisState) { gs.Offences[2].Status = types.OFFENCE_STATUS_UNSPECIFIED }},
		{"negative reimbursement", func(gs *types.GenesisState) { gs.Offences[1].Appeal.Reimbursement = math.NewInt(-1) }},
		{"refund action not a refund", func(gs *types.GenesisState) {
			gs.Offences[1].Appeal.RefundActionId = action(gs, types.L1_ACTION_KIND_REWARD_BATCH).Id
		}},
		{"reimbursement action not a batch", func(gs *types.GenesisState) {
			gs.Offences[1].Appeal.ReimburseActionId = action(gs, types.L1_ACTION_KIND_REFUND_ESCROW).Id
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := c.k.ExportGenesis(c.Ctx)
			require.NoError(t, err)
			tc.mutate(gs)
			err = gs.Validate()
			require.Error(t, err)
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
		})
	}
	// CANCELLED is a valid status.
	require.Equal(t, types.L1_ACTION_STATUS_CANCELLED, good.L1Actions[0].Status)
}
