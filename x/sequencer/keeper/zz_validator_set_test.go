package keeper_test

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
)

func TestEndBlockValidatorUpdatesAndHistory(t *testing.T) {
	e := zzSetup(t)
	_, k1 := e.join(1, zzOwner(1), tokens(30_000))
	_, k2 := e.join(2, zzOwner(2), tokens(40_000))

	updates, err := e.k.EndBlock(e.ctx) // height 10
	require.NoError(t, err)
	require.Len(t, updates, 2)
	require.Equal(t, k2.Compressed(), updates[0].PubKey.GetSecp256K1(), "highest power first")
	require.Equal(t, int64(40_000), updates[0].Power)
	require.Equal(t, int64(30_000), updates[1].Power)

	set, err := e.k.RecordedSetAt(e.ctx, 12)
	require.NoError(t, err)
	require.Equal(t, int64(90_000), set.TotalPower)
	early, err := e.k.RecordedSetAt(e.ctx, 11)
	require.NoError(t, err, "the genesis record governs until the new set takes effect")
	require.Equal(t, int64(20_000), early.TotalPower, "genesis had only the relayer")

	// Nothing changed: no updates, no new record.
	e.ctx = e.ctx.WithBlockHeight(11)
	updates, err = e.k.EndBlock(e.ctx)
	require.NoError(t, err)
	require.Empty(t, updates)

	// One leaves (power 0), one changes power.
	_, err = e.ms.UnlockInitiated(e.ctx, &types.MsgUnlockInitiated{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Nonce: 2, UnlockableAt: e.unlockAt()})
	require.NoError(t, err)
	_, err = e.ms.Relocked(e.ctx, &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 2, Amount: tokens(5_000), Total: tokens(45_000), Nonce: 2})
	require.NoError(t, err)
	e.approveAll()
	e.ctx = e.ctx.WithBlockHeight(12)
	updates, err = e.k.EndBlock(e.ctx)
	require.NoError(t, err)
	require.Len(t, updates, 2)
	require.Equal(t, k1.Compressed(), updates[0].PubKey.GetSecp256K1())
	require.Zero(t, updates[0].Power)
	require.Equal(t, int64(45_000), updates[1].Power)
	at14, err := e.k.ValidatorSetAt(e.ctx, 14)
	require.NoError(t, err)
	require.Len(t, at14.Validators, 2)
	require.Equal(t, int64(65_000), at14.TotalPower)
	at13, err := e.k.ValidatorSetAt(e.ctx, 13)
	require.NoError(t, err)
	require.Equal(t, int64(90_000), at13.TotalPower, "height 13 was still signed by the old set")

	// The last sequencers leaving must not empty CometBFT's set.
	_, err = e.ms.UnlockInitiated(e.ctx, &types.MsgUnlockInitiated{Submitter: e.relayer, Event: e.ref(), SequencerId: 2, Nonce: 3, UnlockableAt: e.unlockAt()})
	require.NoError(t, err)
	_, err = e.ms.UnlockInitiated(e.ctx, &types.MsgUnlockInitiated{Submitter: e.relayer, Event: e.ref(), SequencerId: relayerID, Nonce: 2, UnlockableAt: e.unlockAt()})
	require.NoError(t, err)
	e.approveAll()
	active, err := e.k.ActiveSequencers(e.ctx)
	require.NoError(t, err)
	require.Empty(t, active)
	e.ctx = e.ctx.WithBlockHeight(13)
	updates, err = e.k.EndBlock(e.ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
}

func TestHistoryPruningKeepsTheWindow(t *testing.T) {
	e := zzSetup(t)
	e.join(1, zzOwner(1), tokens(30_000))
	_, err := e.k.EndBlock(e.ctx) // records at 12
	require.NoError(t, err)
	_, err = e.k.ValidatorSetAt(e.ctx, 11)
	require.NoError(t, err, "before pruning, the genesis record (height 10) covers 11")
	e.ctx = e.ctx.WithBlockHeight(500)
	_, err = e.k.EndBlock(e.ctx)
	require.NoError(t, err)
	set, err := e.k.ValidatorSetAt(e.ctx, 450)
	require.NoError(t, err, "the newest set at or below the window floor is kept")
	require.Equal(t, int64(50_000), set.TotalPower)
	_, err = e.k.ValidatorSetAt(e.ctx, 11)
	require.ErrorIs(t, err, types.ErrNoValidatorSet, "the genesis record was pruned")
}

func TestGovAdapterUsesSequencerPower(t *testing.T) {
	e := zzSetup(t)
	_, k1 := e.join(1, zzOwner(1), tokens(30_000))
	e.join(2, zzOwner(2), tokens(150_000)) // capped at 100,000
	valCodec := address.NewBech32Codec("themisvaloper")
	a := keeper.NewGovStakingAdapter(e.k, valCodec)
	total, err := a.TotalBondedTokens(e.ctx)
	require.NoError(t, err)
	require.Equal(t, math.NewInt(150_000), total)
	var seen []int64
	require.NoError(t, a.IterateBondedValidatorsByPower(e.ctx, func(_ int64, v stakingValidator) bool {
		seen = append(seen, v.GetBondedTokens().Int64())
		if v.GetBondedTokens().Int64() == 30_000 {
			bz, err := valCodec.StringToBytes(v.GetOperator())
			require.NoError(t, err)
			require.Equal(t, []byte(k1.AccAddress()), bz, "a sequencer votes with its signer account")
		}
		return false
	}))
	require.Equal(t, []int64{100_000, 30_000, 20_000}, seen)
}
