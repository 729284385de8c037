package reconcile

import (
	"fmt"
	"time"

	"github.com/themis-network/themis/bridge/health"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// Look is one reading of the chain.
type Look struct {
	Height          int64                    // chain height of the reading
	Queued          []slashingtypes.L1Action // queued actions read (the oldest first)
	QueuedTotal     uint64                   // all queued actions (may exceed len(Queued))
	Parked          uint64
	Mismatch        uint64
	ReserveLow      bool
	AdminPending    []string
	AdminOldest     string        // the change pending longest
	AdminPendingFor time.Duration // how long it has been pending
}

// maxListedAdmin bounds the pending contract changes copied into /healthz.
const maxListedAdmin = 10

// Judge turns a reading into the /healthz part and its warnings: an action parked
// (the contract refused it for good) or confirmed otherwise than decided, the oldest
// queued action waiting more than maxQueuedBlocks, a contract change pending longer
// than adminGrace, and the reward reserve alarm.
func Judge(l Look, maxQueuedBlocks int64, adminGrace time.Duration) health.Divergence {
	d := health.Divergence{ChainHeight: l.Height, ActionsQueued: int(l.QueuedTotal), ActionsParked: int(l.Parked),
		ActionsMismatch: int(l.Mismatch), RewardReserveLow: l.ReserveLow}
	var oldest *slashingtypes.L1Action
	for i := range l.Queued {
		a := &l.Queued[i]
		if a.HoldReason != "" {
			d.ActionsHeld++
		}
		if oldest == nil || a.CreatedHeight < oldest.CreatedHeight {
			oldest = a
		}
	}
	if oldest != nil && l.Height > oldest.CreatedHeight {
		d.OldestQueuedBlocks = l.Height - oldest.CreatedHeight
	}
	d.AdminPendingCount, d.AdminPending = len(l.AdminPending), l.AdminPending[:min(len(l.AdminPending), maxListedAdmin)]

	if l.Parked > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d L1 action(s) PARKED: the contract refused them for good (themisd query slashing l1-actions)", l.Parked))
	}
	if l.Mismatch > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d L1 action(s) MISMATCH: L1 did otherwise than the chain decided (themisd query slashing l1-actions)", l.Mismatch))
	}
	if oldest != nil && d.OldestQueuedBlocks > maxQueuedBlocks {
		why := "not held"
		if oldest.HoldReason != "" {
			why = "held: " + oldest.HoldReason
		}
		d.Warnings = append(d.Warnings, fmt.Sprintf("L1 action %d (%s) queued for %d blocks (%s)", oldest.Id, oldest.Kind, d.OldestQueuedBlocks, why))
	}
	if len(l.AdminPending) > 0 && l.AdminPendingFor > adminGrace {
		d.Warnings = append(d.Warnings, fmt.Sprintf("contract change %q governance decided is not on L1 after %s (%d pending; themisd query sequencer l1-admin)",
			l.AdminOldest, l.AdminPendingFor.Round(time.Second), len(l.AdminPending)))
	}
	if l.ReserveLow {
		d.Warnings = append(d.Warnings, "the reward reserve is below what the unsettled reward batches need: fund it (themisd l1 fund-rewards)")
	}
	return d
}
