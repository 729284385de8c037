package transport

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// Slot names one broadcast: who sent it, in which role, for which round. An honest
// party broadcasts once per slot.
type Slot struct {
	Origin common.Address
	Role   uint8
	Round  string
}

// EchoStatus compares, for every broadcast of the session this node knows of, its own
// copy with what every other party echoed. The session runner should not finish a
// round whose broadcasts are not Complete: tss-lib keeps the last message per sender
// and round, so a broadcaster that told parties different things would otherwise split
// the session without anyone noticing.
type EchoStatus struct {
	// Complete: every broadcast slot known here was received here and echoed with the
	// same content digest by every other party (vacuously true before any broadcast).
	Complete  bool
	Missing   []MissingEchoes
	Conflicts []EchoConflict
}

// MissingEchoes is one slot still waiting.
type MissingEchoes struct {
	Slot        Slot
	NotReceived bool             // others echoed it, but the broadcast has not reached us
	Parties     []common.Address // parties that have not echoed it yet
}

// EchoConflict is one echo that disagrees with our copy of a broadcast. Proven means
// the transport fetched the peer's copy and it is a differently-signed broadcast from
// the origin: the EquivocationProof went to the OnEquivocation hook. An unproven
// conflict blames no one: the echoer may be the liar.
type EchoConflict struct {
	Slot   Slot
	Peer   common.Address
	Ours   [32]byte
	Theirs [32]byte
	Proven bool
}

// maxSlots bounds the broadcast slots a session tracks: a party echoing invented
// rounds must not grow it without limit. Real sessions use parties x rounds (21 x 9
// at most for resharing).
const maxSlots = 4096

type slotEchoes struct {
	ours     [32]byte
	haveOurs bool
	echoes   map[common.Address][32]byte
	fetched  map[common.Address]bool // conflicts we already tried to prove
	proven   bool
}

type echoTracker struct {
	slots map[Slot]*slotEchoes
}

func newEchoTracker() *echoTracker { return &echoTracker{slots: map[Slot]*slotEchoes{}} }

func (t *echoTracker) get(s Slot) (*slotEchoes, bool) {
	e, ok := t.slots[s]
	if !ok {
		if len(t.slots) >= maxSlots {
			return nil, false
		}
		e = &slotEchoes{echoes: map[common.Address][32]byte{}, fetched: map[common.Address]bool{}}
		t.slots[s] = e
	}
	return e, true
}

// hash returns our digest for a slot, if we hold the broadcast.
func (t *echoTracker) hash(s Slot) ([32]byte, bool) {
	e, ok := t.slots[s]
	if !ok || !e.haveOurs {
		return [32]byte{}, false
	}
	return e.ours, true
}

// setOurs records the digest of our copy and returns the peers whose earlier echoes
// disagree with it (conflicts to prove).
func (t *echoTracker) setOurs(s Slot, h [32]byte) (toFetch []common.Address, ok bool) {
	e, ok := t.get(s)
	if !ok {
		return nil, false
	}
	e.ours, e.haveOurs = h, true
	for p, theirs := range e.echoes {
		if theirs != h && !e.fetched[p] {
			e.fetched[p] = true
			toFetch = append(toFetch, p)
		}
	}
	return toFetch, true
}

// addEcho records peer's echo. changed: the peer already echoed this slot with another
// digest (the first one is kept). fetch: it disagrees with our copy, first time.
func (t *echoTracker) addEcho(s Slot, peer common.Address, h [32]byte) (changed, fetch, ok bool) {
	e, ok := t.get(s)
	if !ok {
		return false, false, false
	}
	if prev, seen := e.echoes[peer]; seen {
		return prev != h, false, true
	}
	e.echoes[peer] = h
	if e.haveOurs && h != e.ours && !e.fetched[peer] {
		e.fetched[peer] = true
		return false, true, true
	}
	return false, false, true
}

func (t *echoTracker) markProven(s Slot) {
	if e, ok := t.slots[s]; ok {
		e.proven = true
	}
}

func (t *echoTracker) isProven(s Slot) bool {
	e, ok := t.slots[s]
	return ok && e.proven
}

// status: others are the session's other addresses (never ourselves); a slot's
// origin does not echo its own broadcast.
func (t *echoTracker) status(others []common.Address) EchoStatus {
	var st EchoStatus
	for s, e := range t.slots {
		var waiting []common.Address
		for _, p := range others {
			if p == s.Origin {
				continue
			}
			theirs, ok := e.echoes[p]
			switch {
			case !ok:
				waiting = append(waiting, p)
			case e.haveOurs && theirs != e.ours:
				st.Conflicts = append(st.Conflicts, EchoConflict{Slot: s, Peer: p, Ours: e.ours, Theirs: theirs, Proven: e.proven})
			}
		}
		if len(waiting) > 0 || !e.haveOurs {
			st.Missing = append(st.Missing, MissingEchoes{Slot: s, NotReceived: !e.haveOurs, Parties: waiting})
		}
	}
	slices.SortFunc(st.Missing, func(a, b MissingEchoes) int { return cmpSlot(a.Slot, b.Slot) })
	slices.SortFunc(st.Conflicts, func(a, b EchoConflict) int {
		return cmp.Or(cmpSlot(a.Slot, b.Slot), bytes.Compare(a.Peer[:], b.Peer[:]))
	})
	st.Complete = len(st.Missing) == 0 && len(st.Conflicts) == 0
	return st
}

func cmpSlot(a, b Slot) int {
	return cmp.Or(cmp.Compare(a.Round, b.Round), cmp.Compare(a.Role, b.Role), bytes.Compare(a.Origin[:], b.Origin[:]))
}
