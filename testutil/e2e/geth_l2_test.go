//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l2"
	"github.com/themis-network/themis/x/epoch/readiness"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// gethL2BridgeMaxSilence is the bridges' --l2-max-silence in TestLocalnetGethDevJoin:
// an L2 node that stops answering turns /healthz unhealthy after this long (the
// bridge's default, 30 s, would only make the test wait longer).
const gethL2BridgeMaxSilence = 5 * time.Second

// gethDevChainID is geth --dev's chain id: every node and bridge requires it of the L2.
const gethDevChainID = 1337

// gethL2Phases shows the validators following a real L2 node, geth --dev (l2), that
// every node's [themis] l2-rpc and every bridge's --l2-rpc point at (Options.L2RPC):
//
//	a. every node's watcher follows geth's head and reports it in its vote extensions:
//	   the chain's agreed L2 head advances, and the hash each validator reported (the
//	   one at the agreed height included) is the hash geth has at that height;
//	b. every bridge's /healthz is healthy and reports geth's head and hash;
//	c. geth stopped (SIGINT): every validator reports no head, so no sequencer is
//	   eligible; the agreed head stands while the chain keeps making blocks, its age in
//	   block time grows, and its stall clock pauses (no agreement: the chain cannot tell
//	   a stalled producer from blind validators); every bridge turns unhealthy naming
//	   the L2;
//	d. geth restarted on the same datadir: its chain continues (the pre-stop head keeps
//	   its hash), the agreed head advances beyond what geth had before the stop, and
//	   every bridge is healthy again with a fresh head.
//
// Sequencer i+1 is node i's validator (testnet); only those are checked.
func gethL2Phases(t *testing.T, ln *Localnet, l2 *GethDev, validators int) {
	t.Helper()
	n0 := ln.Nodes[0]
	client := l2.Client()
	phaseStart := time.Now()
	logGethL2Block(t, client)

	// a. The agreed head follows geth, and the validators' reports are geth's blocks.
	var snap epochReadiness
	ln.waitFor(90*time.Second, "an agreed L2 head and a head report from every validator", func() bool {
		var err error
		snap, err = readinessOf(n0)
		return err == nil && snap.Head.Known && snap.allReport(validators, true)
	})
	h0, t0, chain0 := snap.Head.Height, time.Now(), n0.MustHeight(t)
	t.Logf("L2 a: agreed head %d at chain height %d (%s into the L2 phases)", h0, chain0, time.Since(phaseStart).Round(time.Millisecond))
	ln.waitFor(60*time.Second, fmt.Sprintf("the agreed L2 head to pass %d with a report at its height", h0+5), func() bool {
		var err error
		snap, err = readinessOf(n0)
		return err == nil && snap.Head.Height >= h0+5 && snap.allReport(validators, true) && snap.reportAt(snap.Head.Height) != nil
	})
	chain1 := n0.MustHeight(t)
	gethHead := mustGethHead(t, client)
	require.LessOrEqual(t, snap.Head.Height, gethHead.Number.Uint64(), "the agreed head is a height geth has")
	t.Logf("L2 a: agreed head %d -> %d in %s (chain %d -> %d); geth's head %d (agreed head %d behind)",
		h0, snap.Head.Height, time.Since(t0).Round(time.Millisecond), chain0, chain1, gethHead.Number, gethHead.Number.Uint64()-snap.Head.Height)
	require.LessOrEqual(t, gethHead.Number.Uint64()-snap.Head.Height, uint64(10), "the agreed head follows geth's head closely")
	requireReportsAreGeth(t, client, snap, validators)
	for id := uint64(1); id <= uint64(validators); id++ {
		s := snap.sequencer(id)
		require.True(t, s.Eligible, "sequencer %d reports a fresh head, so it is eligible (reason %q)", id, s.Reason)
	}
	for _, n := range ln.Nodes { // every node's REST serves the same agreed head (its own state)
		ep, head, err := CurrentEpoch(n)
		require.NoError(t, err, "node%d /themis/epoch/v1/current", n.Index)
		require.GreaterOrEqual(t, head, snap.Head.Height-2, "node%d's agreed head", n.Index)
		t.Logf("L2 a: node%d: agreed head %d, epoch %d [%d, %d] produced by sequencer %d", n.Index, head, ep.ID, ep.StartHeight, ep.EndHeight, ep.ProducerID)
	}

	// b. Every bridge's /healthz reports geth's head, healthy.
	for _, n := range ln.Nodes {
		ln.waitFor(60*time.Second, fmt.Sprintf("node%d's bridge /healthz to be healthy with an L2 head", n.Index), func() bool {
			r, code, err := bridgeL2Health(n)
			return err == nil && code == http.StatusOK && r.L2Head != nil
		})
	}
	for _, n := range ln.Nodes {
		before := mustGethHead(t, client).Number.Uint64()
		r, code, err := bridgeL2Health(n)
		after := mustGethHead(t, client).Number.Uint64()
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, code, "node%d's bridge: %v", n.Index, r.Reasons)
		require.Equal(t, "ok", r.Status)
		require.Empty(t, r.Reasons)
		require.NotNil(t, r.L2Head)
		require.NotNil(t, r.L2HeadAgeSeconds)
		require.GreaterOrEqual(t, *r.L2Head+3, before, "node%d's bridge: L2 head %d close to geth's %d", n.Index, *r.L2Head, before)
		require.LessOrEqual(t, *r.L2Head, after)
		require.Equal(t, gethHeader(t, client, *r.L2Head).Hash().Hex(), r.L2HeadHash, "node%d's bridge: hash of L2 block %d", n.Index, *r.L2Head)
		require.Less(t, *r.L2HeadAgeSeconds, 3.0, "node%d's bridge: the L2 head is fresh", n.Index)
		t.Logf("L2 b: node%d's bridge: %s, l2_head %d (geth %d..%d), age %.3f s, last success %s",
			n.Index, r.Status, *r.L2Head, before, after, *r.L2HeadAgeSeconds, r.L2LastSuccess)
	}

	// c. geth stops.
	last := mustGethHead(t, client)
	lastHeight, lastHash := last.Number.Uint64(), last.Hash()
	chainAtStop := n0.MustHeight(t)
	stopAt := time.Now()
	l2.Stop()
	t.Logf("L2 c: geth stopped at its block %d (%s) in %s; chain height %d", lastHeight, lastHash.Hex(), time.Since(stopAt).Round(time.Millisecond), chainAtStop)

	// The validators' reports and the bridges' /healthz are watched together, so each
	// figure is the time its own change took.
	var blindAfter time.Duration
	var chainBlind int64
	unhealthyAfter := make([]time.Duration, len(ln.Nodes))
	unhealthy := make([]bridgeL2Report, len(ln.Nodes))
	ln.waitFor(gethL2BridgeMaxSilence+40*time.Second, "every validator to report no L2 head and every bridge's /healthz to name the stopped L2", func() bool {
		done := true
		if blindAfter == 0 {
			if s, err := readinessOf(n0); err == nil && s.allReport(validators, false) {
				blindAfter, snap, chainBlind = time.Since(stopAt), s, n0.MustHeight(t)
			} else {
				done = false
			}
		}
		for i, n := range ln.Nodes {
			if unhealthyAfter[i] != 0 {
				continue
			}
			if r, code, err := bridgeL2Health(n); err == nil && code == http.StatusServiceUnavailable && r.hasReason("l2 unreachable") {
				unhealthyAfter[i], unhealthy[i] = time.Since(stopAt), r
			} else {
				done = false
			}
		}
		return done
	})
	t.Logf("L2 c: every validator reports no head %s after the stop (chain height %d); agreed head %d, stalled_for %s, since %s",
		blindAfter.Round(time.Millisecond), chainBlind, snap.Head.Height, snap.Head.StalledFor, snap.Head.Since.Format(time.RFC3339Nano))
	for id := uint64(1); id <= uint64(validators); id++ {
		s := snap.sequencer(id)
		require.False(t, s.Eligible, "sequencer %d", id)
		require.Equal(t, readiness.NoHead, s.Reason, "sequencer %d", id)
	}
	for i, r := range unhealthy {
		require.Equal(t, "unhealthy", r.Status)
		require.NotNil(t, r.L2Head, "node%d's bridge: the last head stays in the report", i)
		require.LessOrEqual(t, *r.L2Head, lastHeight)
		t.Logf("L2 c: node%d's bridge unhealthy %s after the stop (--l2-max-silence %s), l2_head %d: %q",
			i, unhealthyAfter[i].Round(time.Millisecond), gethL2BridgeMaxSilence, *r.L2Head, r.Reasons)
	}
	blind := snap
	ln.waitFor(60*time.Second, "6 more chain blocks with the L2 stopped", func() bool { return n0.Height() >= chainBlind+6 })
	snap, err := readinessOf(n0)
	require.NoError(t, err)
	chainAfter := n0.MustHeight(t)
	ageBlind, ageAfter := blind.Head.ObservedAt.Sub(blind.Head.Since), snap.Head.ObservedAt.Sub(snap.Head.Since)
	t.Logf("L2 c: chain %d -> %d: agreed head %d -> %d, stalled_for %s -> %s, head age in block time (observed_at - since) %s -> %s",
		chainBlind, chainAfter, blind.Head.Height, snap.Head.Height, blind.Head.StalledFor, snap.Head.StalledFor, ageBlind, ageAfter)
	require.Equal(t, blind.Head.Height, snap.Head.Height, "the agreed head stands while the L2 is down")
	require.LessOrEqual(t, snap.Head.Height, lastHeight, "the agreed head is a block geth had")
	require.Equal(t, blind.Head.Since, snap.Head.Since)
	require.True(t, snap.Head.ObservedAt.After(blind.Head.ObservedAt), "blocks keep being folded into the progress")
	require.Greater(t, ageAfter, ageBlind, "the agreed head grows older in block time")
	require.GreaterOrEqual(t, ageAfter, 5*time.Second)
	require.Equal(t, blind.Head.StalledFor, snap.Head.StalledFor, "without agreement the stall clock pauses")
	require.Positive(t, time.Duration(snap.Head.StalledFor), "the blocks whose validators still vouched for the last head were counted")
	require.True(t, snap.allReport(validators, false))

	chainEnd := n0.MustHeight(t)
	outage := time.Since(stopAt)
	require.GreaterOrEqual(t, chainEnd, chainAtStop+5, "the chain keeps making blocks without the L2")
	t.Logf("L2 c: the chain made %d blocks (%d -> %d) in the %s the L2 was down", chainEnd-chainAtStop, chainAtStop, chainEnd, outage.Round(time.Millisecond))
	standing := snap.Head.Height

	// d. geth restarts on the same datadir.
	restartAt := time.Now()
	l2.Restart()
	t.Logf("L2 d: geth restarted in %s", time.Since(restartAt).Round(time.Millisecond))
	require.Equal(t, lastHash, gethHeader(t, client, lastHeight).Hash(), "geth's chain continues: block %d keeps its hash", lastHeight)
	ln.waitFor(30*time.Second, fmt.Sprintf("geth to mine past its block %d", lastHeight), func() bool {
		h, err := gethHeadOf(client)
		return err == nil && h.Number.Uint64() > lastHeight
	})
	gap := gethHeader(t, client, lastHeight+1).Time - gethHeader(t, client, lastHeight).Time
	t.Logf("L2 d: geth's block %d follows block %d by %d s of block time (the outage)", lastHeight+1, lastHeight, gap)

	ln.waitFor(60*time.Second, fmt.Sprintf("the agreed L2 head to pass geth's pre-stop head %d (and %d, where it stood)", lastHeight, standing), func() bool {
		var err error
		snap, err = readinessOf(n0)
		return err == nil && snap.Head.Height > lastHeight
	})
	t.Logf("L2 d: agreed head %d -> %d, %s after the restart (chain height %d), stalled_for %s",
		standing, snap.Head.Height, time.Since(restartAt).Round(time.Millisecond), n0.MustHeight(t), snap.Head.StalledFor)
	ln.waitFor(60*time.Second, "every validator eligible again, with a report at the agreed height", func() bool {
		var err error
		snap, err = readinessOf(n0)
		if err != nil || !snap.allReport(validators, true) || snap.reportAt(snap.Head.Height) == nil {
			return false
		}
		for id := uint64(1); id <= uint64(validators); id++ {
			if !snap.sequencer(id).Eligible {
				return false
			}
		}
		return true
	})
	requireReportsAreGeth(t, client, snap, validators)
	t.Logf("L2 d: every validator eligible again %s after the restart; agreed head %d", time.Since(restartAt).Round(time.Millisecond), snap.Head.Height)

	for _, n := range ln.Nodes {
		var r bridgeL2Report
		ln.waitFor(60*time.Second, fmt.Sprintf("node%d's bridge /healthz healthy again past L2 block %d", n.Index, lastHeight), func() bool {
			var code int
			var err error
			r, code, err = bridgeL2Health(n)
			return err == nil && code == http.StatusOK && r.L2Head != nil && *r.L2Head > lastHeight
		})
		require.Equal(t, "ok", r.Status)
		require.Empty(t, r.Reasons)
		require.NotNil(t, r.L2HeadAgeSeconds)
		require.Less(t, *r.L2HeadAgeSeconds, 3.0, "node%d's bridge: the L2 head is fresh", n.Index)
		require.Equal(t, gethHeader(t, client, *r.L2Head).Hash().Hex(), r.L2HeadHash, "node%d's bridge: hash of L2 block %d", n.Index, *r.L2Head)
		t.Logf("L2 d: node%d's bridge %s after the restart: %s, l2_head %d, age %.3f s",
			n.Index, time.Since(restartAt).Round(time.Millisecond), r.Status, *r.L2Head, *r.L2HeadAgeSeconds)
	}
	gethL2Reads(t, l2, client)
	t.Logf("L2 phases done in %s", time.Since(phaseStart).Round(time.Millisecond))
}

