package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/x/slashing/types"
)

// Slash implements types.MsgServer (governance's slash). Not implemented yet.
func (k msgServer) Slash(ctx context.Context, msg *types.MsgSlash) (*types.MsgSlashResponse, error) {
	return nil, status.Error(codes.Unimplemented, "governance slash is not implemented yet")
}

// Appeal implements types.MsgServer (governance's appeal). Not implemented yet.
func (k msgServer) Appeal(ctx context.Context, msg *types.MsgAppeal) (*types.MsgAppealResponse, error) {
	return nil, status.Error(codes.Unimplemented, "appeal is not implemented yet")
}
