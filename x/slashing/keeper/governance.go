package keeper

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// Governance's slash (seed 000, "Undefined Severity"): a slash of a severity governance
// chose, for what no program detects (a sandwich attack, say), judged on the same
// ladder as every other offence.

// Slash implements types.MsgServer: governance's slash of a sequencer, MEDIUM, HIGH or
// CRITICAL, with the evidence governance found. It is judged like any other offence
// (Keeper.Judge, class GOVERNANCE): the ladder's slash, jail, removal or ban, and the
// owner's strike on a medium.
func (k msgServer) Slash(ctx context.Context, msg *types.MsgSlash) (*types.MsgSlashResponse, error) {
	if err := k.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	switch msg.Severity {
	case types.SEVERITY_MEDIUM, types.SEVERITY_HIGH, types.SEVERITY_CRITICAL:
	default:
		return nil, errorsmod.Wrapf(types.ErrInvalidSeverity,
			"%s: governance slashes MEDIUM, HIGH or CRITICAL (LOW slashes nothing and needs no proposal)", msg.Severity)
	}
	if err := checkText(msg.Evidence, "evidence"); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidEvidence, err.Error())
	}
	if _, err := k.sequencers.GetSequencer(ctx, msg.SequencerId); err != nil {
		if errors.Is(err, sequencertypes.ErrSequencerNotFound) {
			return nil, errorsmod.Wrapf(types.ErrSequencerNotFound, "sequencer %d", msg.SequencerId)
		}
		return nil, err
	}
	o, err := k.Judge(ctx, Evidence{
		Class: types.OFFENCE_CLASS_GOVERNANCE, Severity: msg.Severity, SequencerID: msg.SequencerId,
		Text: msg.Evidence, Ref: govRef(sdk.UnwrapSDKContext(ctx).BlockHeight(), msg.Evidence),
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgSlashResponse{OffenceId: o.Id}, nil
}

// govRef names a governance slash's evidence: the height of the decision and the
// first 8 bytes of the evidence text's SHA-256 ("gov/120/1f2e3d4c5b6a7988").
func govRef(height int64, evidence string) string {
	sum := sha256.Sum256([]byte(evidence))
	return fmt.Sprintf("gov/%d/%x", height, sum[:8])
}

// checkText accepts a non-blank UTF-8 text of at most types.MaxTextLen bytes.
func checkText(text, what string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return fmt.Errorf("%s is required", what)
	case len(text) > types.MaxTextLen:
		return fmt.Errorf("%s is %d bytes, at most %d", what, len(text), types.MaxTextLen)
	case !utf8.ValidString(text):
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	return nil
}

// Appeal implements types.MsgServer (governance's appeal). Not implemented yet.
func (k msgServer) Appeal(ctx context.Context, msg *types.MsgAppeal) (*types.MsgAppealResponse, error) {
	return nil, status.Error(codes.Unimplemented, "appeal is not implemented yet")
}
