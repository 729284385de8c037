package contracts_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// The bridge and the chain decode the relayed events by these exact signatures and
// indexing; a change here is a protocol change, not a refactoring.
func TestRelayedEventSignatures(t *testing.T) {
	events := staking.NewThemisStaking().GetABI().Events
	for name, want := range map[string]struct {
		sig     string
		indexed []bool
	}{
		"Locked": {"Locked(uint256,address,address,bytes,uint256,address,uint256)",
			[]bool{true, true, true, false, false, false, false}},
		"Relocked":        {"Relocked(uint256,uint256,uint256,uint256)", []bool{true, false, false, false}},
		"Withdrawn":       {"Withdrawn(uint256,uint256,uint256,uint256)", []bool{true, false, false, false}},
		"UnlockInitiated": {"UnlockInitiated(uint256,uint256,uint256)", []bool{true, false, false}},
		"UnlockClaimed":   {"UnlockClaimed(uint256,uint256,uint256)", []bool{true, false, false}},
		"SignerChanged": {"SignerChanged(uint256,address,address,bytes,uint256)",
			[]bool{true, true, true, false, false}},
		"Slashed": {"Slashed(uint256,uint256,bytes32,uint8,uint256,uint256,uint256)",
			[]bool{true, true, true, false, false, false, false}},
	} {
		ev, ok := events[name]
		require.True(t, ok, name)
		require.Equal(t, want.sig, ev.Sig, name)
		var indexed []bool
		for _, in := range ev.Inputs {
			indexed = append(indexed, in.Indexed)
		}
		require.Equal(t, want.indexed, indexed, name)
		require.Equal(t, "nonce", ev.Inputs[len(ev.Inputs)-1].Name, "%s ends with the sequencer nonce", name)
	}
}
