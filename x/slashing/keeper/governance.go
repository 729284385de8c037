package keeper

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/ladder"
	"github.com/themis-network/themis/x/slashing/types"
)

// Governance's two messages (seed 000, "Undefined Severity" and "Impeachments/Appealing
// process"): a slash of a severity governance chose, for what no program detects (a
// sandwich attack, say), judged on the same ladder as every other offence; and an
// upheld appeal, which reverts an offence: the slashed tokens go back to the owner
// while they are still held, the sequencer's status is reinstated, a medium strike is
// taken back, and a reward reimbursement may be paid.

// Slash implements types.MsgServer: governance's slash of a sequencer, MEDIUM, HIGH or
// CRITICAL, with the evidence governance found. It is judged like any other offence
// (Keeper.Judge, class GOVERNANCE): the ladder's slash, jail, removal or ban, and the
// owner's strike on a medium.
func (k msgServer) Slash(ctx context.Context, msg *types.MsgSlash) (*types.MsgSlashResponse, error) {
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	switch msg.Severity {
	case types.SEVERITY_MEDIUM, types.SEVERITY_HIGH, types.SEVERITY_CRITICAL:
	default:
		return nil, errorsmod.Wrapf(types.ErrInvalidSeverity,
			"%s: governance slashes MEDIUM, HIGH or CRITICAL (LOW slashes nothing and needs no proposal)", msg.Severity)
	}
	if err := checkText(msg.Evidence, "evidence"); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidEvidence, err.Error())
	}
	if _, err := k.sequencers.GetSequencer(ctx, msg.SequencerId); err != nil {
		if errors.Is(err, sequencertypes.ErrSequencerNotFound) {
			return nil, errorsmod.Wrapf(types.ErrSequencerNotFound, "sequencer %d", msg.SequencerId)
		}
		return nil, err
	}
	o, err := k.Judge(ctx, Evidence{
		Class: types.OFFENCE_CLASS_GOVERNANCE, Severity: msg.Severity, SequencerID: msg.SequencerId,
		Text: msg.Evidence, Ref: govRef(sdk.UnwrapSDKContext(ctx).BlockHeight(), msg.Evidence),
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgSlashResponse{OffenceId: o.Id}, nil
}

// govRef names a governance slash's evidence: the height of the decision and the
// first 8 bytes of the evidence text's SHA-256 ("gov/120/1f2e3d4c5b6a7988").
func govRef(height int64, evidence string) string {
	sum := sha256.Sum256([]byte(evidence))
	return fmt.Sprintf("gov/%d/%x", height, sum[:8])
}

// checkText accepts a non-blank UTF-8 text of at most types.MaxTextLen bytes.
func checkText(text, what string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return fmt.Errorf("%s is required", what)
	case len(text) > types.MaxTextLen:
		return fmt.Errorf("%s is %d bytes, at most %d", what, len(text), types.MaxTextLen)
	case !utf8.ValidString(text):
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	return nil
}

// Appeal implements types.MsgServer: governance upheld an appeal against an APPLIED
// offence, which is reverted in full in this one message. Everything is checked before
// anything is written.
//
//   - The slashed tokens: an L1 slash still QUEUED is CANCELLED (its escrow record is
//     REFUNDED with no L1 action, and the chain's unconfirmed slash is removed, so the
//     stake is whole again); an escrow L1 HOLDS is refunded to the owner by a queued
//     REFUND_ESCROW (the lock is not restored: the owner may relock); an escrow already
//     RELEASED to the treasury is not refunded, and the appeal record says so.
//   - The status: the jail of this offence ends (x/sequencer's admission rules decide
//     ACTIVE or NOT_ADMITTED) unless another standing offence still jails the sequencer;
//     a removal or ban is lifted (x/sequencer ReinstateOwner) unless another standing
//     offence banned the owner or the signer. Once the sequencer has left on L1
//     (UNLOCKING, UNLOCKED) it keeps that status, but its owner's removal or ban (the
//     entity's) is still lifted, so the owner may lock again.
//   - The strike: a medium offence's strike is taken back (ladder.RevertStrike).
//   - A reimbursement above zero is queued as a one-payment REWARD_BATCH.
func (k msgServer) Appeal(ctx context.Context, msg *types.MsgAppeal) (*types.MsgAppealResponse, error) {
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := checkText(msg.Reason, "reason"); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidReason, err.Error())
	}
	reimburse := msg.Reimbursement
	if reimburse.IsNil() {
		reimburse = math.ZeroInt()
	}
	if reimburse.IsNegative() {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmount, "reimbursement %s is negative", reimburse)
	}
	o, err := k.Offences.Get(ctx, msg.OffenceId)
	if isNotFound(err) {
		return nil, errorsmod.Wrapf(types.ErrOffenceNotFound, "offence %d", msg.OffenceId)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case o.Status == types.OFFENCE_STATUS_APPEALED && o.Appeal != nil:
		return nil, errorsmod.Wrapf(types.ErrAlreadyAppealed, "offence %d was appealed at height %d", o.Id, o.Appeal.Height)
	case o.Status != types.OFFENCE_STATUS_APPLIED:
		return nil, errorsmod.Wrapf(types.ErrAlreadyAppealed, "offence %d is %s, not APPLIED", o.Id, o.Status)
	}
	if err := k.checkAppealable(ctx, o); err != nil {
		return nil, err
	}
	if err := k.checkReimbursable(ctx, o.SequencerId, reimburse); err != nil {
		return nil, err
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	appeal := types.Appeal{Height: sdkCtx.BlockHeight(), Reason: msg.Reason, Reimbursement: reimburse}
	var notes []string
	refund, refundID, note, err := k.revertSlash(ctx, o)
	if err != nil {
		return nil, err
	}
	appeal.Refund, appeal.RefundActionId, notes = refund, refundID, append(notes, note)
	reinstated, statusNotes, err := k.reinstate(ctx, o)
	if err != nil {
		return nil, err
	}
	appeal.Reinstated, notes = reinstated, append(notes, statusNotes...)
	if note, err := k.revertStrike(ctx, o); err != nil {
		return nil, err
	} else if note != "" {
		notes = append(notes, note)
	}
	if reimburse.IsPositive() {
		a, err := k.reimburse(ctx, o.SequencerId, reimburse)
		if err != nil {
			return nil, err
		}
		appeal.ReimburseActionId = a.Id
		notes = append(notes, fmt.Sprintf("reimbursement %s queued as reward batch %d (action %d)", reimburse, a.RewardBatch.BatchId, a.Id))
	}
	appeal.Note = strings.Join(notes, "; ")
	o.Status, o.Appeal = types.OFFENCE_STATUS_APPEALED, &appeal
	if err := k.Offences.Set(ctx, o.Id, o); err != nil {
		return nil, err
	}
	k.Logger(ctx).Info("appeal upheld", "offence", o.Id, "sequencer", o.SequencerId, "refund", appeal.Refund,
		"reinstated", appeal.Reinstated, "reimbursement", reimburse)
	return &types.MsgAppealResponse{}, emit(ctx, &types.EventOffenceAppealed{OffenceId: o.Id, SequencerId: o.SequencerId, Appeal: appeal})
}

