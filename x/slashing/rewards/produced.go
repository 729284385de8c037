package rewards

import "math"

// Produced returns how many L2 blocks an epoch's producer produced: the blocks of its
// range [epochStart, epochEnd] at or below agreedHead, the head more than 2/3 of power
// agrees exists. A head below the start gives 0, a head past the end the whole range, and
// an empty range (end < start) 0.
//
// The producer is paid for these blocks only, never for the range it was scheduled: a
// stalled producer's epoch is cut short by the re-election (the caller passes the
// truncated end), and blocks above the agreed head have not been seen by enough of the
// pool to count. The one range too long for a uint64 count, [0, MaxUint64], saturates.
func Produced(epochStart, epochEnd, agreedHead uint64) uint64 {
	if epochEnd < epochStart || agreedHead < epochStart {
		return 0
	}
	last := min(epochEnd, agreedHead)
	if last-epochStart == math.MaxUint64 {
		return math.MaxUint64
	}
	return last - epochStart + 1
}
