package processor

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/store"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func chainErr(e *errorsmod.Error, msg string) error {
	return errorsmod.ABCIError(seqtypes.ModuleName, e.ABCICode(), msg)
}

// relayedSeqs is the set of sequencers relayed in the calls.
func relayedSeqs(calls [][]seqtypes.L1EventMsg) map[uint64]int {
	out := map[uint64]int{}
	for _, c := range calls {
		for _, m := range c {
			out[m.GetSequencerId()]++
		}
	}
	return out
}

// The attack: twenty sequencers with low ids each have a long queue of events the chain
// refuses (their locks never came: unknown sequencer), enough to fill every slot of a round that
// reads sequencers in id order (16 heads each, 200 in all). A genuine event of a
// sequencer with a high id must still be relayed in the first round, and once the stuck
// heads have been refused for ParkAfter they are parked and hold no slot at all.
func TestStuckItemsAtLowIdsDoNotStarveOthers(t *testing.T) {
	var evs []seqtypes.L1EventMsg
	for seq := uint64(1); seq <= 20; seq++ {
		for n := uint64(1); n <= 30; n++ {
			evs = append(evs, ev(seq, n))
		}
	}
	evs = append(evs, ev(500, 1))
	e := newEnv(t, evs...)
	e.relay.respond = func(m seqtypes.L1EventMsg) error {
		if m.GetSequencerId() <= 20 {
			return chainErr(seqtypes.ErrSequencerNotFound, "id 7")
		}
		return nil
	}

	e.step()
	got := relayedSeqs(e.relay.take())
	require.Equal(t, 1, got[500], "the high-id sequencer is served in the first round")
	for seq := uint64(1); seq <= 20; seq++ {
		// An equal share is 200/21 = 9; what sequencer 500 leaves unused tops up the
		// first ones in this round's order, never past the window.
		require.GreaterOrEqual(t, got[seq], 9, "sequencer %d", seq)
		require.LessOrEqual(t, got[seq], DefaultWindow, "sequencer %d", seq)
	}
	e.chain.set(e.chain.applied, ev(500, 1), true)

	// The stuck heads back off and are refused again and again; after ParkAfter (1 h)
	// they are parked with the chain's reason.
	for i := 0; i < 200 && e.store.ParkedLen() < 20; i++ {
		e.clock.advance(30 * time.Second)
		e.step()
	}
	parked := e.store.Parked()
	require.Len(t, parked, 20)
	for _, p := range parked {
		require.Equal(t, health.ParkRefused, p.Class)
		require.Contains(t, p.Reason, "unknown sequencer")
		require.EqualValues(t, 1, p.Info.Nonce, "the head is parked; later nonces wait behind it")
	}
	require.Equal(t, 20*29, e.store.Len(), "nothing was dropped")
	require.True(t, hasGauge(t, e.mon, `themis_bridge_outbox_parked{reason="refused"} 20`))
	require.Equal(t, 20, e.mon.Check().OutboxParked)

	// Now a new event of another sequencer is the only thing a round looks at: the
	// parked heads and the 580 events queued behind them cost no query and no slot.
	e.relay.take()
	_, err := e.store.Commit(context.Background(), []seqtypes.L1EventMsg{ev(501, 1)}, 2)
	require.NoError(t, err)
	before := e.chain.queries
	e.step()
	require.Equal(t, [][2]uint64{{501, 1}}, ids(e.relay.take()))
	require.Equal(t, 1, e.chain.queries-before)
}

// A sequencer whose events the chain keeps pending (a slow vote) or refuses for now
// gets its share of a round, not the round: with 30 busy sequencers every one of them
// and a newcomer are looked at in each round.
func TestRoundsAreFairAcrossSequencers(t *testing.T) {
	var evs []seqtypes.L1EventMsg
	for seq := uint64(1); seq <= 30; seq++ {
		for n := uint64(1); n <= 40; n++ {
			evs = append(evs, ev(seq, n))
		}
	}
	evs = append(evs, ev(999, 1))
	e := newEnv(t, evs...)
	e.step()
	got := relayedSeqs(e.relay.take())
	require.Len(t, got, 31)
	total := 0
	for seq, n := range got {
		total += n
		require.LessOrEqual(t, n, DefaultWindow, "sequencer %d", seq)
	}
	require.Equal(t, DefaultMaxPerRound, total)
}

// A relay the chain includes but never applies (the pool's vote rejects it every time)
// is parked as never_applied after ParkAfter; a parked item is re-examined once per
// ParkedRetry and never in between.
func TestNeverAppliedIsParkedAndRetriedRarely(t *testing.T) {
	e := newEnv(t, ev(1, 1), ev(2, 1))
	e.step()
	require.Len(t, ids(e.relay.take()), 2)
	e.chain.set(e.chain.applied, ev(2, 1), true)
	for i := 0; i < 400 && e.store.ParkedLen() == 0; i++ {
		e.clock.advance(15 * time.Second) // the vote drops it each time: neither pending nor applied
		e.step()
	}
	parked := e.store.Parked()
	require.Len(t, parked, 1)
	require.Equal(t, health.ParkNeverApplied, parked[0].Class)
	e.relay.take()

	// An hour of rounds relays it once, at the retry, then follows it up.
	for i := 0; i < 250; i++ {
		e.clock.advance(15 * time.Second)
		e.step()
	}
	require.Equal(t, [][2]uint64{{1, 1}}, ids(e.relay.take()))
	require.EqualValues(t, 1, e.store.Parked()[0].Retries, "the follow-up found it neither pending nor applied")
}

