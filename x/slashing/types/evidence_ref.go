package types

import (
	"strconv"
	"strings"
)

// Evidence references of the L2 offences name the producer and the L2 height the
// evidence is about: "<kind>/<sequencer id>/<L2 height>", e.g. "l2-equivocation/2/150".
// The reward accounting reads the height back: a producer judged for an L2 offence at a
// height of an epoch earns nothing for that epoch.
const (
	EvidenceRefL2Equivocation = "l2-equivocation"
	EvidenceRefWrongStateRoot = "wrong-state-root"
)

// L2EvidenceRef is the evidence reference of an L2 offence of kind by sequencer at
// L2 height h.
func L2EvidenceRef(kind string, sequencerID, h uint64) string {
	return kind + "/" + strconv.FormatUint(sequencerID, 10) + "/" + strconv.FormatUint(h, 10)
}

// ParseL2EvidenceRef reads an L2 offence's evidence reference; ok is false for any
// other form.
func ParseL2EvidenceRef(ref string) (kind string, sequencerID, h uint64, ok bool) {
	parts := strings.Split(ref, "/")
	if len(parts) != 3 || (parts[0] != EvidenceRefL2Equivocation && parts[0] != EvidenceRefWrongStateRoot) {
		return "", 0, 0, false
	}
	seq, err1 := strconv.ParseUint(parts[1], 10, 64)
	height, err2 := strconv.ParseUint(parts[2], 10, 64)
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return parts[0], seq, height, true
}

// IsL2Offence tells whether the class stops the agreed head counting the producer as
// producing (L2 equivocation, wrong state root).
func IsL2Offence(c OffenceClass) bool {
	return c == OFFENCE_CLASS_L2_EQUIVOCATION || c == OFFENCE_CLASS_WRONG_STATE_ROOT
}
