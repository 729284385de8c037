//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// TestBenchBlockTimePending measures the block interval of a 4-validator L1 localnet
// while BENCH_PENDING (default 1,000) relayed L1 events wait for the vote (SPEC 9:
// about 1 s). The events are in the genesis queue, claimed at an L1 block the
// development L1 (its block timer paused) has not reached but soon could: every vote
// puts a full window of them (x/voteext's 128) to each validator's observer, which
// cannot judge them yet, so they stay pending for the whole measurement.
func TestBenchBlockTimePending(t *testing.T) {
	pending := benchEnvInt("BENCH_PENDING", 1000)
	seconds := benchEnvInt("BENCH_SECONDS", 60)
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 30, L1: true,
		PatchAppState: func(ln *Localnet, appState map[string]json.RawMessage) {
			require.NoError(t, ln.L1.Do("/mining", url.Values{"paused": {"true"}}))
			head, err := ln.L1Client().BlockNumber(context.Background())
			require.NoError(t, err)
			appState[sequencertypes.ModuleName] = genesisWithPending(t, appState[sequencertypes.ModuleName], pending, head+30)
		}})
	t.Cleanup(func() { _ = ln.L1.Do("/mining", url.Values{"paused": {"false"}}) })
	ln.WaitHeight(5, 90*time.Second)
	node := ln.Nodes[0]
	start := node.MustHeight(t)
	time.Sleep(time.Duration(seconds) * time.Second)
	end := node.MustHeight(t)
	require.Greater(t, end, start+1)
	left := pendingCount(t, node)

	intervals := blockIntervals(t, node, start, end)
	mean, sd, maxv := stats(intervals)
	p50, p95 := percentiles(intervals)
	t.Logf("BENCH block time with L1 events pending: validators=4 pending=%d (still %d at the end) window=%ds blocks=%d mean=%.3fs stddev=%.3fs p50=%.3fs p95=%.3fs max=%.3fs",
		pending, left, seconds, len(intervals), mean, sd, p50, p95, maxv)
	require.GreaterOrEqual(t, left, uint64(pending), "the events stayed pending through the measurement")
	require.InDelta(t, 1.0, mean, 0.35, "mean block time")
	requireSameAppHash(t, ln)
}

// genesisWithPending adds n relocks of the genesis sequencers to the queue, claimed at
// L1 block `block`, relayed by the first sequencer, and lets them wait: no TTL and no
// early expiry within the measurement.
func genesisWithPending(t *testing.T, raw json.RawMessage, n int, block uint64) json.RawMessage {
	t.Helper()
	cdc := app.MakeEncodingConfig().Codec
	var gs sequencertypes.GenesisState
	require.NoError(t, cdc.UnmarshalJSON(raw, &gs))
	require.NotEmpty(t, gs.Sequencers)
	gs.Params.EventTtlBlocks = 1 << 40
	gs.Params.MaxUndecidedVotes = 1 << 40
	next := gs.NextPendingId
	for i := range n {
		s := gs.Sequencers[i%len(gs.Sequencers)]
		nonce := s.L1Nonce + 1 + uint64(i/len(gs.Sequencers))
		msg := &sequencertypes.MsgRelocked{
			Event:       sequencertypes.L1EventRef{TxHash: fmt.Sprintf("0x%064x", 0xbe00000+i), LogIndex: 1, BlockNumber: block},
			SequencerId: s.Id, Amount: math.NewInt(1), Total: s.Locked.Add(math.NewInt(int64(nonce))), Nonce: nonce,
		}
		msgType, bz, digest, err := sequencertypes.EncodePendingEvent(msg)
		require.NoError(t, err)
		gs.PendingEvents = append(gs.PendingEvents, sequencertypes.PendingEvent{
			Id: next, Digest: digest, SubmittedHeight: 1, Msg: bz, MsgType: msgType, Relayers: []uint64{gs.Sequencers[0].Id},
		})
		next++
	}
	gs.NextPendingId = next
	require.NoError(t, gs.Validate())
	out, err := cdc.MarshalJSON(&gs)
	require.NoError(t, err)
	return out
}

func pendingCount(t *testing.T, n *Node) uint64 {
	t.Helper()
	var resp struct {
		Pagination struct {
			Total string `json:"total"`
		} `json:"pagination"`
	}
	require.NoError(t, GetJSON(n.REST+"/themis/sequencer/v1/pending_events?pagination.count_total=true&pagination.limit=1", &resp))
	total, err := strconv.ParseUint(resp.Pagination.Total, 10, 64)
	require.NoError(t, err)
	return total
}