// gethL2Reads: the reads the batch and evidence checks use, against the real geth. A
// range commitment over every block so far (JSON-RPC batches) equals one computed from
// go-ethereum's own client's headers; geth --dev does not seal its blocks, so a block
// carries no producer seal.
func gethL2Reads(t *testing.T, l2geth *GethDev, client *ethclient.Client) {
	ctx := context.Background()
	reader, err := l2.Dial(l2geth.RPC, 5*time.Second)
	require.NoError(t, err)
	defer reader.Close()
	head, err := reader.BlockNumber(ctx)
	require.NoError(t, err)
	start := time.Now()
	got, err := reader.RangeCommitment(ctx, 1, head)
	require.NoError(t, err)
	took := time.Since(start)
	var txRoots []common.Hash
	for h := uint64(1); h <= head; h++ {
		txRoots = append(txRoots, gethHeader(t, client, h).TxHash)
	}
	last := gethHeader(t, client, head)
	require.Equal(t, l2.RangeCommitment{
		From: 1, To: head, ParentHash: gethHeader(t, client, 0).Hash(), LastHash: last.Hash(),
		StateRoot: last.Root, TxRoot: l2.MerkleRoot(txRoots),
	}, got)
	b, err := reader.BlockByNumber(ctx, head)
	require.NoError(t, err)
	_, err = b.Seal(gethDevChainID)
	require.ErrorIs(t, err, epochtypes.ErrInvalidL2Seal, "geth --dev does not seal its blocks")
	t.Logf("L2 e: range commitment of geth's blocks 1..%d read in %s: state root %s, tx root %s", head, took.Round(time.Millisecond), got.StateRoot, got.TxRoot)
}

