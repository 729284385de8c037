package contracts_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// eventShape is an event's canonical signature and which of its inputs are indexed.
type eventShape struct {
	sig     string
	indexed []bool
}

// requireEventShapes checks each named event of the staking ABI against its shape; when
// last is set, the event's last input must carry that name.
func requireEventShapes(t *testing.T, shapes map[string]eventShape, last string) {
	t.Helper()
	events := staking.NewThemisStaking().GetABI().Events
	for name, want := range shapes {
		ev, ok := events[name]
		require.True(t, ok, name)
		require.Equal(t, want.sig, ev.Sig, name)
		var indexed []bool
		for _, in := range ev.Inputs {
			indexed = append(indexed, in.Indexed)
		}
		require.Equal(t, want.indexed, indexed, name)
		if last != "" {
			require.Equal(t, last, ev.Inputs[len(ev.Inputs)-1].Name, "%s ends with %s", name, last)
		}
	}
}

// The bridge and the chain decode the relayed events by these exact signatures and
// indexing; a change here is a protocol change, not a refactoring.
func TestRelayedEventSignatures(t *testing.T) {
	// The eight per-sequencer events: each carries that sequencer's nonce, last.
	requireEventShapes(t, map[string]eventShape{
		"Locked": {"Locked(uint256,address,address,bytes,uint256,address,uint256)",
			[]bool{true, true, true, false, false, false, false}},
		"Relocked":        {"Relocked(uint256,uint256,uint256,uint256)", []bool{true, false, false, false}},
		"Withdrawn":       {"Withdrawn(uint256,uint256,uint256,uint256)", []bool{true, false, false, false}},
		"UnlockInitiated": {"UnlockInitiated(uint256,uint256,uint256)", []bool{true, false, false}},
		"UnlockClaimed":   {"UnlockClaimed(uint256,uint256,uint256)", []bool{true, false, false}},
		"SignerChanged": {"SignerChanged(uint256,address,address,bytes,uint256)",
			[]bool{true, true, true, false, false}},
		"RewardRecipientChanged": {"RewardRecipientChanged(uint256,address,address,uint256)",
			[]bool{true, true, true, false}},
		"Slashed": {"Slashed(uint256,uint256,bytes32,uint8,uint256,uint256,uint256)",
			[]bool{true, true, true, false, false, false, false}},
	}, "nonce")

	// The configuration events: each carries the contract's configNonce, last.
	requireEventShapes(t, map[string]eventShape{
		"WhitelistUpdated":   {"WhitelistUpdated(address,bool,uint256)", []bool{true, false, false}},
		"LockLimitsUpdated":  {"LockLimitsUpdated(uint256,uint256,uint256)", []bool{false, false, false}},
		"ExitDelayUpdated":   {"ExitDelayUpdated(uint256,uint256)", []bool{false, false}},
		"TreasuryUpdated":    {"TreasuryUpdated(address,address,uint256)", []bool{true, true, false}},
		"PauseUpdated":       {"PauseUpdated(address,uint64,uint256)", []bool{true, false, false}},
		"PoolAddressUpdated": {"PoolAddressUpdated(address,address,uint256)", []bool{true, true, false}},
		"BootstrapEnded":     {"BootstrapEnded(address,address,uint256)", []bool{true, false, false}},
		"BootstrapStarted":   {"BootstrapStarted(address,uint64,uint256)", []bool{true, false, false}},
		"PoolRecoveryProposed": {"PoolRecoveryProposed(address,address,uint64,uint256)",
			[]bool{true, true, false, false}},
		"PoolRecoveryCancelled": {"PoolRecoveryCancelled(address,address,uint256)", []bool{true, true, false}},
	}, "configNonce")

	// The ledger events (reserve, rewards, escrows): each carries the contract's
	// ledgerNonce, last. They confirm the pool's reward batches and escrow refunds.
	requireEventShapes(t, map[string]eventShape{
		"RewardsFunded": {"RewardsFunded(address,uint256,uint256,uint256)", []bool{true, false, false, false}},
		"RewardBatchSubmitted": {"RewardBatchSubmitted(uint256,uint256,uint256,uint256,uint256)",
			[]bool{true, false, false, false, false}},
		"RewardsWithdrawn": {"RewardsWithdrawn(uint256,address,uint256,uint256)", []bool{true, true, false, false}},
		"EscrowReleased":   {"EscrowReleased(uint256,uint256,address,uint256,uint256)", []bool{true, true, true, false, false}},
		"EscrowRefunded":   {"EscrowRefunded(uint256,uint256,address,uint256,uint256)", []bool{true, true, true, false, false}},
	}, "ledgerNonce")
}
