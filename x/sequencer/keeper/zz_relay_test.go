package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// Every rejection of a relayed event, each with its registered error: only malformed
// and fake events (and relays from outside the active set, and a full queue) are
// refused. A policy disagreement is queued and applied as L1 says (l1_authority_test.go).
func TestRelayRejections(t *testing.T) {
	owner := zzOwner(1)
	cases := []struct {
		name string
		msg  func(e *zzEnv) types.L1EventMsg
		want *errorsmod.Error
	}{
		{"relayer is not a sequencer", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			m := e.lockMsg(9, owner, pub, tokens(30_000))
			m.Submitter, _ = e.ac.BytesToString([]byte("anonymous-account-01"))
			return m
		}, types.ErrNotSequencer},
		{"relayer has left the pool", func(e *zzEnv) types.L1EventMsg {
			_, key := e.join(1, owner, tokens(30_000))
			_, err := e.ms.UnlockInitiated(e.ctx, &types.MsgUnlockInitiated{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Nonce: 2, UnlockableAt: e.unlockAt()})
			require.NoError(t, err)
			e.approveAll()
			pub, _ := zzKey(t)
			m := e.lockMsg(9, owner, pub, tokens(30_000))
			m.Submitter, _ = e.ac.BytesToString(key.AccAddress())
			return m
		}, types.ErrNotSequencer},
		{"sequencer id exists", func(e *zzEnv) types.L1EventMsg {
			e.join(1, owner, tokens(30_000))
			pub, _ := zzKey(t)
			return e.lockMsg(1, owner, pub, tokens(30_000))
		}, types.ErrSequencerExists},
		{"replayed L1 log", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			first := e.lockMsg(1, owner, pub, tokens(30_000))
			_, err := e.ms.Locked(e.ctx, first)
			require.NoError(t, err)
			e.approveAll()
			replay := &types.MsgRelocked{Submitter: e.relayer, Event: first.Event, SequencerId: 1, Amount: tokens(1), Total: tokens(30_001), Nonce: 2}
			return replay
		}, types.ErrEventAlreadyApplied},
		{"identical relay while pending", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			m := e.lockMsg(1, owner, pub, tokens(30_000))
			_, err := e.ms.Locked(e.ctx, m)
			require.NoError(t, err)
			return m
		}, types.ErrEventAlreadyPending},
		{"unknown sequencer", func(e *zzEnv) types.L1EventMsg {
			return &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 42, Amount: tokens(1), Total: tokens(30_001), Nonce: 2}
		}, types.ErrSequencerNotFound},
		{"stale nonce", func(e *zzEnv) types.L1EventMsg {
			e.join(1, owner, tokens(30_000))
			return &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(1), Total: tokens(30_001), Nonce: 1}
		}, types.ErrNonceOutOfOrder},
		{"lock nonce must be 1", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			m := e.lockMsg(1, owner, pub, tokens(30_000))
			m.Nonce = 2
			return m
		}, types.ErrNonceOutOfOrder},
		{"queue full", func(e *zzEnv) types.L1EventMsg {
			p := types.DefaultParams()
			p.MaxPendingEvents = 1
			_, err := e.ms.UpdateParams(e.ctx, &types.MsgUpdateParams{Authority: e.authority, Params: p})
			require.NoError(t, err)
			pub, _ := zzKey(t)
			_, err = e.ms.Locked(e.ctx, e.lockMsg(1, owner, pub, tokens(30_000)))
			require.NoError(t, err)
			pub2, _ := zzKey(t)
			return e.lockMsg(2, owner, pub2, tokens(30_000))
		}, types.ErrRelayerQueueFull},
		// Malformed input, caught before any state is read.
		{"short key", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			return e.lockMsg(1, owner, pub[:63], tokens(30_000))
		}, types.ErrInvalidPubKey},
		{"off-curve key", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			bad := append([]byte(nil), pub...)
			bad[63] ^= 1
			return e.lockMsg(1, owner, bad, tokens(30_000))
		}, types.ErrInvalidPubKey},
		{"owner without 0x", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			return e.lockMsg(1, owner[2:]+"00", pub, tokens(30_000))
		}, types.ErrInvalidAddress},
		{"submitter not bech32", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			m := e.lockMsg(1, owner, pub, tokens(30_000))
			m.Submitter = "cosmos1notours"
			return m
		}, types.ErrInvalidAddress},
		{"tx hash not hex", func(e *zzEnv) types.L1EventMsg {
			pub, _ := zzKey(t)
			m := e.lockMsg(1, owner, pub, tokens(30_000))
			m.Event.TxHash = "0x" + string(make([]byte, 64))
			return m
		}, types.ErrInvalidEventRef},
		{"zero amount", func(e *zzEnv) types.L1EventMsg {
			return &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(0), Total: tokens(1), Nonce: 2}
		}, types.ErrInvalidAmount},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := zzSetup(t)
			e.whitelist(owner)
			msg := tc.msg(e)
			before := e.pendingCount()
			_, err := relay(e, msg)
			require.ErrorIs(t, err, tc.want)
			require.NotEmpty(t, err.Error())
			require.Equal(t, before, e.pendingCount(), "a rejected relay must queue nothing")
		})
	}
}

