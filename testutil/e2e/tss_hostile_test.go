//go:build e2e

package e2e

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/base64"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/privval"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/tss/wire"
)

// signRound1Broadcast is tss-lib's first broadcast of a signing (its message type).
const signRound1Broadcast = "binance.tsslib.ecdsa.signing.SignRound1Message2"

// signerKeyOf reads a node home's signer key (its CometBFT key, secp256k1).
func signerKeyOf(t *testing.T, home string) *ecdsa.PrivateKey {
	pv := privval.LoadFilePV(filepath.Join(home, "config", "priv_validator_key.json"), filepath.Join(home, "data", "priv_validator_state.json"))
	key, err := crypto.ToECDSA(pv.Key.PrivKey.Bytes())
	require.NoError(t, err)
	return key
}

// hostilePeer speaks the engines' wire protocol to one node's TSS transport.
type hostilePeer struct {
	t       *testing.T
	url     string
	chainID string
}

// envelope builds a broadcast of round from from, for session, signed by key (which
// need not be from's: a forgery).
func (h hostilePeer) envelope(from common.Address, key *ecdsa.PrivateKey, session [32]byte, seq uint32, round string, payload []byte) []byte {
	e := &wire.Envelope{Version: wire.Version1, ChainID: h.chainID, SessionID: session, Kind: wire.KindTSS, Round: round,
		Seq: seq, From: from, FromRole: wire.RoleParty, Payload: payload}
	d, err := wire.SigningDigest(e)
	require.NoError(h.t, err)
	sig, err := crypto.Sign(d[:], key)
	require.NoError(h.t, err)
	copy(e.Signature[:], sig)
	raw, err := wire.Marshal(e)
	require.NoError(h.t, err)
	return raw
}

