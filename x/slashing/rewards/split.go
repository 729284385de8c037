package rewards

import (
	"fmt"

	"cosmossdk.io/math"
)

// Credit is the number of L2 blocks a sequencer produced in the period being paid.
type Credit struct {
	SequencerID uint64
	Blocks      uint64
}

// Accrual is what a sequencer earned in the period.
type Accrual struct {
	SequencerID uint64
	Amount      math.Int
}

// Split pays perBlock for every block credited: each sequencer's amount is perBlock *
// Blocks, and total is their sum. credits must be sorted by strictly increasing
// SequencerID (the order collections iterate in), one entry per sequencer, so the result
// does not depend on how the caller gathered them and nobody is paid twice; a slice, not
// a map, because map order is random.
//
// Accruals keep the credits' order and leave out zero amounts (no blocks, or a reward
// per block that rounded to 0): a sequencer earns nothing for blocks it did not produce,
// and the keeper writes nothing for nothing. An amount or total beyond math.Int's 256
// bits is ErrInvalidInput rather than a panic.
func Split(perBlock math.Int, credits []Credit) ([]Accrual, math.Int, error) {
	if perBlock.IsNil() || perBlock.IsNegative() {
		return nil, math.Int{}, fmt.Errorf("%w: reward per block %s", ErrInvalidInput, perBlock)
	}
	accruals := make([]Accrual, 0, len(credits))
	total := math.ZeroInt()
	for i, c := range credits {
		if i > 0 && c.SequencerID <= credits[i-1].SequencerID {
			return nil, math.Int{}, fmt.Errorf("%w: sequencer ids must strictly increase (%d after %d)", ErrInvalidInput, c.SequencerID, credits[i-1].SequencerID)
		}
		amount, err := perBlock.SafeMul(math.NewIntFromUint64(c.Blocks))
		if err != nil {
			return nil, math.Int{}, fmt.Errorf("%w: sequencer %d: %d blocks at %s: %v", ErrInvalidInput, c.SequencerID, c.Blocks, perBlock, err)
		}
		if amount.IsZero() {
			continue
		}
		if total, err = total.SafeAdd(amount); err != nil {
			return nil, math.Int{}, fmt.Errorf("%w: total: %v", ErrInvalidInput, err)
		}
		accruals = append(accruals, Accrual{SequencerID: c.SequencerID, Amount: amount})
	}
	return accruals, total, nil
}
