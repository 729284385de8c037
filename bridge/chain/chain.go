// Package chain is the bridge's read side of the themis chain: x/sequencer queries over
// gRPC.
package chain

import (
	"context"
	"encoding/hex"

	query "github.com/cosmos/cosmos-sdk/types/query"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// pageLimit is the page size for listing pending events.
const pageLimit = 500

// Client answers the processor's questions (processor.Chain) and the bridge's start-up
// questions.
type Client struct {
	Query seqtypes.QueryClient
}

// EventApplied tells whether the L1 log was applied.
func (c Client) EventApplied(ctx context.Context, ref seqtypes.L1EventRef) (bool, error) {
	res, err := c.Query.EventApplied(ctx, &seqtypes.QueryEventAppliedRequest{TxHash: ref.TxHash, LogIndex: ref.LogIndex})
	if err != nil {
		return false, err
	}
	return res.Applied, nil
}

// PendingEvents returns the queue keys (seqtypes.PendingKey: the content's digest) of
// every relayed event that waits for the pool's vote, whoever relayed it.
func (c Client) PendingEvents(ctx context.Context) (map[string]bool, error) {
	out := map[string]bool{}
	var next []byte
	for {
		res, err := c.Query.PendingEvents(ctx, &seqtypes.QueryPendingEventsRequest{Pagination: &query.PageRequest{Key: next, Limit: pageLimit}})
		if err != nil {
			return nil, err
		}
		for _, p := range res.Events {
			out[hex.EncodeToString(p.Digest)] = true
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return out, nil
		}
		next = res.Pagination.NextKey
	}
}

// Ping checks that the chain answers.
func (c Client) Ping(ctx context.Context) error {
	_, err := c.Params(ctx)
	return err
}

// Params returns x/sequencer's parameters.
func (c Client) Params(ctx context.Context) (seqtypes.Params, error) {
	res, err := c.Query.Params(ctx, &seqtypes.QueryParamsRequest{})
	if err != nil {
		return seqtypes.Params{}, err
	}
	return res.Params, nil
}

// SequencerBySigner returns the sequencer whose signer is the 0x L1 address.
func (c Client) SequencerBySigner(ctx context.Context, signer string) (seqtypes.Sequencer, error) {
	res, err := c.Query.SequencerBySigner(ctx, &seqtypes.QuerySequencerBySignerRequest{Signer: signer})
	if err != nil {
		return seqtypes.Sequencer{}, err
	}
	return res.Sequencer, nil
}
