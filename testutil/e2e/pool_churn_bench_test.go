//go:build e2e

package e2e

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// signRequestsView is /themis/mpc/v1/sign_requests, the part the test reads.
type signRequestsView struct {
	Requests []struct {
		ID       string `json:"id"`
		Status   string `json:"status"`
		Created  string `json:"created_height"`
		Signed   string `json:"signed_height"`
		Attempts int    `json:"attempts"`
	} `json:"requests"`
}

// openSessionsView is /themis/mpc/v1/sessions/open, the part the test reads.
type openSessionsView struct {
	Sessions []struct {
		Number      string `json:"number"`
		Kind        string `json:"kind"`
		SignRequest string `json:"sign_request_id"`
		Signers     []struct {
			Signer string `json:"signer"`
		} `json:"signers"`
	} `json:"sessions"`
}

// churnFault is one fault: which sign request, whose node, what was done.
type churnFault struct {
	request uint64
	node    int
	kind    string // "kill" or "cut"
}

// TestBenchPoolSigningChurn: the liveness figure of issue 13, the reason Axelar gave
// for dropping TSS ("peers couldn't stick around for multiple rounds"). Four sequencers
// with engines whose transports sit behind cuttable proxies; the pool signs L2 batches
// back to back. The first CHURN_SESSIONS (100) sign requests are followed; in
// CHURN_FAULTS (20) of them, spread evenly, a random signer of the request's open
// session is killed (SIGKILL, restarted CHURN_DOWN = 10 s later) or has its transport
// cut for as long, alternately. Every request must be signed; the test prints the
// created -> signed distribution of the faulted and the clean ones, with attempts.
// Not in `make test` (about 30 minutes): `make bench-churn`.
func TestBenchPoolSigningChurn(t *testing.T) {
	total, faults := envInt("CHURN_SESSIONS", 100), envInt("CHURN_FAULTS", 20)
	down := 10 * time.Second
	if d, err := time.ParseDuration(os.Getenv("CHURN_DOWN")); err == nil && d > 0 {
		down = d
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("churn: %d sign requests, %d faults, %s down, seed %d", total, faults, down, seed)

	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 95, L1: true, L2: true,
		TSSProxies: true, TestnetArgs: []string{"--tss"}})
	defer ln.Stop()
	nodeOf := signerNodes(t, ln)
	pk := waitPoolKey(ln, "1", 4*time.Minute)
	pool := common.HexToAddress(pk.PoolKey.Address)
	bootstrapPool(t, ln, pool)
	start := time.Now()

	var done []churnFault
	step := max(total/max(faults, 1), 1)
	for target := uint64(3); len(done) < faults && target <= uint64(total); target += uint64(step) {
		id, signers := waitSignSession(t, ln, target, 10*time.Minute)
		victim := nodeOf[strings.ToLower(signers[rng.Intn(len(signers))])]
		f := churnFault{request: id, node: victim, kind: "kill"}
		if len(done)%2 == 1 {
			f.kind = "cut"
		}
		n := ln.Nodes[victim]
		if f.kind == "kill" {
			ln.KillNode(n)
		} else {
			ln.TSSProxies[victim].Cut()
		}
		t.Logf("fault %d: sign request %d, node %d %s for %s", len(done)+1, id, victim, f.kind, down)
		time.Sleep(down)
		if f.kind == "kill" {
			ln.StartNode(n)
		} else {
			ln.TSSProxies[victim].Restore()
		}
		done = append(done, f)
		target = max(target, id)
	}
	require.Len(t, done, faults, "every fault found its session")

	ln.WaitFor(fmt.Sprintf("the first %d sign requests signed", total), time.Duration(total)*40*time.Second, func() bool {
		return signedPrefix(ln) >= total
	})
	t.Logf("%d sign requests signed in %s", total, time.Since(start).Round(time.Second))
	logChurn(t, ln, total, done)
}

// signerNodes maps each node's signer address (its consensus key's Ethereum
// address, lower case) to its index.
func signerNodes(t *testing.T, ln *Localnet) map[string]int {
	out := map[string]int{}
	for i, n := range ln.Nodes {
		var st struct {
			Result struct {
				ValidatorInfo struct {
					PubKey struct {
						Value string `json:"value"`
					} `json:"pub_key"`
				} `json:"validator_info"`
			} `json:"result"`
		}
		ln.WaitFor("node status", time.Minute, func() bool { return GetJSON(n.RPC+"/status", &st) == nil })
		raw, err := base64.StdEncoding.DecodeString(st.Result.ValidatorInfo.PubKey.Value)
		require.NoError(t, err)
		pub, err := crypto.DecompressPubkey(raw)
		require.NoError(t, err)
		out[strings.ToLower(crypto.PubkeyToAddress(*pub).Hex())] = i
	}
	return out
}

