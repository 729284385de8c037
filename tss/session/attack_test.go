package session

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// fixtureShares loads the committed test key: parties tssfixtures.Address(0..3).
func fixtureShares(t testing.TB) ([]common.Address, map[common.Address]*keygen.LocalPartySaveData) {
	t.Helper()
	parties := make([]common.Address, tssfixtures.TestKeyParties)
	shares := map[common.Address]*keygen.LocalPartySaveData{}
	for i := range parties {
		parties[i] = tssfixtures.Address(i)
		s, err := tssfixtures.TestKeyShare(i)
		if err != nil {
			t.Fatal(err)
		}
		shares[parties[i]] = s
	}
	return parties, shares
}

func TestSignWithFixtureKey(t *testing.T) {
	parties, shares := fixtureShares(t)
	digest := digestOf(1)
	plans, inputs := signPlans(9, parties[1:], 2, 1, digest, shares)
	outs := runAll(t, newHub(), plans, inputs)
	mustSucceed(t, outs)
	for _, o := range outs {
		checkSignature(t, digest, o.res.Signature, o.res.PublicKey)
		if !bytes.Equal(o.res.Signature, outs[0].res.Signature) {
			t.Fatalf("signers disagree on the signature")
		}
	}
}

// A signer that never shows up makes the round time out, and the others name it.
func TestMissingSignerTimesOutNamingIt(t *testing.T) {
	parties, shares := fixtureShares(t)
	plans, inputs := signPlans(10, parties[:3], 2, 1, digestOf(2), shares)
	for i := range plans {
		plans[i].RoundTimeout = 2 * time.Second
	}
	outs := runAll(t, newHub(), plans[:2], inputs[:2]) // party 2 never runs
	for _, o := range outs {
		var f *Failure
		if !errors.As(o.err, &f) || !errors.Is(o.err, ErrRoundStuck) {
			t.Fatalf("want a round timeout, got %v", o.err)
		}
		if len(f.Missing) != 1 || f.Missing[0].Address != parties[2] {
			t.Fatalf("missing = %v, want only %s", f.Missing, parties[2].Hex())
		}
	}
}

// A sender who sends a second, different message for a round it already spoke in is
// caught: the library would have let the second overwrite the first.
func TestSecondDifferentMessageIsAConflict(t *testing.T) {
	parties, shares := fixtureShares(t)
	plans, inputs := signPlans(11, parties[:3], 2, 1, digestOf(3), shares)
	for i := range plans {
		plans[i].RoundTimeout = 3 * time.Second
	}
	h := newHub()
	var once sync.Once
	var replay *Outbound
	var mu sync.Mutex
	// Party 1 broadcasts its round-1 commitment, then (in the next round) sends one
	// honest peer another party's commitment as its own for the same round.
	h.tamper = func(from common.Address, m Outbound, to common.Address) Outbound {
		mu.Lock()
		defer mu.Unlock()
		if from == parties[0] && m.Broadcast && replay == nil && strings.HasSuffix(m.Round, "SignRound1Message2") {
			c := m
			replay = &c
		}
		return m
	}
	h.drop = func(from common.Address, m Outbound) bool {
		if from == parties[1] && strings.HasSuffix(m.Round, "SignRound3Message") {
			once.Do(func() {
				mu.Lock()
				r := *replay
				mu.Unlock()
				go func() {
					h.mu.Lock()
					victim := h.sessions[parties[2]]
					h.mu.Unlock()
					_ = victim.Deliver(Inbound{From: parties[1], FromRole: RoleParty, ToRole: RoleParty, Round: r.Round, Broadcast: true, Payload: r.Payload})
				}()
			})
		}
		return false
	}
	outs := runAll(t, h, plans, inputs)
	var f *Failure
	if !errors.As(outs[2].err, &f) || len(f.Conflicts) != 1 || f.Conflicts[0].Address != parties[1] {
		t.Fatalf("victim: want a conflict naming %s, got %v", parties[1].Hex(), outs[2].err)
	}
}

// checkReject runs a signing where every message of party 1 is rewritten, and checks
// the honest parties never take them (the session stalls waiting for party 1).
func checkReject(t *testing.T, id byte, rewrite func(Outbound) Outbound) {
	t.Helper()
	parties, shares := fixtureShares(t)
	plans, inputs := signPlans(id, parties[:3], 2, 1, digestOf(int(id)), shares)
	for i := range plans {
		plans[i].RoundTimeout = 2 * time.Second
	}
	h := newHub()
	h.tamper = func(from common.Address, m Outbound, _ common.Address) Outbound {
		if from == parties[1] {
			return rewrite(m)
		}
		return m
	}
	outs := runAll(t, h, plans, inputs)
	for _, i := range []int{0, 2} {
		var f *Failure
		if !errors.As(outs[i].err, &f) || !errors.Is(f, ErrRoundStuck) {
			t.Fatalf("party %d: want a stall, got %v", i, outs[i].err)
		}
		if len(f.Missing) != 1 || f.Missing[0].Address != parties[1] {
			t.Fatalf("party %d: missing %v, want %s", i, f.Missing, parties[1].Hex())
		}
	}
}

