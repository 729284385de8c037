// Package rewards accounts for what sequencers earn: how many L2 blocks an epoch's
// producer produced, the reward per block re-targeted on the L2's measured block rate, and
// the split of a period's reward by blocks produced. Like package ladder it is pure: no
// keeper, no store, no clock (block times and heights come in as arguments), no floats
// (math.Int and exact integer division), no map iteration.
//
// Earn per block produced. The governance proposal pays sequencers for the blocks they
// pack: a slow sequencer (a low-severity offence) "cannot pack blocks and will not
// receive rewards". So a producer is credited the blocks of its epoch that the chain
// agrees exist (Produced), and nothing for the rest of the range: after a stall the
// re-election truncates the epoch's end, and blocks past the agreed head were never made.
//
// Re-target to the mining rewards rate. The proposal targets an estimated mining rewards
// rate (MRR) of 20 % a year on locked stake, and has "the per-block reward amount ...
// subject to updates to align the actual MRR with the targeted 20 %". Since L2 block time
// is not constant (gaps, stalls, re-elections, configuration changes) a fixed per-block
// amount would drift from the target. Every RetargetInterval (two weeks by default) the
// keeper measures the window just ended, the block time elapsed and the L2 blocks agreed,
// and sets
//
//	blocks per year  = WindowL2Blocks * SecondsPerYear / WindowSeconds
//	yearly reward    = CappedStake * YearlyRateBps / 10,000
//	reward per block = yearly reward / blocks per year
//	                 = floor(CappedStake * YearlyRateBps * WindowSeconds /
//	                         (10,000 * SecondsPerYear * WindowL2Blocks))
//
// in one exact division, so only the final floor rounds: at the measured rate the year's
// payout falls short of the target by less than one base unit per block of the year, and
// never exceeds it. CappedStake is the sum over sequencers of min(locked, max_lock), the
// same cap as voting power: producers are drawn by that power, so each sequencer's
// expected share of the blocks, and so of the reward, is its share of the capped stake,
// and each earns about YearlyRateBps of its capped stake a year.
//
// Limits. The reward follows the rate one window late: the value measured over one window
// pays the blocks of the next. A window in which the L2 mostly stood still (few blocks)
// sets a high per-block reward for the next one, until the following re-target brings it
// back; a window with no blocks or no time sets nothing (ErrEmptyWindow: keep the
// previous value). A producer who slows its own blocks to raise the next window's reward
// loses its own blocks' rewards now and shares the gain with everyone later.
package rewards