// waitSignSession waits for an open sign session of a request at or after from that
// is not signed yet, and returns the request and the session's signers.
func waitSignSession(t *testing.T, ln *Localnet, from uint64, timeout time.Duration) (uint64, []string) {
	var id uint64
	var signers []string
	ln.WaitFor(fmt.Sprintf("a sign session of request %d or later", from), timeout, func() bool {
		var open openSessionsView
		if GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/sessions/open", &open) != nil {
			return false
		}
		for _, s := range open.Sessions {
			req, _ := strconv.ParseUint(s.SignRequest, 10, 64)
			if s.Kind != "SESSION_KIND_SIGN" || req < from || len(s.Signers) == 0 {
				continue
			}
			id, signers = req, nil
			for _, p := range s.Signers {
				signers = append(signers, p.Signer)
			}
			return true
		}
		return false
	})
	return id, signers
}

// signedPrefix is how many sign requests from id 1 on are signed without a gap.
func signedPrefix(ln *Localnet) int {
	var reqs signRequestsView
	for _, n := range ln.Nodes { // any node that answers
		if GetJSON(n.REST+"/themis/mpc/v1/sign_requests?pagination.limit=1000", &reqs) == nil {
			break
		}
	}
	signed := map[string]bool{}
	for _, r := range reqs.Requests {
		signed[r.ID] = r.Status == "SIGN_REQUEST_STATUS_SIGNED"
	}
	n := 0
	for signed[strconv.Itoa(n+1)] {
		n++
	}
	return n
}

// logChurn prints created -> signed of the faulted and the clean requests.
func logChurn(t *testing.T, ln *Localnet, total int, faults []churnFault) {
	var reqs signRequestsView
	require.NoError(t, GetJSON(ln.Nodes[0].REST+"/themis/mpc/v1/sign_requests?pagination.limit=1000", &reqs))
	faulted := map[string]churnFault{}
	for _, f := range faults {
		faulted[strconv.FormatUint(f.request, 10)] = f
	}
	headerTime := func(h int64) time.Time {
		hdr, err := ln.Nodes[0].Header(h)
		require.NoError(t, err)
		return hdr.Time
	}
	var cleanS, faultS, cleanB, faultB []float64
	attempts := map[int]int{}
	var each []string
	for _, r := range reqs.Requests {
		id, _ := strconv.Atoi(r.ID)
		if id > total {
			continue
		}
		require.Equal(t, "SIGN_REQUEST_STATUS_SIGNED", r.Status, "request %s", r.ID)
		created, _ := strconv.ParseInt(r.Created, 10, 64)
		signed, _ := strconv.ParseInt(r.Signed, 10, 64)
		secs := headerTime(signed).Sub(headerTime(created)).Seconds()
		if f, ok := faulted[r.ID]; ok {
			faultS, faultB = append(faultS, secs), append(faultB, float64(signed-created))
			attempts[r.Attempts]++
			each = append(each, fmt.Sprintf("%s(%s node%d): %.1fs %d attempts", r.ID, f.kind, f.node, secs, r.Attempts))
		} else {
			cleanS, cleanB = append(cleanS, secs), append(cleanB, float64(signed-created))
		}
	}
	show := func(name string, secs, blocks []float64) {
		if len(secs) == 0 {
			return
		}
		m, sd, mx := stats(secs)
		p50, p95 := percentiles(secs)
		bm, _, bmax := stats(blocks)
		t.Logf("BENCH churn %s: %d requests, created -> signed seconds mean %.2f sd %.2f p50 %.2f p95 %.2f max %.2f; blocks mean %.1f max %.0f",
			name, len(secs), m, sd, p50, p95, mx, bm, bmax)
	}
	show("clean", cleanS, cleanB)
	show("faulted", faultS, faultB)
	t.Logf("faulted requests by attempts: %v", attempts)
	t.Logf("each fault: %s", strings.Join(each, "; "))
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
