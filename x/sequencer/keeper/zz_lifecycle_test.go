package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/types"
)

func TestLifecycleAndPower(t *testing.T) {
	e := zzSetup(t)
	owner := zzOwner(1)
	_, key := e.join(1, owner, tokens(30_000))

	s := e.seq(1)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, s.Status)
	require.Equal(t, key.L1Address(), s.Signer)
	require.Equal(t, int64(10), s.ActivationHeight)
	power, err := e.k.PowerOf(e.ctx, s)
	require.NoError(t, err)
	require.Equal(t, int64(30_000), power)
	applied, err := e.k.AppliedEvents.Has(e.ctx, "0x"+zeroPad(1)+":1")
	require.NoError(t, err)
	require.True(t, applied)

	// Relock past the cap: power stops at max_lock.
	_, err = e.ms.Relocked(e.ctx, &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(90_000), Total: tokens(120_000), Nonce: 2})
	require.NoError(t, err)
	e.approveAll()
	power, _ = e.k.PowerOf(e.ctx, e.seq(1))
	require.Equal(t, int64(100_000), power)
	require.Equal(t, tokens(120_000), e.seq(1).Locked)

	// Partial withdrawal.
	_, err = e.ms.Withdrawn(e.ctx, &types.MsgWithdrawn{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(70_000), Total: tokens(50_000), Nonce: 3})
	require.NoError(t, err)
	e.approveAll()
	power, _ = e.k.PowerOf(e.ctx, e.seq(1))
	require.Equal(t, int64(50_000), power)

	// Signer change moves every index.
	newPub, newKey := zzKey(t)
	_, err = e.ms.SignerChanged(e.ctx, &types.MsgSignerChanged{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, NewPubKey: newPub, Nonce: 4})
	require.NoError(t, err)
	e.approveAll()
	_, err = e.k.GetSequencerBySigner(e.ctx, key.L1Address())
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	got, err := e.k.GetSequencerBySigner(e.ctx, newKey.L1Address())
	require.NoError(t, err)
	require.Equal(t, uint64(1), got.Id)
	id, err := e.k.AccountIndex.Get(e.ctx, newKey.AccAddress())
	require.NoError(t, err)
	require.Equal(t, uint64(1), id)
	has, err := e.k.AccountIndex.Has(e.ctx, key.AccAddress())
	require.NoError(t, err)
	require.False(t, has)
	// The retired key was a consensus key and an account: nobody may use it again.
	retired, err := e.k.RetiredSigners.Has(e.ctx, key.L1Address())
	require.NoError(t, err)
	require.True(t, retired)

	// Exit: out of the active set at once, claimable after the exit delay.
	e.ctx = e.ctx.WithBlockHeight(20)
	_, err = e.ms.UnlockInitiated(e.ctx, &types.MsgUnlockInitiated{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Nonce: 5, UnlockableAt: e.unlockAt()})
	require.NoError(t, err)
	e.approveAll()
	s = e.seq(1)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, s.Status)
	require.Equal(t, int64(20), s.DeactivationHeight)
	require.Equal(t, e.ctx.BlockTime().Add(defaultExitDelay), s.UnlockClaimableAt)
	active, err := e.k.ActiveSequencers(e.ctx)
	require.NoError(t, err)
	require.Len(t, active, 1)
	require.Equal(t, uint64(relayerID), active[0].Id, "only the relaying genesis sequencer is left")

	_, err = e.ms.UnlockClaimed(e.ctx, &types.MsgUnlockClaimed{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(50_000), Nonce: 6})
	require.NoError(t, err)
	e.approveAll()
	s = e.seq(1)
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, s.Status)
	require.True(t, s.Locked.IsZero())
	require.Equal(t, uint64(6), s.L1Nonce)
}

func zeroPad(n int) string {
	s := "0000000000000000000000000000000000000000000000000000000000000000"
	d := []byte(s)
	d[63] = byte('0' + n)
	return string(d)
}

