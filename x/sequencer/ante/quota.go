package ante

import (
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// QuotaStoreKey names the transient store of the per-sender counts of fee-free relay
// transactions. A transient store is emptied at every commit, so the counts are per
// block in block execution and in a proposal's checks (which start from the committed
// state), and per mempool in CheckTx: after a commit CometBFT re-checks every waiting
// transaction, which counts them again.
const QuotaStoreKey = "transient_free_relays"

// FreeRelayQuota is the ante decorator that bounds one sender's fee-free relay
// transactions: at most FreeTxsPerBlock in a block (block execution, PrepareProposal,
// ProcessProposal) and at most FreeTxsInMempool in a node's mempool (CheckTx). Paying
// transactions are not counted. Simulation is not counted either: it changes nothing.
type FreeRelayQuota struct {
	policy   Policy
	relayers Relayers
	counts   collections.Map[[]byte, uint64]
}

// NewFreeRelayQuota keeps its counts in the transient store that tss opens.
func NewFreeRelayQuota(p Policy, k Relayers, tss store.TransientStoreService) FreeRelayQuota {
	sb := collections.NewSchemaBuilderFromAccessor(tss.OpenTransientStore)
	return FreeRelayQuota{
		policy:   p,
		relayers: k,
		counts:   collections.NewMap(sb, collections.NewPrefix(0), "free_relays", collections.BytesKey, collections.Uint64Value),
	}
}

// AnteHandle counts the transaction against its sender's bound, or refuses it.
func (q FreeRelayQuota) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if simulate {
		return next(ctx, tx, simulate)
	}
	sender, free, err := q.policy.FreeRelaySender(ctx, q.relayers, tx)
	if err != nil {
		return ctx, err
	}
	if !free {
		return next(ctx, tx, simulate)
	}
	limit, scope := q.policy.FreeTxsPerBlock, "this block"
	if ctx.IsCheckTx() {
		limit, scope = q.policy.FreeTxsInMempool, "this node's mempool"
	}
	n, err := q.counts.Get(ctx, sender)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return ctx, err
	}
	if n >= limit {
		return ctx, errorsmod.Wrapf(types.ErrFreeRelayQuota,
			"%s already has %d fee-free relay transactions in %s (limit %d): wait for the next block, or pay a fee",
			sdk.AccAddress(sender), n, scope, limit)
	}
	if err := q.counts.Set(ctx, sender, n+1); err != nil {
		return ctx, err
	}
	return next(ctx, tx, simulate)
}
