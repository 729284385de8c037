package l2sim

import (
	"fmt"
	"strings"
)

// Mode is the fault a node is told to commit (admin endpoint or --fault).
type Mode string

// The modes. None is honest behaviour.
const (
	ModeNone        Mode = "none"
	ModeStall       Mode = "stall"        // produce nothing, even when scheduled
	ModeEquivocate  Mode = "equivocate"   // sign a second, different block at every height produced
	ModeWrongResult Mode = "wrong_result" // commit to a wrong state root
	// ModeLie serves a forged chain on eth_getBlockByNumber to every reader but the
	// simulator's peers: every block's state root altered and the hashes re-linked,
	// while the node's own chain stays honest. It is the lying L2 node a validator may
	// have: what the validator reports from it must be outvoted.
	ModeLie Mode = "lie"
)

// Modes lists every mode, for help texts and error messages.
var Modes = []Mode{ModeNone, ModeStall, ModeEquivocate, ModeWrongResult, ModeLie}

// ParseMode accepts a mode name; "" is none.
func ParseMode(s string) (Mode, error) {
	if s == "" {
		return ModeNone, nil
	}
	for _, m := range Modes {
		if string(m) == s {
			return m, nil
		}
	}
	names := make([]string, len(Modes))
	for i, m := range Modes {
		names[i] = string(m)
	}
	return "", fmt.Errorf("unknown fault mode %q (want one of %s)", s, strings.Join(names, ", "))
}
