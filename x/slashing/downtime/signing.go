package downtime

import (
	"math"
	"slices"
)

// Signing is one member's record of the last Window counted blocks: a ring of bits
// (1: missed), the slot the next record overwrites, and exact counters. It is a value:
// Record and Reset return a new Signing and never write into the bits of the one they
// were called on, so a state read from the store cannot change behind the keeper's
// back. Its fields are private so the counters cannot disagree with the bits; the
// keeper stores it with MarshalBinary.
type Signing struct {
	window  uint32 // the window the bits were kept under; 0: nothing kept yet
	next    uint32 // the ring slot the next record writes, in [0, window)
	counted uint32 // records since the last reset, saturating at MaxUint32
	missed  uint32 // set bits: misses among the last min(counted, window) records
	bits    []byte // bytesFor(window) bytes; slot i is bit i%8 of byte i/8
}

// Window is the window size the records were kept under (0 before the first record).
func (s Signing) Window() uint32 { return s.window }

// Counted is the number of blocks recorded since the last reset (saturating).
func (s Signing) Counted() uint32 { return s.counted }

// Missed is the number of misses among the records kept, the last min(Counted,
// Window) of them.
func (s Signing) Missed() uint32 { return s.missed }

// Kept is the number of records the ring holds: min(Counted, Window).
func (s Signing) Kept() uint32 { return min(s.counted, s.window) }

// Full reports whether a whole window of window blocks has been recorded under that
// window size: only then is a member judged, so one that just joined (or whose
// window was just resized) is never judged on part of a window.
func (s Signing) Full(window uint32) bool {
	return window != 0 && s.window == window && s.counted >= window
}

// Reset forgets every record (after a member joins, leaves or is punished).
func (s Signing) Reset() Signing { return Signing{} }

// Record appends one counted block (missed: the member's vote was absent) to a
// window of window blocks and returns the new state. When the window is full the
// oldest record drops out, so Missed stays exact.
//
// A window different from the one the records were kept under (governance changed
// Params.Window) starts afresh: the old records are dropped and this is the first of
// the new window. That is deterministic, never reinterprets bits kept under another
// size, and errs towards judging nobody: after a change no member is Full, so Outage
// returns no group for one new window. A window outside 1..MaxWindow (which Validate
// refuses) keeps nothing and returns the zero Signing.
func (s Signing) Record(missed bool, window uint32) Signing {
	if window == 0 || window > MaxWindow {
		return Signing{}
	}
	if s.window != window {
		s = Signing{window: window, bits: make([]byte, bytesFor(window))}
	}
	slot := s.next
	old := bitAt(s.bits, slot)
	if old != missed {
		// Copy on write: the receiver's bits may be shared with the caller's value.
		s.bits = slices.Clone(s.bits)
		s.bits[slot/8] ^= 1 << (slot % 8)
		if missed {
			s.missed++
		} else {
			s.missed--
		}
	}
	s.next = (slot + 1) % window
	if s.counted < math.MaxUint32 {
		s.counted++
	}
	return s
}

// History returns the records kept, oldest first (true: missed). It is for queries
// and evidence: the group's bits show which blocks each member missed.
func (s Signing) History() []bool {
	kept := s.Kept()
	out := make([]bool, 0, kept)
	// When the ring is not full yet, next == counted and the records are slots
	// 0..counted-1; when it is, the oldest is the slot next will overwrite.
	start := uint32(0)
	if s.counted >= s.window {
		start = s.next
	}
	for i := range kept {
		out = append(out, bitAt(s.bits, (start+i)%s.window))
	}
	return out
}

// OverThreshold reports whether the member missed strictly more than MinMissedBps of
// a full window of p.Window blocks: Missed*10000 > MinMissedBps*Window, in uint64
// (each side a uint32 times at most a uint32: no overflow).
func OverThreshold(s Signing, p Params) bool {
	return s.Full(p.Window) && uint64(s.missed)*bps > uint64(p.MinMissedBps)*uint64(p.Window)
}

func bytesFor(window uint32) int { return int((uint64(window) + 7) / 8) }

func bitAt(b []byte, slot uint32) bool { return b[slot/8]&(1<<(slot%8)) != 0 }
