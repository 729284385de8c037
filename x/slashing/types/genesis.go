package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/themis-network/themis/x/slashing/downtime"
)

// DefaultGenesis is the genesis of a chain with no offences judged yet.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), RewardState: RewardState{RewardPerBlock: math.ZeroInt()}}
}

// Validate checks the genesis: the params, and that every record is well formed, unique
// and refers to records that exist, so an import is the state that was exported.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	offences := make(map[uint64]Offence, len(gs.Offences))
	var last uint64
	for i, o := range gs.Offences {
		if o.Id <= last {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: id %d not increasing", i, o.Id)
		}
		last = o.Id
		if err := o.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: %v", o.Id, err)
		}
		offences[o.Id] = o
	}
	actions := make(map[uint64]L1Action, len(gs.L1Actions))
	poolTxs := make(map[uint64]uint64, len(gs.L1Actions)) // pool call -> action
	var lastAction, lastBatch uint64
	for _, a := range gs.L1Actions {
		if a.Id <= lastAction {
			return errorsmod.Wrapf(ErrInvalidGenesis, "l1 action %d: ids not increasing", a.Id)
		}
		lastAction = a.Id
		if err := a.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "l1 action %d: %v", a.Id, err)
		}
		if a.RewardBatch != nil {
			// The contract applies batch lastRewardBatch + 1 only, so the chain's ids
			// rise with its actions. They may skip: the chain continues after the
			// contract's mirrored lastRewardBatch when that is ahead (a chain started
			// against a contract that applied batches before, or batches applied by an
			// earlier pool), and an export must load again.
			if a.RewardBatch.BatchId <= lastBatch {
				return errorsmod.Wrapf(ErrInvalidGenesis, "l1 action %d: reward batch %d after %d", a.Id, a.RewardBatch.BatchId, lastBatch)
			}
			lastBatch = a.RewardBatch.BatchId
		}
		if a.PoolTx != 0 {
			if other, dup := poolTxs[a.PoolTx]; dup {
				return errorsmod.Wrapf(ErrInvalidGenesis, "l1 actions %d and %d: one pool call %d", other, a.Id, a.PoolTx)
			}
			poolTxs[a.PoolTx] = a.Id
		}
		actions[a.Id] = a
	}
	for _, o := range gs.Offences {
		if o.Appeal != nil {
			if a, ok := actions[o.Appeal.RefundActionId]; o.Appeal.RefundActionId != 0 &&
				(!ok || a.Kind != L1_ACTION_KIND_REFUND_ESCROW || a.Escrow.OffenceId != o.Id) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: l1 action %d is not its refund", o.Id, o.Appeal.RefundActionId)
			}
			if a, ok := actions[o.Appeal.ReimburseActionId]; o.Appeal.ReimburseActionId != 0 && (!ok || a.Kind != L1_ACTION_KIND_REWARD_BATCH) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: l1 action %d is not its reimbursement", o.Id, o.Appeal.ReimburseActionId)
			}
		}
		if o.L1ActionId == 0 {
			continue
		}
		a, ok := actions[o.L1ActionId]
		if !ok || a.Slash == nil || a.Slash.SequencerId != o.SequencerId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "offence %d: l1 action %d is not its slash", o.Id, o.L1ActionId)
		}
	}
	seen := make(map[uint64]bool, len(gs.Jails))
	for _, j := range gs.Jails {
		o, ok := offences[j.OffenceId]
		if j.SequencerId == 0 || seen[j.SequencerId] || !ok || o.SequencerId != j.SequencerId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "jail of sequencer %d: duplicate or not its offence %d", j.SequencerId, j.OffenceId)
		}
		seen[j.SequencerId] = true
	}
	owners := make(map[string]bool, len(gs.Strikes))
	for _, s := range gs.Strikes {
		if s.Owner == "" || owners[s.Owner] || s.MediumStrikes == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "strikes of owner %q: empty, duplicate or zero", s.Owner)
		}
		owners[s.Owner] = true
	}
	type escrowKey struct{ offence, seq uint64 }
	escrows := make(map[escrowKey]bool, len(gs.Escrows))
	l1Escrows := make(map[uint64]bool, len(gs.Escrows))
	for _, e := range gs.Escrows {
		k := escrowKey{e.OffenceId, e.SequencerId}
		o, ok := offences[e.OffenceId]
		if escrows[k] || !ok || o.SequencerId != e.SequencerId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): duplicate or not its offence", e.OffenceId, e.SequencerId)
		}
		escrows[k] = true
		if e.EscrowId != 0 && l1Escrows[e.EscrowId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): contract escrow id %d recorded twice", e.OffenceId, e.SequencerId, e.EscrowId)
		}
		l1Escrows[e.EscrowId] = e.EscrowId != 0
		if e.Amount.IsNil() || e.Amount.IsNegative() || e.Status == ESCROW_STATUS_UNSPECIFIED {
			return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): amount or status", e.OffenceId, e.SequencerId)
		}
		if err := e.validateSettlement(actions); err != nil {
			return err
		}
	}
	if err := gs.validateDowntime(); err != nil {
		return err
	}
	return gs.validateRewards()
}

