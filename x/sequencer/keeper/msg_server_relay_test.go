package keeper_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// Every relay starts from this pool: the genesis relayer (id 1000) and sequencer 1
// of owner sqOwner(1), ACTIVE with 30,000 tokens at L1 nonce 1.
const sqSeq1 uint64 = 1

func sqPool(t *testing.T) *sequencertest.Env {
	t.Helper()
	e := sequencertest.NewEnv(t)
	e.Join(sqSeq1, sqOwner(1), sqTokens(30_000))
	return e
}

// sqExit applies UnlockInitiated (nonce+1) and, if claim, UnlockClaimed (nonce+2).
func sqExit(t *testing.T, e *sequencertest.Env, id uint64, claim bool) {
	t.Helper()
	n := e.Seq(id).L1Nonce
	e.Apply(e.UnlockInitMsg(id, n+1))
	require.Equal(t, types.SEQUENCER_STATUS_UNLOCKING, e.Seq(id).Status)
	if claim {
		e.Apply(e.UnlockClaimMsg(id, n+2, e.Seq(id).Locked))
		require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, e.Seq(id).Status)
	}
}

type sqRelayCase struct {
	name  string
	build func(t *testing.T, e *sequencertest.Env) types.L1EventMsg
	want  error
}

// sqRunRelayRejections relays each case's message on a fresh pool and requires the
// specific registered error, no other, and not a single change of state or event.
func sqRunRelayRejections(t *testing.T, cases []sqRelayCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := sqPool(t)
			msg := tc.build(t, e)
			before := sqDump(t, e)
			e.FreshEvents()
			resp, err := e.Relay(msg)
			require.ErrorIs(t, err, tc.want)
			require.Nil(t, resp)
			for _, other := range sequencertest.AllErrors {
				if other != tc.want {
					require.NotErrorIs(t, err, other)
				}
			}
			require.Equal(t, before, sqDump(t, e), "a refused relay changes nothing")
			require.Empty(t, e.Ctx.EventManager().Events(), "a refused relay emits nothing")
		})
	}
}

// The header every relayed event carries, checked the same way for all eight types.
func TestMsgServer_RelayHeaderRejections(t *testing.T) {
	kinds := []struct {
		name  string
		valid func(e *sequencertest.Env) types.L1EventMsg
	}{
		{"Locked", func(e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
		}},
		{"Relocked", func(e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
		}},
		{"Withdrawn", func(e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, sqTokens(1), sqTokens(29_999))
		}},
		{"UnlockInitiated", func(e *sequencertest.Env) types.L1EventMsg { return e.UnlockInitMsg(sqSeq1, 2) }},
		{"UnlockClaimed", func(e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockClaimMsg(sqSeq1, 2, sqTokens(30_000))
		}},
		{"SignerChanged", func(e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.SignerChangeMsg(sqSeq1, 2, pub)
		}},
		{"RewardRecipientChanged", func(e *sequencertest.Env) types.L1EventMsg {
			return e.RewardRecipientMsg(sqSeq1, 2, sqOwner(9))
		}},
		{"Slashed", func(e *sequencertest.Env) types.L1EventMsg {
			return e.SlashMsg(sqSeq1, 2, 1, sqTokens(1_000), sqTokens(29_000))
		}},
	}
	mutations := []struct {
		name   string
		mutate func(h *sqHeader)
		want   error
	}{
		{"submitter empty", func(h *sqHeader) { *h.submitter = "" }, types.ErrInvalidAddress},
		{"submitter not bech32", func(h *sqHeader) { *h.submitter = "themis1notanaddress" }, types.ErrInvalidAddress},
		{"submitter of another chain", func(h *sqHeader) {
			*h.submitter = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu"
		}, types.ErrInvalidAddress},
		{"tx hash without 0x", func(h *sqHeader) { h.ref.TxHash = "00" + h.ref.TxHash[2:] }, types.ErrInvalidEventRef},
		{"tx hash not hex", func(h *sqHeader) { h.ref.TxHash = "0x" + strings.Repeat("zz", 32) }, types.ErrInvalidEventRef},
		{"tx hash 31 bytes", func(h *sqHeader) { h.ref.TxHash = h.ref.TxHash[:64] }, types.ErrInvalidEventRef},
		{"tx hash 33 bytes", func(h *sqHeader) { h.ref.TxHash += "00" }, types.ErrInvalidEventRef},
		{"block number 0", func(h *sqHeader) { h.ref.BlockNumber = 0 }, types.ErrInvalidEventRef},
		{"sequencer id 0", func(h *sqHeader) { *h.id = 0 }, types.ErrSequencerNotFound},
		{"nonce 0", func(h *sqHeader) { *h.nonce = 0 }, types.ErrNonceOutOfOrder},
	}
	var cases []sqRelayCase
	for _, kd := range kinds {
		kind, valid := kd.name, kd.valid
		for _, m := range mutations {
			cases = append(cases, sqRelayCase{name: kind + "/" + m.name, want: m.want,
				build: func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
					msg := valid(e)
					m.mutate(sqHeaderOf(msg))
					return msg
				}})
		}
		// The unmutated message is accepted: the mutation alone is refused.
		t.Run(kind+"/valid", func(t *testing.T) {
			e := sqPool(t)
			e.MustRelay(valid(e))
			require.Equal(t, uint64(1), e.PendingCount())
		})
	}
	sqRunRelayRejections(t, cases)
}

