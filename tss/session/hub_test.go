package session

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// hub is an in-memory network: it delivers each outbound message to the sessions it
// is for, the way the transport does after its checks.
type hub struct {
	mu       sync.Mutex
	sessions map[common.Address]*Session
	// drop, when set, decides to lose a message (a cut link).
	drop func(from common.Address, m Outbound) bool
	// tamper, when set, may rewrite a message on the way (a misbehaving sender).
	tamper func(from common.Address, m Outbound, to common.Address) Outbound
}

func newHub() *hub { return &hub{sessions: map[common.Address]*Session{}} }

func (h *hub) add(a common.Address, s *Session) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.sessions[a] = s
}

type hubNet struct {
	h    *hub
	self common.Address
}

func (n hubNet) Send(_ context.Context, m Outbound) error {
	n.h.mu.Lock()
	targets := make(map[common.Address]*Session, len(n.h.sessions))
	for a, s := range n.h.sessions {
		targets[a] = s
	}
	n.h.mu.Unlock()
	if n.h.drop != nil && n.h.drop(n.self, m) {
		return nil
	}
	for a, s := range targets {
		if a == n.self || (m.To != nil && *m.To != a) {
			continue
		}
		mm := m
		if n.h.tamper != nil {
			mm = n.h.tamper(n.self, m, a)
		}
		_ = s.Deliver(Inbound{From: n.self, FromRole: mm.FromRole, ToRole: mm.ToRole, Round: mm.Round, Broadcast: mm.Broadcast, Payload: mm.Payload})
	}
	return nil
}

func addrs(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = common.Address{}
		out[i][0] = byte(i + 1)
		out[i][19] = byte(0xA0 + i)
	}
	return out
}

type outcome struct {
	addr common.Address
	res  *Result
	err  error
}

// runAll builds one session per plan on a fresh hub and runs them together.
func runAll(t testing.TB, h *hub, plans []Plan, inputs []Inputs) []outcome {
	t.Helper()
	sessions := make([]*Session, len(plans))
	for i, p := range plans {
		s, err := New(p, hubNet{h: h, self: p.Self}, inputs[i])
		if err != nil {
			t.Fatalf("new session %d: %v", i, err)
		}
		sessions[i] = s
		h.add(p.Self, s)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out := make([]outcome, len(plans))
	var wg sync.WaitGroup
	for i, s := range sessions {
		wg.Add(1)
		go func(i int, s *Session) {
			defer wg.Done()
			res, err := s.Run(ctx)
			out[i] = outcome{addr: plans[i].Self, res: res, err: err}
		}(i, s)
	}
	wg.Wait()
	return out
}

func keygenPlans(id byte, parties []common.Address, t int, gen uint64) ([]Plan, []Inputs) {
	plans := make([]Plan, len(parties))
	inputs := make([]Inputs, len(parties))
	for i, a := range parties {
		plans[i] = Plan{ID: [32]byte{id}, Kind: KindKeygen, Self: a, Parties: parties, Threshold: t, Generation: gen, RoundTimeout: 90 * time.Second}
		inputs[i] = Inputs{Preparams: tssfixtures.MustPreparams(i)}
	}
	return plans, inputs
}

func signPlans(id byte, signers []common.Address, t int, gen uint64, digest [32]byte, shares map[common.Address]*keygen.LocalPartySaveData) ([]Plan, []Inputs) {
	plans := make([]Plan, len(signers))
	inputs := make([]Inputs, len(signers))
	for i, a := range signers {
		plans[i] = Plan{ID: [32]byte{id}, Kind: KindSign, Self: a, Parties: signers, Threshold: t, Generation: gen, Digest: digest, RoundTimeout: 30 * time.Second}
		inputs[i] = Inputs{Share: shares[a]}
	}
	return plans, inputs
}

func mustSucceed(t testing.TB, outs []outcome) {
	t.Helper()
	for _, o := range outs {
		if o.err != nil {
			t.Fatalf("party %s: %v", o.addr.Hex(), o.err)
		}
	}
}

// checkSignature verifies a 65-byte signature recovers to the pool key.
func checkSignature(t testing.TB, digest [32]byte, sig, pub []byte) {
	t.Helper()
	if len(sig) != 65 {
		t.Fatalf("signature length %d", len(sig))
	}
	rec, err := crypto.SigToPub(digest[:], sig)
	if err != nil {
		t.Fatalf("recover: %v", err)
	}
	want, err := crypto.DecompressPubkey(pub)
	if err != nil {
		t.Fatalf("pool key: %v", err)
	}
	if crypto.PubkeyToAddress(*rec) != crypto.PubkeyToAddress(*want) {
		t.Fatalf("signature recovers to %s, pool is %s", crypto.PubkeyToAddress(*rec).Hex(), crypto.PubkeyToAddress(*want).Hex())
	}
	if !crypto.ValidateSignatureValues(sig[64], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64]), true) {
		t.Fatalf("signature is not canonical low-S")
	}
}

func describe(outs []outcome) string {
	s := ""
	for _, o := range outs {
		s += fmt.Sprintf("%s: %v; ", o.addr.Hex()[:8], o.err)
	}
	return s
}
