package reconcile_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/reconcile"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

func queued(id uint64, created int64, hold string) slashingtypes.L1Action {
	return slashingtypes.L1Action{Id: id, Kind: slashingtypes.L1_ACTION_KIND_SLASH, Status: slashingtypes.L1_ACTION_STATUS_QUEUED,
		CreatedHeight: created, HoldReason: hold}
}

// Judge warns of exactly what stands longer than the pool's pace explains: an action
// parked or mismatched at once, the oldest queued action past maxQueuedBlocks, contract
// changes past the grace, the reserve alarm; and of nothing in a normal backlog.
func TestJudge(t *testing.T) {
	const maxBlocks = 100
	grace := 10 * time.Minute
	for _, tc := range []struct {
		name     string
		look     reconcile.Look
		warnings []string // substrings, one per warning, in order
		held     int
		oldest   int64
	}{
		{name: "nothing to do", look: reconcile.Look{Height: 500}},
		{name: "a normal backlog", look: reconcile.Look{Height: 500, QueuedTotal: 3,
			Queued: []slashingtypes.L1Action{queued(7, 450, ""), queued(8, 460, ""), queued(9, 499, "")}}, oldest: 50},
		{name: "held, not yet late", look: reconcile.Look{Height: 500, QueuedTotal: 1,
			Queued: []slashingtypes.L1Action{queued(4, 420, "InsufficientRewardReserve")}}, held: 1, oldest: 80},
		{name: "late and held", look: reconcile.Look{Height: 500, QueuedTotal: 2,
			Queued: []slashingtypes.L1Action{queued(9, 450, ""), queued(4, 300, "InsufficientRewardReserve")}},
			warnings: []string{"L1 action 4 (L1_ACTION_KIND_SLASH) queued for 200 blocks (held: InsufficientRewardReserve)"}, held: 1, oldest: 200},
		{name: "late, not held", look: reconcile.Look{Height: 500, QueuedTotal: 1, Queued: []slashingtypes.L1Action{queued(2, 399, "")}},
			warnings: []string{"queued for 101 blocks (not held)"}, oldest: 101},
		{name: "parked and mismatch", look: reconcile.Look{Height: 500, Parked: 2, Mismatch: 1},
			warnings: []string{"2 L1 action(s) PARKED", "1 L1 action(s) MISMATCH"}},
		{name: "admin pending within grace", look: reconcile.Look{Height: 500, AdminPending: []string{"whitelist 0xab allowed=true"}, AdminPendingFor: grace}},
		{name: "admin pending past grace", look: reconcile.Look{Height: 500, AdminPending: []string{"exit_delay 604800", "whitelist 0xab allowed=true"},
			AdminOldest: "whitelist 0xab allowed=true", AdminPendingFor: grace + time.Second},
			warnings: []string{`contract change "whitelist 0xab allowed=true" governance decided is not on L1 after 10m1s (2 pending`}},
		{name: "reserve low", look: reconcile.Look{Height: 500, ReserveLow: true}, warnings: []string{"fund it (themisd l1 fund-rewards)"}},
		{name: "a reading older than an action (lagging node)", look: reconcile.Look{Height: 10, QueuedTotal: 1, Queued: []slashingtypes.L1Action{queued(1, 12, "")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := reconcile.Judge(tc.look, maxBlocks, grace)
			require.Len(t, d.Warnings, len(tc.warnings), "%q", d.Warnings)
			for i, w := range tc.warnings {
				require.Contains(t, d.Warnings[i], w)
			}
			require.Equal(t, tc.held, d.ActionsHeld)
			require.Equal(t, tc.oldest, d.OldestQueuedBlocks)
			require.Equal(t, int(tc.look.QueuedTotal), d.ActionsQueued)
			require.Equal(t, len(tc.look.AdminPending), d.AdminPendingCount)
		})
	}
}

// The /healthz list of pending contract changes is bounded; the count is not.
func TestJudgeBoundsTheAdminList(t *testing.T) {
	pending := make([]string, 250)
	for i := range pending {
		pending[i] = "whitelist 0x" + strings.Repeat("a", 40)
	}
	d := reconcile.Judge(reconcile.Look{AdminPending: pending}, 100, time.Minute)
	require.Len(t, d.AdminPending, 10)
	require.Equal(t, 250, d.AdminPendingCount)
}