// checkAppealable checks, before anything is written, that the offence's records are
// the ones revertSlash expects (a genesis could hold anything), so an appeal either
// applies in full or refuses with nothing written.
func (k Keeper) checkAppealable(ctx context.Context, o types.Offence) error {
	if _, err := k.sequencers.GetSequencer(ctx, o.SequencerId); err != nil {
		return err
	}
	if o.L1ActionId == 0 {
		return nil
	}
	a, err := k.L1Actions.Get(ctx, o.L1ActionId)
	if err != nil {
		return errorsmod.Wrapf(err, "offence %d: l1 action %d", o.Id, o.L1ActionId)
	}
	if a.Slash == nil {
		return fmt.Errorf("offence %d: l1 action %d is not a slash", o.Id, a.Id)
	}
	e, err := k.Escrows.Get(ctx, collections.Join(o.Id, o.SequencerId))
	found := err == nil
	if err != nil && !isNotFound(err) {
		return err
	}
	switch a.Status {
	case types.L1_ACTION_STATUS_QUEUED, types.L1_ACTION_STATUS_PARKED:
		if found && e.Status != types.ESCROW_STATUS_PENDING_L1 {
			return fmt.Errorf("offence %d: escrow is %s while its slash is queued", o.Id, e.Status)
		}
	case types.L1_ACTION_STATUS_CONFIRMED, types.L1_ACTION_STATUS_MISMATCH:
		if found && e.Status != types.ESCROW_STATUS_HELD && e.Status != types.ESCROW_STATUS_RELEASED {
			return fmt.Errorf("offence %d: escrow is %s after L1 confirmed its slash", o.Id, e.Status)
		}
	default:
		return fmt.Errorf("offence %d: its l1 slash is %s", o.Id, a.Status)
	}
	return nil
}

