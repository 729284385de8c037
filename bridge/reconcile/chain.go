package reconcile

import (
	"context"
	"fmt"
	"strconv"

	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	query "github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	slashingtypes "github.com/themis-network/themis/x/slashing/types"
)

// GRPCChain reads x/slashing and x/sequencer over the node's gRPC.
type GRPCChain struct {
	Slashing  slashingtypes.QueryClient
	Sequencer sequencertypes.QueryClient
}

// Actions implements Chain: up to limit actions in status, their total count and the
// height the node answered at.
func (c GRPCChain) Actions(ctx context.Context, status slashingtypes.L1ActionStatus, limit uint64) ([]slashingtypes.L1Action, uint64, int64, error) {
	var header metadata.MD
	res, err := c.Slashing.L1Actions(ctx, &slashingtypes.QueryL1ActionsRequest{Status: status,
		Pagination: &query.PageRequest{Limit: limit, CountTotal: true}}, grpc.Header(&header))
	if err != nil {
		return nil, 0, 0, err
	}
	// The height dates the reading: without it the age of the oldest queued action is
	// unknown, and a reading that cannot be dated is no reading.
	h := header.Get(grpctypes.GRPCBlockHeightHeader)
	if len(h) != 1 {
		return nil, 0, 0, fmt.Errorf("the node's answer has no single %s header (%q)", grpctypes.GRPCBlockHeightHeader, h)
	}
	height, err := strconv.ParseInt(h[0], 10, 64)
	if err != nil || height <= 0 {
		return nil, 0, 0, fmt.Errorf("the node's %s header %q is not a height", grpctypes.GRPCBlockHeightHeader, h[0])
	}
	total := uint64(len(res.Actions))
	if res.Pagination != nil && res.Pagination.Total > total {
		total = res.Pagination.Total
	}
	return res.Actions, total, height, nil
}

// ReserveLow implements Chain.
func (c GRPCChain) ReserveLow(ctx context.Context) (bool, error) {
	res, err := c.Slashing.RewardState(ctx, &slashingtypes.QueryRewardStateRequest{})
	if err != nil {
		return false, err
	}
	return res.ReserveLow, nil
}

// AdminPending implements Chain.
func (c GRPCChain) AdminPending(ctx context.Context) ([]string, error) {
	res, err := c.Sequencer.L1Admin(ctx, &sequencertypes.QueryL1AdminRequest{})
	if err != nil {
		return nil, err
	}
	return res.Pending, nil
}