type sqHeader struct {
	submitter *string
	ref       *types.L1EventRef
	id, nonce *uint64
}

func sqHeaderOf(msg types.L1EventMsg) *sqHeader {
	switch m := msg.(type) {
	case *types.MsgLocked:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgRelocked:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgWithdrawn:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgUnlockInitiated:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgUnlockClaimed:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgSignerChanged:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgRewardRecipientChanged:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	case *types.MsgSlashed:
		return &sqHeader{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
	}
	panic("unknown message")
}

// Only ACTIVE sequencers relay.
func TestMsgServer_RelayerMustBeActiveSequencer(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"account that is no sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = sequencertest.Bech32(t, bytes.Repeat([]byte{7}, 20))
			return m
		}, types.ErrNotSequencer},
		{"the gov authority", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Authority
			return m
		}, types.ErrNotSequencer},
		{"UNLOCKING sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			_, key := e.Join(2, sqOwner(2), sqTokens(30_000))
			sqExit(t, e, 2, false)
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Account(key)
			return m
		}, types.ErrNotSequencer},
		{"UNLOCKED sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			_, key := e.Join(2, sqOwner(2), sqTokens(30_000))
			sqExit(t, e, 2, true)
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Account(key)
			return m
		}, types.ErrNotSequencer},
		{"REMOVED sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			_, key := e.Join(2, sqOwner(2), sqTokens(30_000))
			sqSetStatus(t, e, 2, types.SEQUENCER_STATUS_REMOVED)
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Account(key)
			return m
		}, types.ErrNotSequencer},
		{"NOT_ADMITTED sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, key := e.NewKey()
			e.Apply(e.LockMsg(2, sqOwner(2), pub, sqTokens(30_000))) // owner not whitelisted
			require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(2).Status)
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Account(key)
			return m
		}, types.ErrNotSequencer},
		{"JAILED sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			_, key := e.Join(2, sqOwner(2), sqTokens(30_000))
			sqSetStatus(t, e, 2, types.SEQUENCER_STATUS_JAILED)
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Account(key)
			return m
		}, types.ErrNotSequencer},
		{"old account after a signer change", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			_, oldKey := e.Join(2, sqOwner(2), sqTokens(30_000))
			newPub, _ := e.NewKey()
			e.Apply(e.SignerChangeMsg(2, 2, newPub))
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Submitter = e.Account(oldKey)
			return m
		}, types.ErrNotSequencer},
	})

	// Any active sequencer relays, not only the genesis one.
	e := sqPool(t)
	_, key := e.Join(2, sqOwner(2), sqTokens(30_000))
	m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	m.Submitter = e.Account(key)
	e.MustRelay(m)
}