// validateDowntime checks the downtime state: each window decodes in full, one per
// sequencer, and the judged-evidence keys are unique.
func (gs GenesisState) validateDowntime() error {
	var last uint64
	for i, r := range gs.Signings {
		if r.SequencerId <= last && i > 0 || r.SequencerId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signing %d: sequencer %d not increasing", i, r.SequencerId)
		}
		last = r.SequencerId
		var s downtime.Signing
		if err := s.UnmarshalBinary(r.Signing); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "signing of sequencer %d: %v", r.SequencerId, err)
		}
	}
	flagged := make(map[uint64]bool, len(gs.LowFlagged))
	for _, f := range gs.LowFlagged {
		if f.SequencerId == 0 || flagged[f.SequencerId] || f.Height < 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "low flag of sequencer %d: zero, duplicate or negative height", f.SequencerId)
		}
		flagged[f.SequencerId] = true
	}
	type forfeitKey struct{ seq, epoch uint64 }
	forfeits := make(map[forfeitKey]bool, len(gs.L2Forfeits))
	for _, f := range gs.L2Forfeits {
		k := forfeitKey{f.SequencerId, f.EpochId}
		if f.SequencerId == 0 || f.OffenceId == 0 || forfeits[k] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "l2 forfeit (%d, %d): zero or duplicate", f.SequencerId, f.EpochId)
		}
		forfeits[k] = true
	}
	addrs := make(map[string]bool, len(gs.ConsAddresses))
	for _, r := range gs.ConsAddresses {
		if len(r.ConsAddress) == 0 || r.SequencerId == 0 || addrs[string(r.ConsAddress)] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "consensus address %X: empty, no sequencer or duplicate", r.ConsAddress)
		}
		addrs[string(r.ConsAddress)] = true
	}
	if gs.GraceUntil < 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "grace_until %d", gs.GraceUntil)
	}
	type eqKey struct{ seq, h uint64 }
	eqs := make(map[eqKey]bool, len(gs.Equivocations))
	for _, e := range gs.Equivocations {
		k := eqKey{e.SequencerId, e.EpochId}
		if eqs[k] || e.SequencerId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "equivocation (%d, %d): zero or duplicate", e.SequencerId, e.EpochId)
		}
		eqs[k] = true
	}
	doubles := make(map[string]bool, len(gs.DoubleSigns))
	for _, d := range gs.DoubleSigns {
		k := fmt.Sprintf("%d/%x", d.Height, d.ConsAddress)
		if doubles[k] || len(d.ConsAddress) == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "double sign %s: empty or duplicate", k)
		}
		doubles[k] = true
	}
	return nil
}

// validateSettlement checks an escrow's status against the actions: a HELD escrow has
// the contract's escrow id; a RELEASED one names its RELEASE_ESCROW action, or none if
// L1's event released it (paid_out_height); a REFUNDED one names its REFUND_ESCROW
// action, or none (its slash was cancelled before L1 took it).
func (e Escrow) validateSettlement(actions map[uint64]L1Action) error {
	want := L1_ACTION_KIND_UNSPECIFIED
	switch e.Status {
	case ESCROW_STATUS_PENDING_L1:
	case ESCROW_STATUS_HELD:
		if e.EscrowId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): held with no escrow id", e.OffenceId, e.SequencerId)
		}
	case ESCROW_STATUS_RELEASED:
		want = L1_ACTION_KIND_RELEASE_ESCROW
		if e.SettleActionId == 0 && e.PaidOutHeight == 0 {
			// Only L1's own EscrowReleased (anyone may release) makes one without an action.
			return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): released by no action and not on L1", e.OffenceId, e.SequencerId)
		}
	case ESCROW_STATUS_REFUNDED:
		want = L1_ACTION_KIND_REFUND_ESCROW
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): status %d", e.OffenceId, e.SequencerId, e.Status)
	}
	if e.SettleActionId == 0 {
		return nil
	}
	a, ok := actions[e.SettleActionId]
	if want == L1_ACTION_KIND_UNSPECIFIED || !ok || a.Kind != want || a.Escrow == nil ||
		a.Escrow.OffenceId != e.OffenceId || a.Escrow.SequencerId != e.SequencerId {
		return errorsmod.Wrapf(ErrInvalidGenesis, "escrow (%d, %d): l1 action %d does not settle it", e.OffenceId, e.SequencerId, e.SettleActionId)
	}
	return nil
}