// post sends one envelope and returns the HTTP status and the reason token.
func (h hostilePeer) post(raw []byte) (int, string) {
	resp, err := http.Post(h.url, "application/octet-stream", bytes.NewReader(raw))
	require.NoError(h.t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	reason, _, _ := strings.Cut(strings.TrimSpace(string(body)), ":")
	return resp.StatusCode, reason
}

func randomSession(t *testing.T) [32]byte {
	var s [32]byte
	_, err := rand.Read(s[:])
	require.NoError(t, err)
	return s
}

// openSignSession is the part of an open sign session the hostile case reads.
type openSignSession struct {
	Number     string `json:"number"`
	Kind       string `json:"kind"`
	SessionKey string `json:"session_key"`
	Signers    []struct {
		SequencerID string `json:"sequencer_id"`
	} `json:"signers"`
}

// hostileMessages: a stranger and an insider attack node 0's TSS transport, between
// real processes. A forgery in another party's name, a stranger's message, and an
// insider's messages for a session that never opens are refused or held in the
// bounded queue (the oldest dropped, a resend refused as a replay) and blame nobody.
// The insider's second, different broadcast for a round of a sign session it signs
// in, sent to the other signers after its first, is an equivocation: each refuses it,
// holds the proof and claims it, and the chain records an EQUIVOCATION blame against
// the insider (sequencer 2) and no one else.
func hostileMessages(t *testing.T, ln *Localnet) {
	h := hostilePeer{t: t, url: "http://" + ln.appTomlValue(0, "themis", "tss-listen") + "/tss/v1/msg", chainID: "themis-localnet"}
	insider := signerKeyOf(t, ln.Nodes[1].Home)
	insiderAddr := crypto.PubkeyToAddress(insider.PublicKey)
	victimAddr := crypto.PubkeyToAddress(signerKeyOf(t, ln.Nodes[2].Home).PublicKey)
	stranger, err := crypto.GenerateKey()
	require.NoError(t, err)
	blamesBefore := lastBlameID(t, ln)
	noise := []byte("not a tss-lib message")

	status, reason := h.post(h.envelope(victimAddr, stranger, randomSession(t), 1, signRound1Broadcast, noise))
	require.Equal(t, http.StatusBadRequest, status)
	require.Equal(t, "bad-signature", reason, "a forgery in node 2's name")

	status, reason = h.post(h.envelope(crypto.PubkeyToAddress(stranger.PublicKey), stranger, randomSession(t), 1, signRound1Broadcast, noise))
	require.Equal(t, "unknown-sender", reason, "a stranger's signed message (HTTP %d)", status)

	// A session that never opens: the insider's envelopes are queued, at most 256 per
	// sender (the oldest dropped); one sent again is a replay.
	never := randomSession(t)
	droppedBefore := promCounter(t, ln.Nodes[0], `themis_tss_transport_dropped_total{reason="sender-quota"}`)
	var last []byte
	for seq := uint32(1); seq <= 300; seq++ {
		last = h.envelope(insiderAddr, insider, never, seq, signRound1Broadcast, noise)
		status, reason = h.post(last)
		require.Equal(t, http.StatusAccepted, status, "envelope %d for a session not open: %s", seq, reason)
	}
	status, reason = h.post(last)
	require.Equal(t, http.StatusConflict, status)
	require.Equal(t, "replayed", reason)
	require.GreaterOrEqual(t, promCounter(t, ln.Nodes[0], `themis_tss_transport_dropped_total{reason="sender-quota"}`)-droppedBefore, 300-256.0,
		"the queue holds at most 256 of one sender's envelopes")

	// The insider equivocates in a live sign session it signs in, once its real first
	// broadcast reached the others (a second, different one is then the proof).
	var target openSignSession
	deadline := time.Now().Add(3 * time.Minute)
	for target.Number == "" {
		require.True(t, time.Now().Before(deadline), "no sign session with sequencer 2 to equivocate in")
		var open struct {
			Sessions []openSignSession `json:"sessions"`
		}
		if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/sessions/open", &open) != nil {
			continue
		}
		for _, s := range open.Sessions {
			if s.Kind != "SESSION_KIND_SIGN" || !hasSequencer(s, "2") {
				continue
			}
			time.Sleep(1500 * time.Millisecond) // the engines started it and sent round 1
			key, err := base64.StdEncoding.DecodeString(s.SessionKey)
			require.NoError(t, err)
			// The second version goes to every other signer: each that already took
			// the first holds the proof and claims it, so more than 2/3 do.
			second := h.envelope(insiderAddr, insider, [32]byte(key), 1<<30, signRound1Broadcast, noise)
			proven := 0
			for _, p := range s.Signers {
				if p.SequencerID == "2" {
					continue
				}
				i, err := strconv.Atoi(p.SequencerID)
				require.NoError(t, err)
				peer := hostilePeer{t: t, url: "http://" + ln.appTomlValue(i-1, "themis", "tss-listen") + "/tss/v1/msg", chainID: h.chainID}
				status, reason = peer.post(second)
				t.Logf("equivocation in sign session %s to sequencer %s: HTTP %d %s", s.Number, p.SequencerID, status, reason)
				if reason == "equivocation" {
					proven++
				}
			}
			if proven == len(s.Signers)-1 {
				target = s
			}
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	var recorded []blameView
	ln.WaitFor("an EQUIVOCATION blame against sequencer 2 in session "+target.Number, 2*time.Minute, func() bool {
		recorded = blamesAfter(t, ln, blamesBefore)
		for _, b := range recorded {
			if b.Session == target.Number && b.Accused == "2" && b.Reason == "BLAME_REASON_EQUIVOCATION" {
				return true
			}
		}
		return false
	})
	for _, b := range recorded {
		require.Equal(t, "2", b.Accused, "blame %s names sequencer %s (%s): only the equivocating insider may be blamed", b.ID, b.Accused, b.Reason)
	}
}

func hasSequencer(s openSignSession, id string) bool {
	for _, p := range s.Signers {
		if p.SequencerID == id {
			return true
		}
	}
	return false
}

// blameView is the part of an x/mpc blame record the tests read.
type blameView struct {
	ID      string `json:"id"`
	Session string `json:"session"`
	Accused string `json:"accused"`
	Reason  string `json:"reason"`
}

func blamesAfter(t *testing.T, ln *Localnet, after uint64) []blameView {
	var r struct {
		Blames []blameView `json:"blames"`
	}
	if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/blames?pagination.limit=1000", &r) != nil {
		return nil
	}
	var out []blameView
	for _, b := range r.Blames {
		if id, err := strconv.ParseUint(b.ID, 10, 64); err == nil && id > after {
			out = append(out, b)
		}
	}
	return out
}

func lastBlameID(t *testing.T, ln *Localnet) uint64 {
	var last uint64
	for _, b := range blamesAfter(t, ln, 0) {
		if id, _ := strconv.ParseUint(b.ID, 10, 64); id > last {
			last = id
		}
	}
	return last
}

// promCounter reads one sample of node n's Prometheus endpoint (0 if absent).
func promCounter(t *testing.T, n *Node, sample string) float64 {
	v, _ := promSample(t, n, sample)
	return v
}

// promSample reads one sample ("name" or `name{label="v"}`) of node n's Prometheus
// endpoint (a bare name also matches its first labelled series, such as CometBFT's
// chain_id); ok is false when the node does not serve it.
func promSample(t *testing.T, n *Node, sample string) (v float64, ok bool) {
	resp, err := http.Get(n.Prom + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "the scrape never fails")
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	for _, line := range strings.Split(string(body), "\n") {
		rest, found := strings.CutPrefix(line, sample+" ")
		if !found && !strings.Contains(sample, "{") && strings.HasPrefix(line, sample+"{") {
			rest, found = line[strings.LastIndex(line, "} ")+2:], true // the one series of an unlabelled ask
		}
		if found {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			require.NoError(t, err)
			return v, true
		}
	}
	return 0, false
}
