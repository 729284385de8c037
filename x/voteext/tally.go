package voteext

import (
	"bytes"
	"cmp"
	"math/bits"
	"slices"

	errorsmod "cosmossdk.io/errors"

	"github.com/themis-network/themis/x/voteext/types"
)

// The tally is pure: no sdk.Context, no store, no clock, no map iteration. It is run in
// PreBlock by every node and must give every node the same answer from the same block.

// OutcomeUndecided is the zero Outcome: neither threshold was reached (yet).
const OutcomeUndecided Outcome = 0

// String names an outcome for logs and events.
func (o Outcome) String() string {
	switch o {
	case OutcomeUndecided:
		return "undecided"
	case OutcomeApproved:
		return "approved"
	case OutcomeRejected:
		return "rejected"
	default:
		return "invalid"
	}
}

// Ballot is the decoded vote extension of one validator that signed a height, keyed by
// the consensus address CometBFT reported for the vote. The tally never trusts a power
// that comes with a ballot; it looks the address up in the recorded set.
type Ballot struct {
	ConsAddress []byte
	Extension   types.VoteExtension
}

// ItemTally is the tally of one (module, digest). An item is named by its content's
// digest, so verdicts on different contents never add up.
type ItemTally struct {
	Module string
	Digest []byte
	// Yes and No are the recorded powers of the validators that voted so; Judged is
	// the power of all that named the item (UNSPECIFIED included).
	Yes    int64
	No     int64
	Judged int64
	// Outcome is OutcomeUndecided unless a threshold was reached.
	Outcome Outcome
}

// JudgedByMost reports whether validators holding more than 2/3 of total named the item
// without reaching a threshold: most of the pool looked at it and could not tell. Only
// that counts towards dropping it as unjudgeable; what a minority names counts nothing.
func (t ItemTally) JudgedByMost(total int64) bool {
	return !t.Decided() && Approved(t.Judged, total)
}

// Decided reports whether the item reached a threshold.
func (t ItemTally) Decided() bool { return t.Outcome != OutcomeUndecided }

// Approved reports yes*3 > total*2: strictly more than 2/3 of the total power. Exactly
// 2/3 is not enough, as in CometBFT. The products are taken in 128 bits, so no int64
// input can overflow.
func Approved(yes, total int64) bool {
	if yes <= 0 || total <= 0 {
		return false
	}
	return cmp128(mul128(uint64(yes), 3), mul128(uint64(total), 2)) > 0
}

// Rejected reports no*3 >= total: at least 1/3 of the total power said NO, so the YES
// side can reach at most 2/3 and the item can never be approved.
func Rejected(no, total int64) bool {
	if no <= 0 || total <= 0 {
		return false
	}
	return cmp128(mul128(uint64(no), 3), mul128(uint64(total), 1)) >= 0
}

// Decide turns powers into an outcome. Approval is checked first; when yes+no <= total
// both can never hold at once (yes > 2/3 and no >= 1/3 would exceed the total).
func Decide(yes, no, total int64) Outcome {
	switch {
	case Approved(yes, total):
		return OutcomeApproved
	case Rejected(no, total):
		return OutcomeRejected
	default:
		return OutcomeUndecided
	}
}

type u128 struct{ hi, lo uint64 }

func mul128(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi: hi, lo: lo}
}

func cmp128(a, b u128) int {
	if c := cmp.Compare(a.hi, b.hi); c != 0 {
		return c
	}
	return cmp.Compare(a.lo, b.lo)
}

// vote is one counted verdict of one validator.
type vote struct {
	module  string
	digest  []byte
	verdict types.Verdict
}

// compareItem orders by (module, digest bytes): the order of the tally's output.
func compareItem(a, b vote) int {
	if c := cmp.Compare(a.module, b.module); c != 0 {
		return c
	}
	return bytes.Compare(a.digest, b.digest)
}

func compareVote(a, b vote) int {
	if c := compareItem(a, b); c != 0 {
		return c
	}
	return cmp.Compare(a.verdict, b.verdict)
}

// normalize turns one extension into the validator's votes, sorted by item. A (module,
// digest) that appears more than once counts once when every copy is identical and not at
// all when the copies disagree (different digest or verdict): any other choice would
// depend on the order of the verdicts. Strict decoding already rejects such extensions;
// this keeps the tally safe on its own.
func normalize(ext types.VoteExtension) []vote {
	vs := make([]vote, 0, len(ext.Verdicts))
	for _, v := range ext.Verdicts {
		if v == nil {
			continue
		}
		vs = append(vs, vote{module: v.Module, digest: v.Digest, verdict: v.Verdict})
	}
	slices.SortFunc(vs, compareVote)
	out := vs[:0]
	for i := 0; i < len(vs); {
		j := i + 1
		agree := true
		for j < len(vs) && compareItem(vs[i], vs[j]) == 0 {
			if compareVote(vs[i], vs[j]) != 0 {
				agree = false
			}
			j++
		}
		if agree {
			out = append(out, vs[i])
		}
		i = j
	}
	return out
}