// The attack: a parked item must stay parked across a restart (nothing re-fills the hot
// path), show with its reason in /healthz and /metrics, and come back only when the
// chain takes it: here after an operator's POST /parked/retry.
func TestParkedItemSurvivesRestartAndShowsInHealth(t *testing.T) {
	dir := t.TempDir()
	c := &clock{t: time.Unix(1_700_000_000, 0)}
	chain, relay := newFakeChain(), &fakeRelayer{}
	upgraded := false
	relay.respond = func(m seqtypes.L1EventMsg) error {
		if m.GetSequencerId() == 5 && m.GetNonce() == 1 && !upgraded {
			return chainErr(seqtypes.ErrInvalidPubKey, "signer key is not on the curve")
		}
		return nil
	}
	start := func() (*store.Store, *Processor, *health.Monitor) {
		s, err := store.Open(dir, "test", store.Options{})
		require.NoError(t, err)
		mon := health.NewMonitor(health.Options{MaxLag: 10, Now: c.now})
		p, err := New(Config{Submitter: submitter, Now: c.now, Monitor: mon}, s, chain, relay)
		require.NoError(t, err)
		return s, p, mon
	}
	s, p, _ := start()
	_, err := s.Commit(context.Background(), []seqtypes.L1EventMsg{ev(5, 1), ev(5, 2), ev(6, 1)}, 10)
	require.NoError(t, err)
	require.NoError(t, p.Step(context.Background()))
	require.Equal(t, [][2]uint64{{5, 1}, {5, 2}, {6, 1}}, ids(relay.take()))
	require.Equal(t, 1, s.ParkedLen(), "the chain's 'malformed' answer parks at once")
	chain.setPending(ev(5, 2), true)
	chain.set(chain.applied, ev(6, 1), true)
	require.NoError(t, s.Close())

	s, p, mon := start()
	defer s.Close()
	mon.OK(health.EndpointL1)
	mon.L1Head(20)
	mon.Cursor(10)
	c.advance(time.Minute)
	require.NoError(t, p.Step(context.Background()))
	require.Empty(t, relay.take(), "still parked after the restart; nonce 2 is pending")

	h := mon.Handler()
	code, body := serve(t, h, http.MethodGet, "/healthz")
	require.Equal(t, http.StatusOK, code, "parked items alone do not make the bridge unhealthy: "+body)
	var r health.Report
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	require.Equal(t, 1, r.OutboxParked)
	require.Len(t, r.Parked, 1)
	require.EqualValues(t, 5, r.Parked[0].SequencerID)
	require.EqualValues(t, 1, r.Parked[0].Nonce)
	require.Equal(t, health.ParkInvalid, r.Parked[0].Reason)
	require.Contains(t, r.Parked[0].Detail, "not on the curve")
	require.Equal(t, seqtypes.EventKey(ev(5, 1).GetEvent()), r.Parked[0].Event)
	_, metrics := serve(t, h, http.MethodGet, "/metrics")
	require.Contains(t, metrics, `themis_bridge_outbox_parked{reason="invalid"} 1`)

	// The chain is fixed; the operator asks for a re-examination now.
	upgraded = true
	code, _ = serve(t, h, http.MethodGet, "/parked/retry")
	require.Equal(t, http.StatusMethodNotAllowed, code)
	remote := httptest.NewRecorder()
	h.ServeHTTP(remote, httptest.NewRequest(http.MethodPost, "/parked/retry", nil)) // from 192.0.2.1
	require.Equal(t, http.StatusForbidden, remote.Code, "the retry control answers only loopback callers")
	code, body = serve(t, h, http.MethodPost, "/parked/retry?event="+r.Parked[0].Event)
	require.Equal(t, http.StatusOK, code)
	require.JSONEq(t, `{"scheduled":1}`, body)
	require.NoError(t, p.Step(context.Background()))
	require.Equal(t, [][2]uint64{{5, 1}}, ids(relay.take()))
	chain.set(chain.applied, ev(5, 1), true)
	c.advance(DefaultMaxBackoffForTest)
	require.NoError(t, p.Step(context.Background()))
	require.Zero(t, s.ParkedLen(), "applied: removed, and the sequencer's later nonces go on")
	require.Equal(t, 0, mon.Check().OutboxParked)
	chain.setPending(ev(5, 2), false)
	require.NoError(t, p.Step(context.Background()))
	require.Equal(t, [][2]uint64{{5, 2}}, ids(relay.take()))
}

// DefaultMaxBackoffForTest is the follow-up delay after a parked item's relay (MaxBackoff).
const DefaultMaxBackoffForTest = 30 * time.Second

func serve(t *testing.T, h http.Handler, method, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, nil)
	req.RemoteAddr = "127.0.0.1:40000" // the operator, on the machine
	h.ServeHTTP(rec, req)
	body, err := io.ReadAll(rec.Result().Body)
	require.NoError(t, err)
	return rec.Code, string(body)
}

func hasGauge(t *testing.T, m *health.Monitor, line string) bool {
	t.Helper()
	_, body := serve(t, m.Handler(), http.MethodGet, "/metrics")
	return strings.Contains(body, line)
}
