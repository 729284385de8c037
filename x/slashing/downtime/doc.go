// Package downtime decides the "high" offence of the severity ladder: a multiple
// node outage, a group of close to a third of the sequencers offline at the same
// time. It is pure (no keeper, no store, no clock, no floats, no map iteration) so
// every node reaches the same verdict from the same inputs, and it is cheap enough to
// run in EndBlock for every block.
//
// # What is observed
//
// Each block H carries the last commit of height H-1: one vote for every validator of
// the set at H-1, flagged commit, nil or absent. Only absent is a miss (IsMiss): a
// nil precommit is signed, so its validator was up. The keeper records one bit per
// member per counted block in the member's Signing, a ring of the last Window
// records, like the SDK's signed-blocks window: one block proves nothing, because a
// proposer may leave out of its last commit anyone it likes as long as it keeps more
// than 2/3 of the power, so the rule only acts on misses accumulated over a window.
//
// # The rule
//
// A member is over the threshold (OverThreshold) when it has a full window under the
// current window size and missed more than MinMissedBps of it. Outage groups the
// members over the threshold and calls it high when the group has at least two
// members, at least MinGroupCountBps of the set's members and at least
// MinGroupPowerBps of its power. One sequencer offline alone is never high: it is the
// "low" severity (flagged, earns nothing), which x/slashing handles elsewhere. An
// outage of more than a third of the power halts the chain and leaves no evidence,
// so the group bars are set below a third (defaults: a quarter of the members, a
// fifth of the power).
//
// Because every member of the set records every counted block, the last Window
// records of every member with a full window cover the same heights: the group
// missed in the same window by construction.
//
// # Why a trimming proposer cannot frame anyone
//
// An online validator can be marked absent only in blocks whose proposer leaves its
// vote out. A hostile minority under a third of the power proposes, in CometBFT's
// weighted round robin, its power share of the blocks plus a bounded excess (each
// validator's proposer priority stays within a window of about twice the total
// power, so over any run of consecutive heights it proposes at most its share plus
// about two blocks). So it can make an online validator miss less than a third of
// the window plus about two blocks per hostile member. Params.Validate therefore
// refuses MinMissedBps at or under 3334, and the margin between the threshold and a
// third of the window must cover two blocks for every member of the largest group
// that holds under a third of the power (Params.MaxTrimmers); Outage never returns
// high for a set where it does not, and Params.Sound tells governance the set size
// the window is good for whatever the powers. The property test plays this attack
// against CometBFT's own proposer selection (v0.38); there the bound held with room
// to spare: framing appeared only on windows about a third of the sound length, and
// no single validator ever exceeded its share by as much as two proposals.
//
// Limits, stated so nobody relies on more: the excess bound is per run of
// consecutive counted heights, so each grace pause inside a window (a halt or an
// upgrade, neither of which a minority can cause) can add up to as much again; and
// across a validator-set change the schedule is CometBFT's transient, not the steady
// round robin the bound describes.
//
// # Restarts
//
// After a halt (a block-time gap of at least HaltGap) or an upgrade, validators come
// back one by one. GraceUntil pauses counting for GraceBlocks blocks so the restart
// frames nobody; it pauses, it does not reset (SPEC section 12: missing information
// pauses a clock, never resets it), so misses recorded before the halt still count.
//
// # Keeper contract
//
// Record every member of the H-1 set at every height where Counting holds; reset a
// member's Signing when it joins or leaves the set and after it has been punished;
// store Signing with MarshalBinary, which UnmarshalBinary checks in full.
package downtime