// Only malformed and fake locks are refused at the relay; a lock the chain's policy
// disagrees with (owner not whitelisted or banned, below min_lock, signer in use) is
// queued and applied as L1 says (TestQueueRefusesOnlyFakesNotPolicy, l1_authority_test.go).
func TestMsgServer_LockedRejections(t *testing.T) {
	lock := func(e *sequencertest.Env, mutate func(m *types.MsgLocked)) types.L1EventMsg {
		pub, _ := e.NewKey()
		m := e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
		mutate(m)
		return m
	}
	key := func(mutate func(pub []byte) []byte) func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
		return func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.PubKey = mutate(m.PubKey) })
		}
	}
	sqRunRelayRejections(t, []sqRelayCase{
		{"nonce 2", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Nonce = 2 })
		}, types.ErrNonceOutOfOrder},
		{"owner without 0x", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Owner = "00" + m.Owner[2:] })
		}, types.ErrInvalidAddress},
		{"owner not hex", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Owner = "0x" + strings.Repeat("g", 40) })
		}, types.ErrInvalidAddress},
		{"owner 19 bytes", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Owner = m.Owner[:40] })
		}, types.ErrInvalidAddress},
		{"owner empty", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Owner = "" })
		}, types.ErrInvalidAddress},
		{"reward recipient not hex", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.RewardRecipient = "0x" + strings.Repeat("x", 40) })
		}, types.ErrInvalidAddress},
		{"reward recipient without 0x", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.RewardRecipient = strings.Repeat("a", 42) })
		}, types.ErrInvalidAddress},
		{"key of 63 bytes", key(func(p []byte) []byte { return p[:63] }), types.ErrInvalidPubKey},
		{"key of 65 bytes", key(func(p []byte) []byte { return append(p, 0) }), types.ErrInvalidPubKey},
		{"key with 04 prefix", key(func(p []byte) []byte { return append([]byte{4}, p...) }), types.ErrInvalidPubKey},
		{"key of 33 bytes (compressed)", key(func(p []byte) []byte {
			return sequencertest.MustSignerKey(t, p).Compressed()
		}), types.ErrInvalidPubKey},
		{"key off the curve", key(sequencertest.OffCurveKey), types.ErrInvalidPubKey},
		{"key all zero", key(func([]byte) []byte { return make([]byte, 64) }), types.ErrInvalidPubKey},
		{"key coordinates above p", key(func([]byte) []byte { return bytes.Repeat([]byte{0xff}, 64) }), types.ErrInvalidPubKey},
		{"key empty", key(func([]byte) []byte { return nil }), types.ErrInvalidPubKey},
		{"amount zero", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Amount = math.ZeroInt() })
		}, types.ErrInvalidAmount},
		{"amount negative", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Amount = sqTokens(-30_000) })
		}, types.ErrInvalidAmount},
		{"amount nil", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Amount = math.Int{} })
		}, types.ErrInvalidAmount},
		{"owner with a 0X prefix", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.Owner = "0X" + m.Owner[2:] })
		}, types.ErrInvalidAddress},
		{"sequencer id exists", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return lock(e, func(m *types.MsgLocked) { m.SequencerId = sqSeq1 })
		}, types.ErrSequencerExists},
		{"sequencer id of an unlocked sequencer", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			sqExit(t, e, sqSeq1, true)
			return lock(e, func(m *types.MsgLocked) { m.SequencerId = sqSeq1 })
		}, types.ErrSequencerExists},
	})
}