func relay(e *zzEnv, msg types.L1EventMsg) (*types.MsgRelayResponse, error) {
	switch m := msg.(type) {
	case *types.MsgLocked:
		return e.ms.Locked(e.ctx, m)
	case *types.MsgRelocked:
		return e.ms.Relocked(e.ctx, m)
	case *types.MsgWithdrawn:
		return e.ms.Withdrawn(e.ctx, m)
	case *types.MsgUnlockInitiated:
		return e.ms.UnlockInitiated(e.ctx, m)
	case *types.MsgUnlockClaimed:
		return e.ms.UnlockClaimed(e.ctx, m)
	case *types.MsgSignerChanged:
		return e.ms.SignerChanged(e.ctx, m)
	case *types.MsgRewardRecipientChanged:
		return e.ms.RewardRecipientChanged(e.ctx, m)
	case *types.MsgSlashed:
		return e.ms.Slashed(e.ctx, m)
	}
	panic("unknown message")
}

// What the chain can judge only once every earlier event is in is judged when the vote
// approves; a disagreement is applied as L1 says and recorded, never dropped (dropping
// it would wedge the sequencer's nonce).
func TestApplyTimeDisagreementsAreApplied(t *testing.T) {
	owner := zzOwner(1)
	cases := []struct {
		name   string
		msg    func(e *zzEnv) types.L1EventMsg
		reason types.DisagreementReason
		status types.SequencerStatus
	}{
		{"relock total inconsistent", func(e *zzEnv) types.L1EventMsg {
			return &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(5), Total: tokens(40_000), Nonce: 2}
		}, types.DISAGREEMENT_REASON_AMOUNT_MISMATCH, types.SEQUENCER_STATUS_ACTIVE},
		{"claim without unlock", func(e *zzEnv) types.L1EventMsg {
			return &types.MsgUnlockClaimed{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(30_000), Nonce: 2}
		}, types.DISAGREEMENT_REASON_STATUS_MISMATCH, types.SEQUENCER_STATUS_UNLOCKED},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := zzSetup(t)
			e.join(1, owner, tokens(30_000))
			_, err := relay(e, tc.msg(e))
			require.NoError(t, err, "queued: its consistency can only be judged at apply time")
			e.ctx = e.ctx.WithEventManager(newEventManager())
			e.approveAll()
			s := e.seq(1)
			require.Equal(t, uint64(2), s.L1Nonce, "applied")
			require.Empty(t, rejectedReasons(e))
			require.Equal(t, tc.status, s.Status)
			require.Zero(t, e.pendingCount())
			d, err := e.k.Disagreements.Get(e.ctx, collections.Join(uint64(1), uint64(2)))
			require.NoError(t, err)
			require.Len(t, d.Findings, 1)
			require.Equal(t, tc.reason, d.Findings[0].Reason)
		})
	}
}

func TestResolveOutcomes(t *testing.T) {
	e := zzSetup(t)
	owner := zzOwner(1)
	e.whitelist(owner)
	pub, _ := zzKey(t)
	_, err := e.ms.Locked(e.ctx, e.lockMsg(1, owner, pub, tokens(30_000)))
	require.NoError(t, err)
	items, err := e.k.Pending(e.ctx, 10, voteext.VoteRound{})
	require.NoError(t, err)
	require.Len(t, items, 1)

	// A verdict bound to other content does nothing.
	require.NoError(t, e.k.Resolve(e.ctx, make([]byte, 32), voteext.OutcomeApproved))
	require.Equal(t, uint64(1), e.pendingCount())

	// Rejected by the vote: dropped, nothing applied, the log is not marked applied.
	require.NoError(t, e.k.Resolve(e.ctx, items[0].Digest, voteext.OutcomeRejected))
	require.Zero(t, e.pendingCount())
	_, err = e.k.GetSequencer(e.ctx, 1)
	require.ErrorIs(t, err, types.ErrSequencerNotFound)
	resp, err := e.ms.Locked(e.ctx, e.lockMsg(1, owner, pub, tokens(30_000)))
	require.NoError(t, err, "the bridge may relay the genuine event again")
	require.Equal(t, uint64(2), resp.PendingId)
}

func TestFutureNonceWaitsForItsPredecessor(t *testing.T) {
	e := zzSetup(t)
	e.join(1, zzOwner(1), tokens(30_000))
	second := &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(5_000), Total: tokens(35_000), Nonce: 2}
	third := &types.MsgRelocked{Submitter: e.relayer, Event: e.ref(), SequencerId: 1, Amount: tokens(5_000), Total: tokens(40_000), Nonce: 3}
	_, err := e.ms.Relocked(e.ctx, third) // relayed first
	require.NoError(t, err)
	e.approveAll()
	require.Equal(t, uint64(1), e.pendingCount(), "nonce 3 waits")
	require.Equal(t, tokens(30_000), e.seq(1).Locked)
	_, err = e.ms.Relocked(e.ctx, second)
	require.NoError(t, err)
	e.approveAll() // applies 2; 3 is now next but was resolved before it in id order
	e.approveAll()
	require.Zero(t, e.pendingCount())
	require.Equal(t, tokens(40_000), e.seq(1).Locked)
	require.Equal(t, uint64(3), e.seq(1).L1Nonce)
}

func TestExpirePending(t *testing.T) {
	e := zzSetup(t)
	e.whitelist(zzOwner(1))
	pub, _ := zzKey(t)
	_, err := e.ms.Locked(e.ctx, e.lockMsg(1, zzOwner(1), pub, tokens(30_000)))
	require.NoError(t, err)
	ttl := int64(types.DefaultEventTTLBlocks)
	e.ctx = e.ctx.WithBlockHeight(10 + ttl)
	require.NoError(t, e.k.ExpirePending(e.ctx))
	require.Equal(t, uint64(1), e.pendingCount(), "still within its ttl")
	e.ctx = e.ctx.WithBlockHeight(11 + ttl)
	require.NoError(t, e.k.ExpirePending(e.ctx))
	require.Zero(t, e.pendingCount())
}
