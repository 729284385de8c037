package types

import "strconv"

// The evidence reference of an L2 equivocation names the producer and the L2 height:
// "l2-equivocation/<sequencer id>/<L2 height>", e.g. "l2-equivocation/2/150". (A wrong
// state root is x/epoch's offence: "epoch-offence/<id>".)
const EvidenceRefL2Equivocation = "l2-equivocation"

// L2EvidenceRef is the evidence reference of an L2 offence of kind by sequencer at
// L2 height h.
func L2EvidenceRef(kind string, sequencerID, h uint64) string {
	return kind + "/" + strconv.FormatUint(sequencerID, 10) + "/" + strconv.FormatUint(h, 10)
}