// indexSet checks the recorded set and maps each address to its position. Powers must
// be positive, addresses unique, and TotalPower their exact sum (computed with an
// overflow check): then no sum of the powers of distinct validators can overflow or
// exceed TotalPower.
func indexSet(set ValidatorSet) (map[string]int, error) {
	if set.TotalPower <= 0 {
		return nil, errorsmod.Wrapf(ErrBadValidatorSet, "total power %d", set.TotalPower)
	}
	idx := make(map[string]int, len(set.Validators))
	var sum int64
	for i, v := range set.Validators {
		if len(v.ConsAddress) == 0 {
			return nil, errorsmod.Wrapf(ErrBadValidatorSet, "validator %d has no address", i)
		}
		if v.Power <= 0 {
			return nil, errorsmod.Wrapf(ErrBadValidatorSet, "validator %X has power %d", v.ConsAddress, v.Power)
		}
		if _, dup := idx[string(v.ConsAddress)]; dup {
			return nil, errorsmod.Wrapf(ErrBadValidatorSet, "validator %X listed twice", v.ConsAddress)
		}
		idx[string(v.ConsAddress)] = i
		if sum > set.TotalPower-v.Power { // sum+power > TotalPower, without overflowing
			return nil, errorsmod.Wrapf(ErrBadValidatorSet, "powers exceed total %d", set.TotalPower)
		}
		sum += v.Power
	}
	if sum != set.TotalPower {
		return nil, errorsmod.Wrapf(ErrBadValidatorSet, "powers sum to %d, total is %d", sum, set.TotalPower)
	}
	return idx, nil
}

// Tally counts the ballots of height H against set, the validator set the chain
// recorded for H, and returns one ItemTally per (module, digest) that received a
// verdict, sorted by (module, digest bytes).
//
//   - Power always comes from set; a ballot from an address not in set counts nothing.
//   - A validator counts once. If it appears with several ballots that normalize to
//     the same votes it counts once; if they differ it counts not at all (equivocation
//     must not let it pick whichever copy helps, and order must not matter).
//   - The thresholds are taken against set.TotalPower, not against the power that
//     voted: a missing ballot is a vote that is not YES.
//
// It returns an error only when set itself is invalid.
func Tally(set ValidatorSet, ballots []Ballot) ([]ItemTally, error) {
	idx, err := indexSet(set)
	if err != nil {
		return nil, err
	}
	votes := make([][]vote, len(set.Validators))
	seen := make([]bool, len(set.Validators))
	conflict := make([]bool, len(set.Validators))
	for _, b := range ballots {
		i, ok := idx[string(b.ConsAddress)]
		if !ok {
			continue
		}
		vs := normalize(b.Extension)
		if !seen[i] {
			seen[i], votes[i] = true, vs
			continue
		}
		if !slices.EqualFunc(votes[i], vs, func(a, b vote) bool { return compareVote(a, b) == 0 }) {
			conflict[i] = true
		}
	}

	// Gather every counted vote with its voter's power, then sort by item so that
	// equal items are adjacent; no map is iterated.
	type weighted struct {
		vote
		power int64
	}
	var all []weighted
	for i, v := range set.Validators {
		if !seen[i] || conflict[i] {
			continue
		}
		for _, vt := range votes[i] {
			all = append(all, weighted{vote: vt, power: v.Power})
		}
	}
	slices.SortStableFunc(all, func(a, b weighted) int { return compareItem(a.vote, b.vote) })

	var out []ItemTally
	for i := 0; i < len(all); {
		t := ItemTally{Module: all[i].module, Digest: bytes.Clone(all[i].digest)}
		j := i
		for ; j < len(all) && compareItem(all[i].vote, all[j].vote) == 0; j++ {
			// Each validator contributes at most once per item (normalize kept one
			// verdict per (module, digest)), so these sums stay <= TotalPower.
			t.Judged += all[j].power
			switch all[j].verdict {
			case types.Verdict_VERDICT_YES:
				t.Yes += all[j].power
			case types.Verdict_VERDICT_NO:
				t.No += all[j].power
			}
		}
		t.Outcome = Decide(t.Yes, t.No, set.TotalPower)
		out = append(out, t)
		i = j
	}
	return out, nil
}
