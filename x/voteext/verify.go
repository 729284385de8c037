package voteext

import (
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// VerifyVoteExtensionHandler returns the sdk.VerifyVoteExtensionHandler. It is pure:
// no I/O and no state beyond the configured module names, so every honest validator
// gives the same answer for the same bytes. A rejected extension makes CometBFT drop
// the precommit that carries it; an error would halt the node, so there is none.
func (h *Handlers) VerifyVoteExtensionHandler() sdk.VerifyVoteExtensionHandler {
	return func(_ sdk.Context, req *abci.RequestVerifyVoteExtension) (resp *abci.ResponseVerifyVoteExtension, err error) {
		reject := &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_REJECT}
		defer func() {
			if r := recover(); r != nil {
				h.logger.Error("panic verifying vote extension", "height", req.Height, "panic", fmt.Sprint(r))
				resp, err = reject, nil
			}
		}()
		if _, err := DecodeAndCheck(req.VoteExtension, req.Height, h.modules, h.reportChecks); err != nil {
			h.logger.Info("rejecting vote extension", "height", req.Height, "validator", fmt.Sprintf("%X", req.ValidatorAddress), "err", err)
			return reject, nil
		}
		return &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_ACCEPT}, nil
	}
}