// revertSlash undoes the offence's slash as far as it still can (see Appeal) and says
// what became of the tokens.
func (k Keeper) revertSlash(ctx context.Context, o types.Offence) (types.AppealRefund, uint64, string, error) {
	if o.L1ActionId == 0 {
		return types.APPEAL_REFUND_NOTHING_SLASHED, 0, "the offence slashed nothing", nil
	}
	a, err := k.L1Actions.Get(ctx, o.L1ActionId)
	if err != nil {
		return 0, 0, "", err
	}
	key := collections.Join(o.Id, o.SequencerId)
	e, err := k.Escrows.Get(ctx, key)
	found := err == nil
	if err != nil && !isNotFound(err) {
		return 0, 0, "", err
	}
	if a.Status == types.L1_ACTION_STATUS_QUEUED || a.Status == types.L1_ACTION_STATUS_PARKED {
		// Not taken on L1 (as far as the chain knows): cancelled. Should a call of it
		// still land, its Slashed event refunds the escrow (settleCancelledSlash).
		a.Status, a.SettledHeight = types.L1_ACTION_STATUS_CANCELLED, sdk.UnwrapSDKContext(ctx).BlockHeight()
		a.Note = fmt.Sprintf("cancelled by the appeal of offence %d", o.Id)
		if err := k.withdrawPoolCall(ctx, a); err != nil {
			return 0, 0, "", err
		}
		if err := k.L1Actions.Set(ctx, a.Id, a); err != nil {
			return 0, 0, "", err
		}
		if err := k.forgetQueued(ctx, a); err != nil {
			return 0, 0, "", err
		}
		if found {
			e.Status = types.ESCROW_STATUS_REFUNDED // nothing left the lock: no L1 action
			if err := k.Escrows.Set(ctx, key, e); err != nil {
				return 0, 0, "", err
			}
		}
		if err := k.sequencers.RemoveUnconfirmedSlash(ctx, o.SequencerId, a.Slash.Amount); err != nil {
			return 0, 0, "", err
		}
		if err := emit(ctx, &types.EventL1ActionSettled{ActionId: a.Id, Status: a.Status, Note: a.Note}); err != nil {
			return 0, 0, "", err
		}
		return types.APPEAL_REFUND_SLASH_CANCELLED, 0,
			fmt.Sprintf("L1 slash (action %d, %s) cancelled before L1 confirmed it: the stake the chain sees is whole again", a.Id, a.Slash.Amount), nil
	}
	switch {
	case !found:
		return types.APPEAL_REFUND_NOTHING_SLASHED, 0, fmt.Sprintf("L1 took nothing (action %d)", a.Id), nil
	case e.Status == types.ESCROW_STATUS_HELD:
		if e, err = k.refundEscrow(ctx, e); err != nil {
			return 0, 0, "", err
		}
		return types.APPEAL_REFUND_ESCROW_REFUNDED, e.SettleActionId,
			fmt.Sprintf("escrow %d (%s) refunded to the owner by action %d", e.EscrowId, e.Amount, e.SettleActionId), nil
	default: // RELEASED (checkAppealable allows nothing else)
		return types.APPEAL_REFUND_ESCROW_RELEASED, 0,
			fmt.Sprintf("escrow %d (%s) was released to the treasury by action %d: nothing refunded", e.EscrowId, e.Amount, e.SettleActionId), nil
	}
}

// stillJailed tells x/sequencer which of a reinstated owner's sequencers a standing
// offence still holds in jail (a jail record), so lifting a ban or removal never frees
// them.
func (k Keeper) stillJailed(ctx context.Context) func(uint64) (bool, error) {
	return func(id uint64) (bool, error) { return k.Jails.Has(ctx, id) }
}

