// Package voteext is the chain's one path for outside facts (SPEC section 4).
//
// Modules register "side transactions": messages a relayer puts on chain that must
// not take effect until more than 2/3 of the pool's power has checked them against
// its own view of the world (an L1 node, an L2 node, ...). The flow, per height H:
//
//	ExtendVote(H)        each validator reads the pending items of committed state and
//	                     the relays block H carries (skipping what block H resolves),
//	                     and asks its module observers for a verdict, within a budget.
//	VerifyVoteExtension  pure: decodes strictly, checks height, limits, duplicates.
//	PrepareProposal(H+1) the proposer injects the extended commit of H as the first tx.
//	ProcessProposal(H+1) pure: the injected commit must match the block's last commit
//	                     exactly (no dropped or added votes) and every extension
//	                     signature must verify against the chain's own validator record.
//	PreBlock(H+1)        tallies verdicts by the power recorded for H and resolves each
//	                     item with more than 2/3 YES (apply) or at least 1/3 NO (reject),
//	                     each in its own cache context so nothing is half-applied, and
//	                     tells the queue of each item judged without a decision.
package voteext

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/voteext/types"
)

// Validator is one member of the validator set the chain recorded for a height.
type Validator struct {
	// ConsAddress is the 20-byte CometBFT address.
	ConsAddress []byte
	// PubKey is the 33-byte compressed secp256k1 consensus key.
	PubKey []byte
	Power  int64
}

// ValidatorSet is the chain's own record of who signed a height and with what power.
type ValidatorSet struct {
	Validators []Validator
	TotalPower int64
}

// ValidatorSetProvider gives the validator set that signed (and extended votes for) a height.
// It must come from the chain's state, never from what a proposer supplies.
type ValidatorSetProvider interface {
	ValidatorSetAt(ctx context.Context, height int64) (ValidatorSet, error)
}

// SideTx is one item of a module's queue, pending or relayed by the block being voted.
type SideTx struct {
	// ID is the item's queue id, for logs; 0 for an item the block being voted on
	// relays (it has no id yet). Verdicts name an item by its digest alone.
	ID uint64
	// Digest is sha256 of the item's content; verdicts name the item by it.
	Digest []byte
	// Msg is the decoded message the observer checks.
	Msg sdk.Msg
}

// Outcome is what the tally decided for one item.
type Outcome int

const (
	// OutcomeApproved: more than 2/3 of the recorded power voted YES.
	OutcomeApproved Outcome = iota + 1
	// OutcomeRejected: at least 1/3 of the recorded power voted NO, so YES can never pass.
	OutcomeRejected
)

// VoteRound is what ExtendVote(H) knows of the block H it votes on, beyond the
// committed state of H-1 it reads: the messages block H carries, and which items
// block H's PreBlock is about to resolve (the tally of H-1's votes, which block H
// carries). With both, each item is voted on once, in the first vote that can see it.
type VoteRound struct {
	Height int64
	// Incoming are the messages of block H's transactions, in block order. The
	// queue's relays among them are queued when block H executes; the queue may offer
	// them now, named by digest.
	Incoming []sdk.Msg
	// deciding holds the (module, digest) of the items block H's PreBlock resolves.
	deciding map[itemID]struct{}
}

// Deciding reports whether block H's PreBlock resolves the item: voting on it again
// would only waste a slot of the window.
func (r VoteRound) Deciding(module string, digest []byte) bool {
	_, ok := r.deciding[itemID{module: module, digest: string(digest)}]
	return ok
}

// SideTxQueue is the deterministic, on-chain side of a module's side transactions.
type SideTxQueue interface {
	// Module names the queue in verdicts (e.g. "sequencer").
	Module() string
	// Pending returns up to limit items to vote on in round, in the order to vote
	// them: the queue decides what can be judged now and shares the window fairly
	// between whoever filled it. It must skip items round.Deciding reports.
	Pending(ctx context.Context, limit int, round VoteRound) ([]SideTx, error)
	// Resolve carries out a decided outcome for the item with digest. An unknown
	// digest is a no-op (the item was already resolved, expired, or never queued). It
	// runs in a cache context that is written only if it returns nil.
	Resolve(ctx sdk.Context, digest []byte, outcome Outcome) error
	// Undecided records that validators holding more than 2/3 of the power judged the
	// item in one vote without reaching either threshold, so the queue can drop what
	// nobody can judge. Same rules as Resolve.
	Undecided(ctx sdk.Context, digest []byte) error
}

// SideTxObserver is the off-chain side: it judges an item against the outside world.
// It is called only from ExtendVote, with a deadline in ctx; it must return
// VERDICT_UNSPECIFIED when it cannot tell (not enough confirmations, node unreachable).
type SideTxObserver interface {
	Observe(ctx context.Context, chain sdk.Context, item SideTx) types.Verdict
}

// Reporter is the on-chain side of a module that takes one report from every validator
// in every vote extension: an observation that is not a verdict on a queue item (its
// L2 head, its readiness, a seed reveal). Both methods are deterministic.
type Reporter interface {
	// Module names the report in extensions (e.g. "epoch").
	Module() string
	// CheckReport is the module's strict, pure check of one payload. A failing payload
	// makes the whole extension invalid, as any other malformed part would.
	CheckReport(payload []byte) error
	// ApplyReports runs in PreBlock(H+1) with the reports of the extended commit of
	// H: one entry per validator of the recorded set of H, in the set's order, with a
	// nil Payload when the validator's vote did not commit or carried no report. It
	// runs in a cache context that is written only if it returns nil.
	ApplyReports(ctx sdk.Context, height int64, set ValidatorSet, reports []ValidatorReport) error
}

// ValidatorReport is one validator's report payload, with its recorded power and key.
type ValidatorReport struct {
	Validator Validator
	Payload   []byte
}

// ReportSource is the off-chain side: what this validator reports for a module. It is
// called from ExtendVote and must not block on I/O (read a cache kept fresh by a
// background watcher); a nil payload means nothing to report.
type ReportSource interface {
	Report(ctx context.Context, chain sdk.Context, height int64) ([]byte, error)
}
