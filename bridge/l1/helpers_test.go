package l1_test

import (
	"strings"

	"github.com/ethereum/go-ethereum/common"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func l1LowerHex(a common.Address) string { return strings.ToLower(a.Hex()) }

// setRef copies the decoded log reference into an expected message.
func setRef(msg seqtypes.L1EventMsg, ref seqtypes.L1EventRef) {
	switch m := msg.(type) {
	case *seqtypes.MsgLocked:
		m.Event = ref
	case *seqtypes.MsgRelocked:
		m.Event = ref
	case *seqtypes.MsgWithdrawn:
		m.Event = ref
	case *seqtypes.MsgUnlockInitiated:
		m.Event = ref
	case *seqtypes.MsgUnlockClaimed:
		m.Event = ref
	case *seqtypes.MsgSignerChanged:
		m.Event = ref
	}
}