// reinstate restores what the offence did to the sequencer's status (see Appeal) and
// says what it did; reinstated is true when it unjailed or lifted a removal or ban.
func (k Keeper) reinstate(ctx context.Context, o types.Offence) (bool, []string, error) {
	seq, err := k.sequencers.GetSequencer(ctx, o.SequencerId)
	if err != nil {
		return false, nil, err
	}
	jail, err := k.Jails.Get(ctx, o.SequencerId)
	hasJail := err == nil
	ownJail := hasJail && jail.OffenceId == o.Id
	if err != nil && !isNotFound(err) {
		return false, nil, err
	}
	if leaving(seq.Status) {
		if ownJail {
			if err := k.Jails.Remove(ctx, o.SequencerId); err != nil {
				return false, nil, err
			}
		}
		left := fmt.Sprintf("sequencer %d has left on L1 (%s) and keeps that status", seq.Id, seq.Status)
		if !o.Removed && !o.Banned {
			if o.Jailed {
				return false, []string{"not reinstated: " + left}, nil
			}
			return false, nil, nil
		}
		// A removal or a ban is the entity's: it is lifted even though this lock left,
		// so the owner may lock again (or its newer lock is admitted).
		if ban, ok, err := k.standingBan(ctx, o); err != nil {
			return false, nil, err
		} else if ok {
			return false, []string{fmt.Sprintf("not reinstated: offence %d banned the owner or signer and stands", ban), left}, nil
		}
		if err := k.sequencers.ReinstateOwner(ctx, o.SequencerId, o.Signer, k.stillJailed(ctx)); err != nil {
			return false, nil, err
		}
		return true, []string{fmt.Sprintf("owner %s reinstated", o.Owner), left}, nil
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	standing, jailed, err := k.standingJail(ctx, o, now)
	if err != nil {
		return false, nil, err
	}
	var notes []string
	reinstated := false
	if ownJail {
		if jailed {
			if err := k.Jails.Set(ctx, o.SequencerId, standing); err != nil {
				return false, nil, err
			}
			notes = append(notes, fmt.Sprintf("still jailed by offence %d until %s", standing.OffenceId, standing.Until.UTC().Format(time.RFC3339)))
		} else {
			if err := k.Jails.Remove(ctx, o.SequencerId); err != nil {
				return false, nil, err
			}
			if seq.Status == sequencertypes.SEQUENCER_STATUS_JAILED {
				status, err := k.sequencers.Unjail(ctx, o.SequencerId)
				if err != nil {
					return false, nil, err
				}
				reinstated = true
				notes = append(notes, fmt.Sprintf("unjailed: %s", status))
			}
		}
	} else if o.Jailed && hasJail && seq.Status == sequencertypes.SEQUENCER_STATUS_JAILED {
		notes = append(notes, fmt.Sprintf("the jail of offence %d stands", jail.OffenceId))
	}
	if !o.Removed && !o.Banned {
		return reinstated, notes, nil
	}
	if ban, ok, err := k.standingBan(ctx, o); err != nil {
		return false, nil, err
	} else if ok {
		return reinstated, append(notes, fmt.Sprintf("not reinstated: offence %d banned the owner or signer and stands", ban)), nil
	}
	if err := k.sequencers.ReinstateOwner(ctx, o.SequencerId, o.Signer, k.stillJailed(ctx)); err != nil {
		return false, nil, err
	}
	if seq, err = k.sequencers.GetSequencer(ctx, o.SequencerId); err != nil {
		return false, nil, err
	}
	notes = append(notes, fmt.Sprintf("owner %s reinstated: sequencer %d is %s", o.Owner, seq.Id, seq.Status))
	if jailed && seq.Status != sequencertypes.SEQUENCER_STATUS_JAILED {
		// The removal had ended a jail that another standing offence still imposes.
		ok, err := k.sequencers.Jail(ctx, o.SequencerId, fmt.Sprintf("offence %d: jail resumed after the appeal of offence %d", standing.OffenceId, o.Id))
		if err != nil {
			return false, nil, err
		}
		if ok {
			if err := k.Jails.Set(ctx, o.SequencerId, standing); err != nil {
				return false, nil, err
			}
			notes = append(notes, fmt.Sprintf("jailed again by offence %d until %s", standing.OffenceId, standing.Until.UTC().Format(time.RFC3339)))
		}
	}
	return true, notes, nil
}

// standingJail is the jail the sequencer's other APPLIED offences still impose at now:
// the latest end among them (jailed false if none does).
func (k Keeper) standingJail(ctx context.Context, o types.Offence, now time.Time) (types.Jail, bool, error) {
	var best types.Jail
	found := false
	err := k.OffencesBySequencer.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](o.SequencerId),
		func(key collections.Pair[uint64, uint64]) (bool, error) {
			if key.K2() == o.Id {
				return false, nil
			}
			other, err := k.Offences.Get(ctx, key.K2())
			if err != nil {
				return true, err
			}
			if other.Status == types.OFFENCE_STATUS_APPLIED && other.Jailed && other.JailedUntil.After(now) &&
				(!found || other.JailedUntil.After(best.Until)) {
				best, found = types.Jail{SequencerId: o.SequencerId, OffenceId: other.Id, Until: other.JailedUntil}, true
			}
			return false, nil
		})
	return best, found, err
}