func TestMsgServer_RelockedRejections(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(42, 2, sqTokens(1), sqTokens(30_001))
		}, types.ErrSequencerNotFound},
		{"stale nonce (equal)", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 1, sqTokens(1), sqTokens(30_001))
		}, types.ErrNonceOutOfOrder},
		{"stale nonce (below)", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			e.Apply(e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001)))
			e.Apply(e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002)))
			return e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_003))
		}, types.ErrNonceOutOfOrder},
		{"amount zero", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, math.ZeroInt(), sqTokens(30_000))
		}, types.ErrInvalidAmount},
		{"amount negative", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(-1), sqTokens(29_999))
		}, types.ErrInvalidAmount},
		{"amount nil", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, math.Int{}, sqTokens(30_000))
		}, types.ErrInvalidAmount},
		{"total zero", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(1), math.ZeroInt())
		}, types.ErrInvalidAmount},
		{"total nil", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(1), math.Int{})
		}, types.ErrInvalidAmount},
		{"total below amount", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.RelockMsg(sqSeq1, 2, sqTokens(2), sqTokens(1))
		}, types.ErrInvalidAmount},
		{"replay of the lock's L1 log", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			lock := e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
			e.Apply(lock)
			m := e.RelockMsg(2, 2, sqTokens(1), sqTokens(30_001))
			m.Event = lock.Event
			return m
		}, types.ErrEventAlreadyApplied},
	})
}

func TestMsgServer_WithdrawnRejections(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(42, 2, sqTokens(1), sqTokens(29_999))
		}, types.ErrSequencerNotFound},
		{"stale nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 1, sqTokens(1), sqTokens(29_999))
		}, types.ErrNonceOutOfOrder},
		{"amount zero", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, math.ZeroInt(), sqTokens(30_000))
		}, types.ErrInvalidAmount},
		{"amount nil", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, math.Int{}, sqTokens(30_000))
		}, types.ErrInvalidAmount},
		{"total zero (full withdrawal)", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, sqTokens(30_000), math.ZeroInt())
		}, types.ErrInvalidAmount},
		{"total negative", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.WithdrawMsg(sqSeq1, 2, sqTokens(1), sqTokens(-1))
		}, types.ErrInvalidAmount},
	})
}

func TestMsgServer_UnlockInitiatedRejections(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockInitMsg(42, 2)
		}, types.ErrSequencerNotFound},
		{"stale nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockInitMsg(sqSeq1, 1)
		}, types.ErrNonceOutOfOrder},
	})
}

func TestMsgServer_UnlockClaimedRejections(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockClaimMsg(42, 3, sqTokens(1))
		}, types.ErrSequencerNotFound},
		{"stale nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockClaimMsg(sqSeq1, 1, sqTokens(30_000))
		}, types.ErrNonceOutOfOrder},
		{"amount negative", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockClaimMsg(sqSeq1, 2, sqWei(-1))
		}, types.ErrInvalidAmount},
		{"amount nil", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			return e.UnlockClaimMsg(sqSeq1, 2, math.Int{})
		}, types.ErrInvalidAmount},
		{"claimed twice", func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
			sqExit(t, e, sqSeq1, true)
			return e.UnlockClaimMsg(sqSeq1, 3, sqTokens(30_000))
		}, types.ErrNonceOutOfOrder},
	})
}

func TestMsgServer_SignerChangedRejections(t *testing.T) {
	change := func(mutate func(e *sequencertest.Env, pub []byte) []byte) func(t *testing.T, e *sequencertest.Env) types.L1EventMsg {
		return func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.SignerChangeMsg(sqSeq1, 2, mutate(e, pub))
		}
	}
	sqRunRelayRejections(t, []sqRelayCase{
		{"unknown sequencer", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.SignerChangeMsg(42, 2, pub)
		}, types.ErrSequencerNotFound},
		{"stale nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			pub, _ := e.NewKey()
			return e.SignerChangeMsg(sqSeq1, 1, pub)
		}, types.ErrNonceOutOfOrder},
		{"key of 63 bytes", change(func(_ *sequencertest.Env, p []byte) []byte { return p[:63] }), types.ErrInvalidPubKey},
		{"key of 65 bytes", change(func(_ *sequencertest.Env, p []byte) []byte { return append(p, 1) }), types.ErrInvalidPubKey},
		{"key off the curve", change(func(_ *sequencertest.Env, p []byte) []byte { return sequencertest.OffCurveKey(p) }), types.ErrInvalidPubKey},
		{"key empty", change(func(*sequencertest.Env, []byte) []byte { return nil }), types.ErrInvalidPubKey},
	})
}

