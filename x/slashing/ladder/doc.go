// Package ladder decides what an offence costs a sequencer: the severity ladder of the
// Metis sequencer-pool governance proposal, as pure functions of the offence, the stake
// and the block time the caller passes in (no keeper, no store, no wall clock, no floats).
// The keeper records the offence and its evidence, calls Decide, and carries the Outcome
// out: a pool-signed slash on L1, a jail, a removal or a ban.
//
//	severity  slash (of the whole lock)  jail          removal
//	low       none                       none          none: flagged in health only
//	medium    1/16                       JailDuration  the MediumStrikesToRemove-th medium removes instead
//	high      1/8                        -             removed (may re-apply through governance)
//	critical  1/4                        -             banned forever, owner and signer
//
// Why each rung is what it is, following the proposal's reasoning:
//   - Low (a slow node) is a configuration problem, not a fault against the pool: the
//     sequencer is told, and earns nothing for the blocks it did not produce (package
//     rewards), which is penalty enough.
//   - Medium (non-production: the producer stalled and a re-election was needed) is what
//     an honest operator's broken node does. The jail takes the node out of the draw for
//     long enough to fix it (5 days by default) and MsgUnjail brings it back. One stall
//     is an accident; the third over the owner's lifetime is a pattern, so it removes the
//     sequencer instead of jailing it again, and only governance can re-admit it.
//   - High (a group near 1/3 of the pool offline together) threatens liveness of the
//     whole chain, whatever the cause: removal at once, re-application through governance.
//   - Critical (a producer signing an execution result that conflicts with the 2/3
//     majority's, or two blocks for one height) cannot be an accident, it is intent: the
//     owner and the signer are banned forever.
//
// The default action of every programmatic detection removes the offender at once; an
// appeal to governance may follow (RevertStrike undoes a medium strike; the slashed tokens
// are refunded from the L1 escrow, which holds them for a year before the treasury).
//
// The severity codes are the L1 staking contract's (slash(id, amount, severity, offenceId)
// with SEVERITY_MEDIUM = 1, HIGH = 2, CRITICAL = 3), and so are the fractions: the
// contract caps a slash at its base / 16, / 8, / 4, and SlashAmount asks for exactly that
// floor, never more.
package ladder