// logGethL2Block logs what geth --dev's blocks look like to the L2 watcher.
func logGethL2Block(t *testing.T, client *ethclient.Client) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	chainID, err := client.ChainID(ctx)
	require.NoError(t, err)
	genesis, err := client.HeaderByNumber(ctx, big.NewInt(0))
	require.NoError(t, err)
	head := mustGethHead(t, client)
	t.Logf("L2: geth --dev chain id %s, genesis %s, head %d (%s): time %d, coinbase %s, extraData %q, difficulty %s, gas limit %d, base fee %s",
		chainID, genesis.Hash().Hex(), head.Number, head.Hash().Hex(), head.Time, head.Coinbase.Hex(), head.Extra,
		head.Difficulty, head.GasLimit, head.BaseFee)
}

// requireReportsAreGeth checks every validator's last report against geth: its hash and
// L2 time are those of geth's block at its height, and one report is at the agreed
// height (the agreed head is a reported one: the height more than 2/3 reached).
func requireReportsAreGeth(t *testing.T, client *ethclient.Client, snap epochReadiness, validators int) {
	t.Helper()
	for id := uint64(1); id <= uint64(validators); id++ {
		r := snap.sequencer(id).LastReport
		require.NotNil(t, r, "sequencer %d", id)
		require.True(t, r.HasHead, "sequencer %d", id)
		hdr := gethHeader(t, client, r.L2Height)
		require.Equal(t, hdr.Hash().Hex(), common.BytesToHash(r.L2Hash).Hex(), "sequencer %d's reported hash of L2 block %d", id, r.L2Height)
		require.Len(t, r.L2Hash, common.HashLength)
		require.Equal(t, hdr.Time, r.L2Time, "sequencer %d's reported time of L2 block %d", id, r.L2Height)
	}
	at := snap.reportAt(snap.Head.Height)
	require.NotNil(t, at, "a report at the agreed height %d", snap.Head.Height)
	want := gethHeader(t, client, snap.Head.Height).Hash()
	require.Equal(t, want.Hex(), common.BytesToHash(at.L2Hash).Hex(), "the agreed head's hash")
	var heights []string
	for id := uint64(1); id <= uint64(validators); id++ {
		r := snap.sequencer(id).LastReport
		heights = append(heights, fmt.Sprintf("%d:%d@chain %d", id, r.L2Height, r.ReportedHeight))
	}
	t.Logf("agreed head %d = geth's block %s; reports (sequencer:L2 height@chain height) %s, every hash geth's",
		snap.Head.Height, want.Hex(), strings.Join(heights, " "))
}