func TestSenderInAnotherRoleIgnored(t *testing.T) {
	checkReject(t, 20, func(m Outbound) Outbound { m.FromRole = RoleNew; return m })
}

func TestRoundMustNameItsPayload(t *testing.T) {
	checkReject(t, 21, func(m Outbound) Outbound { m.Round += "x"; return m })
}

func TestBroadcastTypeSentPointToPointIgnored(t *testing.T) {
	checkReject(t, 22, func(m Outbound) Outbound { m.Broadcast = !m.Broadcast; return m })
}

func TestGarbagePayloadIgnored(t *testing.T) {
	checkReject(t, 23, func(m Outbound) Outbound { m.Payload = []byte{0x0a, 0x03, 1, 2}; return m })
}

func TestKeygenDecommitmentMustHoldTPlusOnePoints(t *testing.T) {
	good := &keygen.KGRound2Message2{DeCommitment: make([][]byte, 1+2*3)}
	if err := checkContent(good, 2); err != nil {
		t.Fatalf("t+1 points rejected: %v", err)
	}
	for _, n := range []int{1 + 2*4, 1 + 2*2, 0} {
		bad := &keygen.KGRound2Message2{DeCommitment: make([][]byte, n)}
		if err := checkContent(bad, 2); !errors.Is(err, ErrBadMessage) {
			t.Fatalf("%d elements: want ErrBadMessage, got %v", n, err)
		}
	}
}

func TestPlanValidation(t *testing.T) {
	p := addrs(4)
	ok := Plan{Kind: KindSign, Self: p[0], Parties: p[:3], Threshold: 2, Generation: 1, RoundTimeout: time.Second}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(*Plan){
		"not t+1 signers":  func(x *Plan) { x.Parties = p },
		"self not a party": func(x *Plan) { x.Self = p[3] },
		"duplicate party":  func(x *Plan) { x.Parties = []common.Address{p[0], p[0], p[1]} },
		"zero generation":  func(x *Plan) { x.Generation = 0 },
		"no timeout":       func(x *Plan) { x.RoundTimeout = 0 },
		"threshold >= n":   func(x *Plan) { x.Kind = KindKeygen; x.Threshold = 3 },
		"unknown kind":     func(x *Plan) { x.Kind = 9 },
		"reshare backwards": func(x *Plan) {
			*x = Plan{Kind: KindReshare, Self: p[0], OldParties: p[:3], OldThreshold: 2, NewParties: p, NewThreshold: 2, Generation: 2, NewGeneration: 2, RoundTimeout: time.Second}
		},
	}
	for name, mutate := range cases {
		x := ok
		x.Parties = append([]common.Address(nil), ok.Parties...)
		mutate(&x)
		if err := x.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestNoProofSwitchedOff: nothing in the repository turns tss-lib's proofs off.
func TestNoProofSwitchedOff(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"SetNo" + "ProofMod", "SetNo" + "ProofFac"}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == "build") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		bz, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, b := range banned {
			if bytes.Contains(bz, []byte(b)) {
				t.Errorf("%s calls %s", path, b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A signer that withholds one point-to-point message stalls its victim a round before
// everyone else, who then wait for the victim: the failures' progress tells the chain
// who stalled first (the victim's claim names the framer, at a lower progress).
func TestWithheldMessageStallsTheVictimFirst(t *testing.T) {
	parties, shares := fixtureShares(t)
	plans, inputs := signPlans(12, parties[:3], 2, 1, digestOf(12), shares)
	for i := range plans {
		plans[i].RoundTimeout = 2 * time.Second
	}
	h := newHub()
	h.drop = func(from common.Address, m Outbound) bool {
		return from == parties[0] && m.To != nil && *m.To == parties[2] && strings.HasSuffix(m.Round, "SignRound1Message1")
	}
	outs := runAll(t, h, plans, inputs)
	failures := make([]*Failure, len(outs))
	for i, o := range outs {
		if !errors.As(o.err, &failures[i]) {
			t.Fatalf("party %d: want a failure, got %v", i, o.err)
		}
	}
	victim := failures[2]
	if len(victim.Missing) != 1 || victim.Missing[0].Address != parties[0] {
		t.Fatalf("victim: missing %v, want the framer %s", victim.Missing, parties[0].Hex())
	}
	for _, i := range []int{0, 1} {
		f := failures[i]
		if len(f.Missing) != 1 || f.Missing[0].Address != parties[2] {
			t.Fatalf("party %d: missing %v, want the stalled victim %s", i, f.Missing, parties[2].Hex())
		}
		if f.Progress <= victim.Progress || victim.Progress == 0 {
			t.Fatalf("party %d progress %d, victim's %d: the victim must have stalled first", i, f.Progress, victim.Progress)
		}
	}
	t.Logf("victim stalled at progress %d, the others at %d", victim.Progress, failures[0].Progress)
}
