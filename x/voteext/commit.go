package voteext

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/secp256k1"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	protoio "github.com/cosmos/gogoproto/io"
)

// DecodeInjectedCommit decodes the first tx of a block as the extended commit the
// proposer injected. Like vote extensions it must be canonical, so a proposer cannot
// pad the block with bytes that decode to the same commit.
func DecodeInjectedCommit(tx []byte) (abci.ExtendedCommitInfo, error) {
	var ec abci.ExtendedCommitInfo
	if err := ec.Unmarshal(tx); err != nil {
		return abci.ExtendedCommitInfo{}, errorsmod.Wrap(ErrMissingCommit, err.Error())
	}
	again, err := ec.Marshal()
	if err != nil {
		return abci.ExtendedCommitInfo{}, errorsmod.Wrap(ErrMissingCommit, err.Error())
	}
	if !bytes.Equal(again, tx) {
		return abci.ExtendedCommitInfo{}, errorsmod.Wrap(ErrNonCanonical, "injected extended commit")
	}
	return ec, nil
}

// ExtensionSignBytes are the bytes a validator signed for its extension of height in
// round: the length-delimited CanonicalVoteExtension, exactly as CometBFT builds them.
func ExtensionSignBytes(chainID string, height int64, round int32, extension []byte) ([]byte, error) {
	cve := cmtproto.CanonicalVoteExtension{
		Extension: extension,
		Height:    height,
		Round:     int64(round),
		ChainId:   chainID,
	}
	var buf bytes.Buffer
	if err := protoio.NewDelimitedWriter(&buf).WriteMsg(&cve); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// checkCommit checks the injected extended commit ec of height-1, proposed at height,
// against last (the block's own last commit, from CometBFT) and against set (the
// chain's record of the validators of height-1), and returns the ballots to tally.
//
// Completeness: ec must list the very votes of last, in the same order, with the same
// address, power and flag, and the same round. So a proposer can neither drop the
// extensions it dislikes nor add any: the commit of height-1 is fixed by consensus.
//
// Authenticity: with verifySigs, every committing vote's extension signature must
// verify against the key the chain recorded for that address, never a key or power
// the proposer supplies. PreBlock skips the signatures (ProcessProposal checked them on
// validators holding more than 2/3 of the power before the block could commit), but
// repeats every structural check so a bad block can never be tallied.
func (h *Handlers) checkCommit(chainID string, height int64, tx []byte, last abci.CommitInfo, set ValidatorSet, verifySigs bool) ([]Ballot, error) {
	ec, err := DecodeInjectedCommit(tx)
	if err != nil {
		return nil, err
	}
	if ec.Round != last.Round {
		return nil, errorsmod.Wrapf(ErrCommitMismatch, "round %d, last commit round %d", ec.Round, last.Round)
	}
	if len(ec.Votes) != len(last.Votes) {
		return nil, errorsmod.Wrapf(ErrCommitMismatch, "%d votes, last commit has %d", len(ec.Votes), len(last.Votes))
	}
	idx, err := indexSet(set)
	if err != nil {
		return nil, err
	}
	extHeight := height - 1
	seen := make([]bool, len(set.Validators))
	ballots := make([]Ballot, 0, len(ec.Votes))
	for i, v := range ec.Votes {
		lv := last.Votes[i]
		addr := v.Validator.Address
		if !bytes.Equal(addr, lv.Validator.Address) {
			return nil, errorsmod.Wrapf(ErrCommitMismatch, "vote %d: address %X, last commit has %X", i, addr, lv.Validator.Address)
		}
		if v.Validator.Power != lv.Validator.Power {
			return nil, errorsmod.Wrapf(ErrCommitMismatch, "vote %d: power %d, last commit has %d", i, v.Validator.Power, lv.Validator.Power)
		}
		if v.BlockIdFlag != lv.BlockIdFlag {
			return nil, errorsmod.Wrapf(ErrCommitMismatch, "vote %d: flag %s, last commit has %s", i, v.BlockIdFlag, lv.BlockIdFlag)
		}
		vi, ok := idx[string(addr)]
		if !ok {
			return nil, errorsmod.Wrapf(ErrUnknownValidator, "vote %d: %X", i, addr)
		}
		if seen[vi] {
			return nil, errorsmod.Wrapf(ErrCommitMismatch, "vote %d: %X votes twice", i, addr)
		}
		seen[vi] = true

		if v.BlockIdFlag != cmtproto.BlockIDFlagCommit {
			// Only precommits for the block carry extensions (CometBFT's rule too).
			if len(v.VoteExtension) != 0 || len(v.ExtensionSignature) != 0 {
				return nil, errorsmod.Wrapf(ErrUnexpectedExtension, "vote %d: %X, flag %s", i, addr, v.BlockIdFlag)
			}
			continue
		}
		ext, err := DecodeAndCheck(v.VoteExtension, extHeight, h.modules, h.reportChecks)
		if err != nil {
			return nil, errorsmod.Wrapf(err, "vote %d: %X", i, addr)
		}
		if len(v.ExtensionSignature) == 0 {
			return nil, errorsmod.Wrapf(ErrBadSignature, "vote %d: %X: no signature", i, addr)
		}
		if verifySigs {
			pub := set.Validators[vi].PubKey
			if len(pub) != secp256k1.PubKeySize {
				return nil, errorsmod.Wrapf(ErrBadValidatorSet, "validator %X: public key of %d bytes", addr, len(pub))
			}
			msg, err := ExtensionSignBytes(chainID, extHeight, ec.Round, v.VoteExtension)
			if err != nil {
				return nil, errorsmod.Wrapf(ErrBadSignature, "vote %d: sign bytes: %v", i, err)
			}
			if !secp256k1.PubKey(pub).VerifySignature(msg, v.ExtensionSignature) {
				return nil, errorsmod.Wrapf(ErrBadSignature, "vote %d: %X", i, addr)
			}
		}
		ballots = append(ballots, Ballot{ConsAddress: addr, Extension: ext})
	}
	return ballots, nil
}