func gethHeadOf(client *ethclient.Client) (*types.Header, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return client.HeaderByNumber(ctx, nil)
}

func mustGethHead(t *testing.T, client *ethclient.Client) *types.Header {
	t.Helper()
	h, err := gethHeadOf(client)
	require.NoError(t, err, "geth's head")
	return h
}

// gethHeader is geth's block h (it must have it).
func gethHeader(t *testing.T, client *ethclient.Client, h uint64) *types.Header {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hdr, err := client.HeaderByNumber(ctx, new(big.Int).SetUint64(h))
	require.NoError(t, err, "geth's block %d", h)
	return hdr
}

// protoDuration is a google.protobuf.Duration in JSON ("3.500s").
type protoDuration time.Duration

func (d *protoDuration) UnmarshalJSON(bz []byte) error {
	var s string
	if err := json.Unmarshal(bz, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	*d = protoDuration(v)
	return err
}

func (d protoDuration) String() string { return time.Duration(d).String() }

// headProgress is x/epoch's HeadProgress as REST returns it.
type headProgress struct {
	Height     uint64        `json:"height,string"`
	Since      time.Time     `json:"since"`
	Known      bool          `json:"known"`
	StalledFor protoDuration `json:"stalled_for"`
	ObservedAt time.Time     `json:"observed_at"`
}

// validatorReport is x/epoch's ValidatorReport (a validator's last L2 head report).
type validatorReport struct {
	HasHead        bool   `json:"has_head"`
	L2Height       uint64 `json:"l2_height,string"`
	L2Hash         []byte `json:"l2_hash"` // base64 in JSON
	L2Time         uint64 `json:"l2_time,string"`
	ReportedHeight int64  `json:"reported_height,string"`
}

type sequencerReadiness struct {
	SequencerID uint64           `json:"sequencer_id,string"`
	Eligible    bool             `json:"eligible"`
	Reason      string           `json:"reason"`
	LastReport  *validatorReport `json:"last_report"`
}

// epochReadiness is /themis/epoch/v1/readiness: every active sequencer's last report
// and readiness, and the agreed head, from one state.
type epochReadiness struct {
	Sequencers []sequencerReadiness `json:"sequencers"`
	Head       headProgress         `json:"head"`
}

func readinessOf(n *Node) (epochReadiness, error) {
	var r epochReadiness
	err := GetJSON(n.REST+"/themis/epoch/v1/readiness", &r)
	return r, err
}

func (r epochReadiness) sequencer(id uint64) sequencerReadiness {
	for _, s := range r.Sequencers {
		if s.SequencerID == id {
			return s
		}
	}
	return sequencerReadiness{SequencerID: id, Reason: "not in the active set"}
}

// allReport tells whether sequencers 1..validators all have a last report, with a head
// (hasHead) or without one.
func (r epochReadiness) allReport(validators int, hasHead bool) bool {
	for id := uint64(1); id <= uint64(validators); id++ {
		rep := r.sequencer(id).LastReport
		if rep == nil || rep.HasHead != hasHead {
			return false
		}
	}
	return true
}

// reportAt is a last report with a head at L2 height h, or nil.
func (r epochReadiness) reportAt(h uint64) *validatorReport {
	for _, s := range r.Sequencers {
		if s.LastReport != nil && s.LastReport.HasHead && s.LastReport.L2Height == h {
			return s.LastReport
		}
	}
	return nil
}

// bridgeL2Report is a bridge's /healthz with its L2 fields (bridge/health.Report).
type bridgeL2Report struct {
	Status           string   `json:"status"`
	Reasons          []string `json:"reasons"`
	L2Head           *uint64  `json:"l2_head"`
	L2HeadHash       string   `json:"l2_head_hash"`
	L2HeadAgeSeconds *float64 `json:"l2_head_age_seconds"`
	L2LastSuccess    string   `json:"l2_last_success"`
}

func (r bridgeL2Report) hasReason(prefix string) bool {
	for _, s := range r.Reasons {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// bridgeL2Health reads node n's bridge /healthz with its HTTP status.
func bridgeL2Health(n *Node) (bridgeL2Report, int, error) {
	var r bridgeL2Report
	resp, err := (&http.Client{Timeout: 3 * time.Second}).Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", n.HealthPort))
	if err != nil {
		return r, 0, err
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	if _, err := body.ReadFrom(resp.Body); err != nil {
		return r, resp.StatusCode, err
	}
	if err := json.Unmarshal(body.Bytes(), &r); err != nil {
		return r, resp.StatusCode, fmt.Errorf("/healthz: %w: %s", err, body.String())
	}
	return r, resp.StatusCode, nil
}