// standingBan is another APPLIED offence that banned the same owner or signer: a ban
// is for ever unless its own offence is appealed, so appealing another one does not
// lift it. (A removal is governance's to lift at any time, so one standing removal
// does not hold back another's appeal.) It scans the offences: appeals are rare.
func (k Keeper) standingBan(ctx context.Context, o types.Offence) (uint64, bool, error) {
	var by uint64
	err := k.Offences.Walk(ctx, nil, func(id uint64, other types.Offence) (bool, error) {
		if id != o.Id && other.Status == types.OFFENCE_STATUS_APPLIED && other.Banned &&
			(other.Owner == o.Owner || other.Signer == o.Signer) {
			by = id
			return true, nil
		}
		return false, nil
	})
	return by, by != 0, err
}

// revertStrike takes back a medium offence's strike from the owner's lifetime count
// (the entry goes at zero).
func (k Keeper) revertStrike(ctx context.Context, o types.Offence) (string, error) {
	n, err := k.strikesOf(ctx, o.Owner)
	if err != nil {
		return "", err
	}
	after := ladder.RevertStrike(n, ladder.Severity(o.Severity))
	if after == n {
		return "", nil
	}
	if after == 0 {
		err = k.Strikes.Remove(ctx, o.Owner)
	} else {
		err = k.Strikes.Set(ctx, o.Owner, after)
	}
	return fmt.Sprintf("medium strikes of owner %s: %d -> %d", o.Owner, n, after), err
}

// reimburse queues a reward batch of one payment, in the order of every reward batch
// (queueRewardBatchAction: the contract applies each once and in order), and counts it
// in the sequencer's batched amount: sent in a batch, not credited yet. Its relayed
// RewardBatchSubmitted moves it to paid, as for every batch.
func (k Keeper) reimburse(ctx context.Context, sequencerID uint64, amount math.Int) (types.L1Action, error) {
	a, err := k.queueRewardBatchAction(ctx, []types.RewardPayment{{SequencerId: sequencerID, Amount: amount}})
	if err != nil {
		return types.L1Action{}, err
	}
	r, err := k.rewardsOf(ctx, sequencerID)
	if err != nil {
		return types.L1Action{}, err
	}
	if r.Batched, err = r.Batched.SafeAdd(amount); err != nil {
		return types.L1Action{}, err // checkReimbursable refused it before anything was written
	}
	return a, k.SequencerRewards.Set(ctx, sequencerID, r)
}

// checkReimbursable refuses, before the appeal writes anything, a reimbursement that
// would not fit the sequencer's batched rewards (256 bits).
func (k Keeper) checkReimbursable(ctx context.Context, sequencerID uint64, amount math.Int) error {
	if !amount.IsPositive() {
		return nil
	}
	r, err := k.rewardsOf(ctx, sequencerID)
	if err != nil {
		return err
	}
	if _, err := r.Batched.SafeAdd(amount); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "reimbursement %s: sequencer %d's batched rewards (%s) would overflow", amount, sequencerID, r.Batched)
	}
	return nil
}

// leaving reports a status in which L1 has the lock on its way out.
func leaving(st sequencertypes.SequencerStatus) bool {
	return st == sequencertypes.SEQUENCER_STATUS_UNLOCKING || st == sequencertypes.SEQUENCER_STATUS_UNLOCKED
}