// An L1 log is applied at most once, whatever message it is relayed as.
func TestMsgServer_ReplayedLogIsRefused(t *testing.T) {
	sqRunRelayRejections(t, []sqRelayCase{
		{"the applied message again", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			e.Apply(m)
			return m
		}, types.ErrEventAlreadyApplied},
		{"same log with the next nonce", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			e.Apply(m)
			replay := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))
			replay.Event = m.Event
			return replay
		}, types.ErrEventAlreadyApplied},
		{"same tx hash in upper case, same log index", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
			m.Event.TxHash = "0x" + strings.Repeat("ab", 32)
			e.Apply(m)
			replay := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))
			replay.Event = m.Event
			replay.Event.TxHash = "0x" + strings.Repeat("AB", 32)
			return replay
		}, types.ErrEventAlreadyApplied},
		{"the same log as a lock", func(_ *testing.T, e *sequencertest.Env) types.L1EventMsg {
			m := e.UnlockInitMsg(sqSeq1, 2)
			e.Apply(m)
			pub, _ := e.NewKey()
			lock := e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000))
			lock.Event = m.Event
			return lock
		}, types.ErrEventAlreadyApplied},
	})

	// Another log index of the same tx is another log.
	e := sqPool(t)
	m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	e.Apply(m)
	next := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))
	next.Event.TxHash, next.Event.LogIndex = m.Event.TxHash, m.Event.LogIndex+1
	e.MustRelay(next)
}

func TestMsgServer_IdenticalRelayWhilePending(t *testing.T) {
	e := sqPool(t)
	m := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	id := e.MustRelay(m)
	before := sqDump(t, e)
	_, err := e.Relay(m)
	require.ErrorIs(t, err, types.ErrEventAlreadyPending)
	require.Contains(t, err.Error(), fmt.Sprintf("pending id %d", id))
	require.Equal(t, before, sqDump(t, e))

	// A copy of the message (equal content) is the same event.
	cp := *m
	_, err = e.Relay(&cp)
	require.ErrorIs(t, err, types.ErrEventAlreadyPending)

	// Once resolved it is applied, and the same relay is then a replay.
	e.ApproveAll()
	require.Equal(t, []uint64{}, e.PendingIDs())
	_, err = e.Relay(m)
	require.ErrorIs(t, err, types.ErrEventAlreadyApplied)

	// After a rejection by the vote the same content may be queued again, with a new id.
	m2 := e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))
	id2 := e.MustRelay(m2)
	require.NoError(t, sequencertest.RejectAll(e.Ctx, e.K))
	id3 := e.MustRelay(m2)
	require.Equal(t, []uint64{id + 1, id + 2}, []uint64{id2, id3})
}

// The digest leaves out the submitter: the same L1 log relayed by a second sequencer's
// bridge is the item already waiting, which that relay joins (the item is now in both
// lanes) instead of queueing a second one; the same relayer relaying it again is
// refused. A copy that differs in any L1 field is another item, so a forged variant
// cannot keep the honest one out.
func TestMsgServer_SameLogFromTwoRelayers(t *testing.T) {
	e := sqPool(t)
	_, key2 := e.Join(2, sqOwner(2), sqTokens(30_000))
	a := e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001))
	b := *a
	b.Submitter = e.Account(key2)
	idA := e.MustRelay(a)
	before := sqDump(t, e)
	_, err := e.Relay(a)
	require.ErrorIs(t, err, types.ErrEventAlreadyPending)
	require.Contains(t, err.Error(), fmt.Sprintf("pending id %d", idA))
	require.Equal(t, before, sqDump(t, e), "the same relayer's duplicate changes nothing")

	require.Equal(t, idA, e.MustRelay(&b), "a second relayer joins the waiting item")
	p, err := e.K.PendingEvents.Get(e.Ctx, idA)
	require.NoError(t, err)
	require.Equal(t, []uint64{sequencertest.RelayerID, 2}, p.Relayers)
	require.Equal(t, uint64(1), e.PendingCount())

	forged := b
	forged.Amount = sqTokens(2)
	idF := e.MustRelay(&forged)
	require.NotEqual(t, idA, idF)
	e.FreshEvents()
	e.ApproveAll()
	require.Equal(t, sqTokens(30_001), e.Seq(sqSeq1).Locked)
	require.Equal(t, uint64(2), e.Seq(sqSeq1).L1Nonce)
	require.Zero(t, e.PendingCount())
}

