package transport

import (
	"bytes"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/wire"
)

// followUp is the work an accepted envelope causes that must run outside c.mu: echoes
// to send, conflicting echoes to investigate, proofs to report.
type followUp struct {
	echoes  []wire.Echo
	fetches []fetchJob
	proofs  []EquivocationProof
}

type fetchJob struct {
	peer common.Address
	slot Slot
}

// receive applies the session rules to an envelope whose encoding, chain and signature
// were already checked, then starts what it causes.
func (c *Conn) receive(e *wire.Envelope, raw []byte) outcome {
	c.mu.Lock()
	out, next := c.receiveLocked(e, raw)
	c.mu.Unlock()
	c.follow(next)
	return out
}

func (c *Conn) receiveLocked(e *wire.Envelope, raw []byte) (outcome, followUp) {
	if c.closed {
		return verdict(reasonSessionClosed, ""), followUp{}
	}
	if len(c.inbox) >= maxUndelivered {
		return verdict(reasonBusy, "delivery backlog"), followUp{}
	}
	if e.Kind == wire.KindEcho {
		if !c.hasAddress(e.From) {
			return verdict(reasonNotAParty, e.From.Hex()), followUp{}
		}
	} else if !c.isParty(e.From, e.FromRole) {
		return verdict(reasonNotAParty, fmt.Sprintf("%s in role %d", e.From.Hex(), e.FromRole)), followUp{}
	}
	if !e.IsBroadcast() && (e.To != c.t.self || !c.isParty(c.t.self, e.ToRole)) {
		return verdict(reasonNotForUs, fmt.Sprintf("%s in role %d", e.To.Hex(), e.ToRole)), followUp{}
	}
	if c.seen.has(e.From, e.Seq) {
		return verdict(reasonReplayed, fmt.Sprintf("seq %d", e.Seq)), followUp{}
	}
	if c.seen.full(e.From) {
		return verdict(reasonTooMany, e.From.Hex()), followUp{}
	}
	switch {
	case e.Kind == wire.KindEcho:
		return c.receiveEchoLocked(e)
	case e.IsBroadcast():
		return c.receiveBroadcastLocked(e, raw)
	default:
		return c.receiveP2PLocked(e)
	}
}

// receiveP2PLocked decrypts and delivers the first point-to-point message per
// (sender, roles, round): tss-lib would let a second one overwrite the first.
func (c *Conn) receiveP2PLocked(e *wire.Envelope) (outcome, followUp) {
	k := p2pKey{e.From, e.FromRole, e.ToRole, e.Round}
	if _, dup := c.p2pRounds[k]; dup {
		return verdict(reasonDuplicateRound, e.Round), followUp{}
	}
	pt, err := wire.Open(c.t.cfg.Self, e)
	if err != nil {
		return verdict(reasonDecryptFailed, err.Error()), followUp{}
	}
	c.seen.add(e.From, e.Seq)
	c.p2pRounds[k] = struct{}{}
	c.enqueueLocked(delivery{from: e.From, fromRole: e.FromRole, toRole: e.ToRole, round: e.Round, payload: pt})
	return verdict(reasonOK, ""), followUp{}
}

// receiveBroadcastLocked delivers the first broadcast per slot, echoes its digest to
// everyone, and turns a second, different one into a proof.
func (c *Conn) receiveBroadcastLocked(e *wire.Envelope, raw []byte) (outcome, followUp) {
	s := Slot{Origin: e.From, Role: e.FromRole, Round: e.Round}
	h, err := wire.ContentDigest(e)
	if err != nil {
		return verdict(reasonMalformed, err.Error()), followUp{}
	}
	if ours, ok := c.echoes.hash(s); ok {
		c.seen.add(e.From, e.Seq)
		if ours == h {
			return verdict(reasonDuplicateRound, e.Round), followUp{}
		}
		var next followUp
		if first, ok := c.store.get(s); ok && !c.echoes.isProven(s) {
			if p, err := c.proof(s, first, raw); err == nil {
				c.echoes.markProven(s)
				next.proofs = append(next.proofs, p)
			}
		}
		return verdict(reasonEquivocation, e.Round), next
	}
	toFetch, ok := c.echoes.setOurs(s, h)
	if !ok {
		return verdict(reasonTooMany, "broadcast slots"), followUp{}
	}
	c.seen.add(e.From, e.Seq)
	c.store.put(s, bytes.Clone(raw))
	c.enqueueLocked(delivery{from: e.From, fromRole: e.FromRole, toRole: e.ToRole, round: e.Round, broadcast: true, payload: e.Payload})
	next := followUp{echoes: []wire.Echo{{Origin: e.From, Role: e.FromRole, Round: e.Round, Hash: h}}}
	for _, p := range toFetch {
		next.fetches = append(next.fetches, fetchJob{peer: p, slot: s})
	}
	return verdict(reasonOK, ""), next
}

// receiveEchoLocked records a peer's statement about a broadcast.
func (c *Conn) receiveEchoLocked(e *wire.Envelope) (outcome, followUp) {
	m, err := wire.UnmarshalEcho(e.Payload)
	if err != nil {
		return verdict(reasonBadEcho, err.Error()), followUp{}
	}
	if !c.isParty(m.Origin, m.Role) || m.Origin == e.From {
		return verdict(reasonBadEcho, "origin is not another party of the session"), followUp{}
	}
	s := Slot{Origin: m.Origin, Role: m.Role, Round: m.Round}
	changed, fetch, ok := c.echoes.addEcho(s, e.From, m.Hash)
	if !ok {
		return verdict(reasonTooMany, "broadcast slots"), followUp{}
	}
	c.seen.add(e.From, e.Seq)
	if changed {
		return verdict(reasonEchoChanged, m.Round), followUp{}
	}
	var next followUp
	if fetch {
		next.fetches = append(next.fetches, fetchJob{peer: e.From, slot: s})
	}
	return verdict(reasonOK, ""), next
}

// follow runs, outside the lock, what receiving caused.
func (c *Conn) follow(next followUp) {
	for _, m := range next.echoes {
		c.t.background(func() { c.sendEcho(m) })
	}
	for _, j := range next.fetches {
		c.t.background(func() { c.investigate(j) })
	}
	for _, p := range next.proofs {
		c.t.report(p)
	}
}
