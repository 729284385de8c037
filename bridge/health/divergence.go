package health

import "slices"

// Divergence is the reconcile watcher's last look at what the chain decided for L1
// and L1 has not (or not as decided) confirmed: the pool's L1 actions queued, held,
// parked or mismatched, governance's contract changes still pending, and the reward
// reserve alarm. It is in /healthz as "divergence" with its warnings; like parked
// relays, it does not make the bridge unhealthy (every honest bridge sees the same
// chain, and restarting one fixes nothing): alert on the themis_bridge_l1_* series.
type Divergence struct {
	CheckedAt          string   `json:"checked_at"`
	ChainHeight        int64    `json:"chain_height"`
	ActionsQueued      int      `json:"l1_actions_queued"`
	ActionsHeld        int      `json:"l1_actions_held"`
	ActionsParked      int      `json:"l1_actions_parked"`
	ActionsMismatch    int      `json:"l1_actions_mismatch"`
	OldestQueuedBlocks int64    `json:"oldest_queued_blocks"`
	AdminPendingCount  int      `json:"l1_admin_pending_count"`
	AdminPending       []string `json:"l1_admin_pending,omitempty"`       // the first few
	AdminPendingSince  string   `json:"l1_admin_pending_since,omitempty"` // the change pending longest, first seen
	RewardReserveLow   bool     `json:"reward_reserve_low"`
	Warnings           []string `json:"warnings,omitempty"`
}

// SetDivergence records the reconcile watcher's last look.
func (m *Monitor) SetDivergence(d Divergence) {
	if m == nil {
		return
	}
	d.AdminPending, d.Warnings = slices.Clone(d.AdminPending), slices.Clone(d.Warnings)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.divergence = &d
}