// Validate checks one offence record: its class, severity and status (an APPEALED one
// has its appeal), and that its amounts are whole (slashed + remaining = stake_before).
func (o Offence) Validate() error {
	if o.Id == 0 || o.SequencerId == 0 || o.Class == OFFENCE_CLASS_UNSPECIFIED || o.Owner == "" {
		return errorsmod.Wrap(ErrInvalidGenesis, "id, sequencer, class and owner are required")
	}
	if _, ok := Severity_name[int32(o.Severity)]; !ok {
		return errorsmod.Wrapf(ErrInvalidGenesis, "severity %d", o.Severity)
	}
	for _, v := range []struct {
		name string
		ok   bool
	}{{"stake_before", !o.StakeBefore.IsNil() && !o.StakeBefore.IsNegative()},
		{"slashed", !o.Slashed.IsNil() && !o.Slashed.IsNegative()},
		{"remaining", !o.Remaining.IsNil() && !o.Remaining.IsNegative()}} {
		if !v.ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s missing or negative", v.name)
		}
	}
	if !o.Slashed.Add(o.Remaining).Equal(o.StakeBefore) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "slashed %s + remaining %s != stake_before %s", o.Slashed, o.Remaining, o.StakeBefore)
	}
	switch o.Status {
	case OFFENCE_STATUS_APPLIED:
		if o.Appeal != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, "an APPLIED offence has no appeal")
		}
	case OFFENCE_STATUS_APPEALED:
		if o.Appeal == nil || o.Appeal.Reimbursement.IsNil() || o.Appeal.Reimbursement.IsNegative() {
			return errorsmod.Wrap(ErrInvalidGenesis, "an APPEALED offence has its appeal, with a reimbursement of zero or more")
		}
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "status %d", o.Status)
	}
	return nil
}

// maxHoldReasonLen bounds an action's hold reason (a contract error's name).
const maxHoldReasonLen = 128

// Validate checks one L1 action: a known kind and status with its kind's payload and
// no other; the write-back's fields as it leaves them (a landing only with its pool
// call).
func (a L1Action) Validate() error {
	if _, ok := L1ActionStatus_name[int32(a.Status)]; a.Id == 0 || a.Status == L1_ACTION_STATUS_UNSPECIFIED || !ok {
		return errorsmod.Wrap(ErrInvalidGenesis, "id and a known status are required")
	}
	if a.RetryHeight < 0 || (a.LandedL1Block != 0 && a.PoolTx == 0) || len(a.HoldReason) > maxHoldReasonLen {
		return errorsmod.Wrapf(ErrInvalidGenesis, "l1 action %d: retry height %d, landed in L1 block %d by pool tx %d, a %d-byte hold reason",
			a.Id, a.RetryHeight, a.LandedL1Block, a.PoolTx, len(a.HoldReason))
	}
	payloads := 0
	for _, set := range []bool{a.Slash != nil, a.Escrow != nil, a.RewardBatch != nil} {
		if set {
			payloads++
		}
	}
	if payloads > 1 {
		return errorsmod.Wrap(ErrInvalidGenesis, "one payload per action")
	}
	switch a.Kind {
	case L1_ACTION_KIND_SLASH:
		s := a.Slash
		if s == nil || s.SequencerId == 0 || s.Amount.IsNil() || !s.Amount.IsPositive() {
			return errorsmod.Wrap(ErrInvalidGenesis, "a slash needs a sequencer and a positive amount")
		}
		if _, err := OffenceNumber(s.OffenceId); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
	case L1_ACTION_KIND_REFUND_ESCROW, L1_ACTION_KIND_RELEASE_ESCROW:
		e := a.Escrow
		if e == nil || e.EscrowId == 0 || e.OffenceId == 0 || e.SequencerId == 0 || e.Amount.IsNil() || !e.Amount.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s needs an escrow id, its offence and sequencer, and a positive amount", a.Kind)
		}
	case L1_ACTION_KIND_REWARD_BATCH:
		b := a.RewardBatch
		if b == nil || b.BatchId == 0 || len(b.Payments) == 0 || len(b.Payments) > MaxPaymentsPerBatch {
			return errorsmod.Wrapf(ErrInvalidGenesis, "a reward batch needs a batch id and 1 to %d payments (one L1 transaction)", MaxPaymentsPerBatch)
		}
		for i, p := range b.Payments {
			if p.SequencerId == 0 || p.Amount.IsNil() || !p.Amount.IsPositive() || (i > 0 && p.SequencerId <= b.Payments[i-1].SequencerId) {
				return errorsmod.Wrapf(ErrInvalidGenesis, "reward batch %d, payment %d: sequencer ids increasing, amounts positive", b.BatchId, i)
			}
		}
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "kind %s", a.Kind)
	}
	return nil
}