func TestMsgServer_QueueFull(t *testing.T) {
	e := sqPool(t)
	p := types.DefaultParams()
	p.MaxPendingEvents = 2
	_, err := e.Msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
	require.NoError(t, err)
	first := e.MustRelay(e.RelockMsg(sqSeq1, 2, sqTokens(1), sqTokens(30_001)))
	require.Equal(t, first+1, e.MustRelay(e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_002))))

	third := e.RelockMsg(sqSeq1, 4, sqTokens(1), sqTokens(30_003))
	before := sqDump(t, e)
	_, err = e.Relay(third)
	// The only active relayer's share is the whole queue.
	require.ErrorIs(t, err, types.ErrRelayerQueueFull)
	require.Equal(t, before, sqDump(t, e), "no id is consumed by a refused relay")

	// Any kind of event is refused while full, even a lock.
	pub, _ := e.NewKey()
	_, err = e.Relay(e.LockMsg(2, sqOwner(1), pub, sqTokens(30_000)))
	require.ErrorIs(t, err, types.ErrRelayerQueueFull)

	// Resolving frees room.
	e.ApproveAll()
	require.Zero(t, e.PendingCount())
	require.Equal(t, first+2, e.MustRelay(third))
}

// Boundaries next to the rejections above are accepted.
func TestMsgServer_RelayBoundariesAccepted(t *testing.T) {
	t.Run("lock of exactly min_lock", func(t *testing.T) {
		e := sqPool(t)
		pub, _ := e.NewKey()
		e.Apply(e.LockMsg(2, sqOwner(1), pub, types.DefaultL1Config().MinLock))
		require.Equal(t, int64(20_000), sqPower(t, e, 2))
	})
	t.Run("upper-case owner is stored lower-case", func(t *testing.T) {
		e := sqPool(t)
		owner := "0x00000000000000000000000000000000000000cd"
		e.Whitelist(owner)
		pub, _ := e.NewKey()
		m := e.LockMsg(2, "0x00000000000000000000000000000000000000CD", pub, sqTokens(30_000))
		m.RewardRecipient = "0x00000000000000000000000000000000000000EF"
		e.Apply(m)
		require.Equal(t, owner, e.Seq(2).Owner)
		require.Equal(t, "0x00000000000000000000000000000000000000ef", e.Seq(2).RewardRecipient)
	})
	t.Run("unlock claimed with amount 0 queues", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, false)
		e.MustRelay(e.UnlockClaimMsg(sqSeq1, 3, math.ZeroInt()))
	})
	t.Run("claim queues while the unlock is still pending", func(t *testing.T) {
		e := sqPool(t)
		e.MustRelay(e.UnlockInitMsg(sqSeq1, 2))
		e.MustRelay(e.UnlockClaimMsg(sqSeq1, 3, sqTokens(30_000)))
		e.ApproveAll()
		require.Equal(t, types.SEQUENCER_STATUS_UNLOCKED, e.Seq(sqSeq1).Status)
	})
	t.Run("relock total equal to amount passes ValidateBasic", func(t *testing.T) {
		e := sqPool(t)
		e.MustRelay(e.RelockMsg(sqSeq1, 2, sqTokens(5), sqTokens(5)))
	})
	t.Run("withdraw and relock queue while UNLOCKING for relock only", func(t *testing.T) {
		e := sqPool(t)
		sqExit(t, e, sqSeq1, false)
		e.MustRelay(e.RelockMsg(sqSeq1, 3, sqTokens(1), sqTokens(30_001)))
	})
}
