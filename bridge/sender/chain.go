package sender

import (
	"context"

	query "github.com/cosmos/cosmos-sdk/types/query"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// GRPCChain reads x/mpc over the node's gRPC.
type GRPCChain struct{ Query mpctypes.QueryClient }

// SentPoolTxs implements Chain (one in flight by the chain's rule; a page is plenty).
func (c GRPCChain) SentPoolTxs(ctx context.Context) ([]mpctypes.PoolTx, error) {
	res, err := c.Query.PoolTxs(ctx, &mpctypes.QueryPoolTxsRequest{Status: mpctypes.POOL_TX_STATUS_SENT, Pagination: &query.PageRequest{Limit: 16}})
	if err != nil {
		return nil, err
	}
	return res.PoolTxs, nil
}

// Outbound implements Chain.
func (c GRPCChain) Outbound(ctx context.Context) (*mpctypes.QueryOutboundResponse, error) {
	return c.Query.Outbound(ctx, &mpctypes.QueryOutboundRequest{})
}
