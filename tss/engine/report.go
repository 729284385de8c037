package engine

import (
	"bytes"
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

// BlameReason is why a party is blamed.
type BlameReason uint8

const (
	// BlameMissing: the party's messages never came while others' did.
	BlameMissing BlameReason = iota + 1
	// BlameInvalid: tss-lib rejected the party's message (a failed proof or check).
	BlameInvalid
	// BlameEquivocation: the party sent two different messages for one round.
	BlameEquivocation
)

// Result is what this engine produced in a session.
type Result struct {
	Key       [32]byte
	PublicKey []byte // keygen, resharing
	Signature []byte // signing
}

// Blame is this engine's claim that a party failed a session. The chain counts it
// only when more than 2/3 of the session's other parties make the same claim.
type Blame struct {
	Key     [32]byte
	Accused common.Address
	Reason  BlameReason
	// Progress is how far this engine got in the session (session.Failure.Progress;
	// completedProgress when it failed only in the echo check after the protocol).
	Progress uint32
}

// completedProgress is the progress of a claim made after the protocol ran to its
// end: above any stall, so it never hides one.
const completedProgress = ^uint32(0)

// Report is what this engine tells the chain in its vote extension.
type Report struct {
	Ready           bool
	ShareGeneration uint64
	Endpoint        string
	Results         []Result
	Blames          []Blame
}

// Report is this engine's report for the chain's latest snapshot: results and blames
// of sessions still open there, newest first cut at MaxReportItems, in session order
// of the snapshot so the report is stable from height to height.
func (e *Engine) Report() Report {
	gen, ok, err := e.currentGeneration()
	e.mu.Lock()
	defer e.mu.Unlock()
	r := Report{Endpoint: e.cfg.Endpoint}
	if err == nil && ok {
		r.ShareGeneration = gen
	}
	pre := e.cfg.Preparams.Count()
	e.cfg.Metrics.Preparams(pre)
	// Ready: it can take part in what the chain may ask next: sign with the confirmed
	// key, or receive a share in a keygen or resharing. With no key on the chain (its
	// key retired by governance) a share still held serves the next keygen with its
	// parameters (reusePreparams), if they pass their proofs.
	holds := e.haveWork && r.ShareGeneration > 0
	signs := holds && r.ShareGeneration == e.work.Generation
	reuses := holds && e.work.Generation == 0 && e.currentReusable
	r.Ready = e.cfg.Endpoint != "" && (signs || reuses || pre > 0)
	addBlames := func(k [32]byte) {
		for _, b := range e.blames[k] {
			if len(r.Blames) < e.cfg.MaxReportItems {
				r.Blames = append(r.Blames, b)
			}
		}
	}
	for _, s := range e.work.Sessions {
		if res, ok := e.results[s.Key]; ok && len(r.Results) < e.cfg.MaxReportItems {
			r.Results = append(r.Results, res)
		}
		addBlames(s.Key)
	}
	// Closed sessions still inside the blame window, oldest first.
	closed := make([][32]byte, 0, len(e.closedAt))
	for k := range e.closedAt {
		closed = append(closed, k)
	}
	sort.Slice(closed, func(i, j int) bool {
		if e.closedAt[closed[i]] != e.closedAt[closed[j]] {
			return e.closedAt[closed[i]] < e.closedAt[closed[j]]
		}
		return bytes.Compare(closed[i][:], closed[j][:]) < 0
	})
	for _, k := range closed {
		addBlames(k)
	}
	return r
}
