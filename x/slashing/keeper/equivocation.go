package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/slashing/types"
)

// SubmitL2Equivocation implements types.MsgServer. Not implemented yet.
func (k msgServer) SubmitL2Equivocation(ctx context.Context, msg *types.MsgSubmitL2Equivocation) (*types.MsgSubmitL2EquivocationResponse, error) {
	return nil, status.Error(codes.Unimplemented, "L2 equivocation evidence is not implemented yet")
}