func TestGovernanceMessages(t *testing.T) {
	e := zzSetup(t)
	stranger := e.relayer // a sequencer, but not the governance authority

	_, err := e.ms.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: stranger, Params: types.DefaultParams()})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = e.ms.UpdateWhitelist(e.ctx, &types.MsgUpdateWhitelist{Authority: stranger, Add: []string{zzOwner(1)}})
	require.ErrorIs(t, err, types.ErrUnauthorized)

	bad := types.DefaultParams()
	bad.L1ChainId = 0
	_, err = e.ms.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: e.authority, Params: bad})
	require.ErrorIs(t, err, types.ErrInvalidParams)

	good := types.DefaultParams()
	good.L1Confirmations = 64
	_, err = e.ms.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: e.authority, Params: good})
	require.NoError(t, err)
	p, err := e.k.GetParams(e.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(64), p.L1Confirmations)

	for _, m := range []*types.MsgUpdateWhitelist{
		{Authority: e.authority},
		{Authority: e.authority, Add: []string{"0x123"}},
		{Authority: e.authority, Add: []string{zzOwner(1)}, Remove: []string{zzOwner(1)}},
	} {
		_, err = e.ms.UpdateWhitelist(e.ctx, m)
		require.ErrorIs(t, err, types.ErrInvalidAddress)
	}
	require.NoError(t, e.k.Banned.Set(e.ctx, zzOwner(7)))
	_, err = e.ms.UpdateWhitelist(e.ctx, &types.MsgUpdateWhitelist{Authority: e.authority, Add: []string{zzOwner(7)}})
	require.ErrorIs(t, err, types.ErrBanned)

	// Upper-case input is stored lower-case.
	upper := "0x00000000000000000000000000000000000000AB"
	_, err = e.ms.UpdateWhitelist(e.ctx, &types.MsgUpdateWhitelist{Authority: e.authority, Add: []string{upper}})
	require.NoError(t, err)
	ok, err := e.k.Whitelist.Has(e.ctx, "0x00000000000000000000000000000000000000ab")
	require.NoError(t, err)
	require.True(t, ok)
}

// Removing an owner from the whitelist offboards its ACTIVE sequencers (no power) and
// admits nothing new of it, while L1 events keep applying.
func TestWhitelistRemovalOffboardsActiveSequencers(t *testing.T) {
	e := zzSetup(t)
	owner := zzOwner(1)
	e.join(1, owner, tokens(30_000))
	_, err := e.ms.UpdateWhitelist(e.ctx, &types.MsgUpdateWhitelist{Authority: e.authority, Remove: []string{owner}})
	require.NoError(t, err)
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.seq(1).Status)
	pub, _ := zzKey(t)
	_, err = e.ms.Locked(e.ctx, e.lockMsg(3, owner, pub, tokens(30_000)))
	require.NoError(t, err, "L1 decides who locks; the chain decides admission")
	e.approveAll()
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.seq(3).Status)
}

func TestEditDescription(t *testing.T) {
	e := zzSetup(t)
	_, key := e.join(1, zzOwner(1), tokens(30_000))
	sender, err := e.ac.BytesToString(key.AccAddress())
	require.NoError(t, err)
	desc := types.Description{Moniker: "pool-one", Website: "https://example.org"}
	_, err = e.ms.EditDescription(e.ctx, &types.MsgEditDescription{Sender: sender, Description: desc})
	require.NoError(t, err)
	require.Equal(t, desc, e.seq(1).Description)

	stranger, err := e.ac.BytesToString([]byte("anonymous-account-01"))
	require.NoError(t, err)
	_, err = e.ms.EditDescription(e.ctx, &types.MsgEditDescription{Sender: stranger, Description: desc})
	require.ErrorIs(t, err, types.ErrNotSequencer)
	long := types.Description{Details: string(make([]byte, types.MaxDetailsLen+1))}
	_, err = e.ms.EditDescription(e.ctx, &types.MsgEditDescription{Sender: sender, Description: long})
	require.ErrorIs(t, err, types.ErrInvalidDescription)
}
