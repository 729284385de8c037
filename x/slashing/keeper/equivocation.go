package keeper

import (
	"context"
	"fmt"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// L2SealRecoverGas is charged per header for its seal's public-key recovery, as
// x/auth charges a secp256k1 signature check.
const L2SealRecoverGas = 1000

// L2Equivocation is checked evidence: the producer the chain scheduled for an L2
// height sealed two different blocks at it.
type L2Equivocation struct {
	SequencerID uint64
	Height      uint64
	EpochID     uint64
	// HashA and HashB are the two block hashes, as submitted.
	HashA, HashB common.Hash
}

// Evidence is the offence to judge: critical, which bans the owner and the signer.
func (e L2Equivocation) Evidence() Evidence {
	return Evidence{
		Class: types.OFFENCE_CLASS_L2_EQUIVOCATION, Severity: types.SEVERITY_CRITICAL, SequencerID: e.SequencerID,
		Text: fmt.Sprintf("sequencer %d, scheduled by epoch %d, sealed two different L2 blocks at height %d: %s and %s",
			e.SequencerID, e.EpochID, e.Height, e.HashA.Hex(), e.HashB.Hex()),
		Ref: types.L2EvidenceRef(types.EvidenceRefL2Equivocation, e.SequencerID, e.Height),
	}
}

// SubmitL2Equivocation implements types.MsgServer: anyone's evidence that the producer
// the chain scheduled for an L2 height sealed two different blocks at it. The evidence
// is checked on chain from the headers alone (CheckL2Equivocation); the offence is
// judged critical (1/4 of the whole lock, owner and signer banned) in this block, and
// each (producer, epoch) once.
func (k msgServer) SubmitL2Equivocation(ctx context.Context, msg *types.MsgSubmitL2Equivocation) (*types.MsgSubmitL2EquivocationResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	eq, err := k.CheckL2Equivocation(ctx, msg.HeaderA, msg.HeaderB)
	if err != nil {
		return nil, err
	}
	o, err := k.Judge(ctx, eq.Evidence())
	if err != nil {
		return nil, err
	}
	if err := k.Equivocations.Set(ctx, collections.Join(eq.SequencerID, eq.EpochID)); err != nil {
		return nil, err
	}
	if err := k.L2Forfeits.Set(ctx, collections.Join(eq.SequencerID, eq.EpochID), o.Id); err != nil {
		return nil, err
	}
	k.Logger(ctx).Info("L2 equivocation judged", "offence", o.Id, "sequencer", eq.SequencerID, "l2_height", eq.Height,
		"submitter", msg.Submitter)
	return &types.MsgSubmitL2EquivocationResponse{OffenceId: o.Id}, nil
}

// CheckL2Equivocation verifies two RLP headers as equivocation evidence, without
// writing anything. In order, each refusal with its own error:
//   - x/epoch's l2_chain_id is set (ErrNoL2ChainID);
//   - each header decodes strictly (DecodeL2Header: bounded, canonical, no trailing
//     bytes);
//   - both are of one height (ErrL2HeightMismatch) and are different blocks: their block
//     hashes differ, and so do their seal hashes, the blocks without the signatures
//     (ErrSameL2Block: one block re-signed is not two blocks);
//   - each seal is valid (x/epoch's RecoverL2Seal: layout, canonical low-s signature
//     recovering to the coinbase) and for this chain's L2 (ErrL2ChainMismatch), which
//     is CheckL2Seal with the chain id refused under its own code;
//   - both seals name one producer (ErrL2ProducerMismatch);
//   - the live schedule has an epoch for the height (ErrNoL2Epoch), its producer is the
//     seals' (ErrNotScheduledProducer), and its recorded signer is the key that signed
//     both (ErrNotScheduledSigner);
//   - (producer, epoch) was not judged before (ErrAlreadyJudged).
//
// The signer that counts is the epoch's: the key the producer was elected with, which
// the L2 nodes check seals against for the epoch's heights. A signer changed on L1
// later does not clear the old key's seals of the epoch, and a new key's seals were
// never the schedule's.
func (k Keeper) CheckL2Equivocation(ctx context.Context, headerA, headerB []byte) (L2Equivocation, error) {
	l2ChainID, err := k.epochs.L2ChainID(ctx)
	if err != nil {
		return L2Equivocation{}, err
	}
	if l2ChainID == 0 {
		return L2Equivocation{}, errorsmod.Wrap(types.ErrNoL2ChainID, "x/epoch's l2_chain_id is 0: no L2 evidence is accepted")
	}
	a, err := types.DecodeL2Header(headerA)
	if err != nil {
		return L2Equivocation{}, errorsmod.Wrap(err, "header_a")
	}
	b, err := types.DecodeL2Header(headerB)
	if err != nil {
		return L2Equivocation{}, errorsmod.Wrap(err, "header_b")
	}
	height := a.Number.Uint64()
	if b.Number.Uint64() != height {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrL2HeightMismatch, "header_a is of L2 height %d, header_b of %d", height, b.Number.Uint64())
	}
	hashA, hashB := a.Hash(), b.Hash()
	if hashA == hashB {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrSameL2Block, "both headers are block %s", hashA.Hex())
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(2*L2SealRecoverGas, "L2 seal recovery")
	sealA, err := checkSeal("header_a", a, l2ChainID)
	if err != nil {
		return L2Equivocation{}, err
	}
	sealB, err := checkSeal("header_b", b, l2ChainID)
	if err != nil {
		return L2Equivocation{}, err
	}
	same, err := sameSealedContent(a, b)
	if err != nil {
		return L2Equivocation{}, err
	}
	if same {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrSameL2Block,
			"blocks %s and %s differ only in their signatures: one block signed twice", hashA.Hex(), hashB.Hex())
	}
	if sealA.ProducerID != sealB.ProducerID {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrL2ProducerMismatch, "header_a is sealed by producer %d, header_b by %d",
			sealA.ProducerID, sealB.ProducerID)
	}
	epoch, ok, err := k.epochs.EpochAt(ctx, height)
	if err != nil {
		return L2Equivocation{}, err
	}
	if !ok {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrNoL2Epoch, "L2 height %d", height)
	}
	if epoch.ProducerId != sealA.ProducerID {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrNotScheduledProducer, "L2 height %d is epoch %d's, produced by sequencer %d; the seals name %d",
			height, epoch.Id, epoch.ProducerId, sealA.ProducerID)
	}
	for _, s := range []struct {
		name string
		seal epochtypes.L2Seal
	}{{"header_a", sealA}, {"header_b", sealB}} {
		if !strings.EqualFold(s.seal.Signer.Hex(), epoch.Signer) {
			return L2Equivocation{}, errorsmod.Wrapf(types.ErrNotScheduledSigner, "%s is signed by %s; epoch %d's producer %d signs with %s",
				s.name, strings.ToLower(s.seal.Signer.Hex()), epoch.Id, epoch.ProducerId, epoch.Signer)
		}
		// The seal names the epoch it was made for. A producer drawn again over heights
		// of its own cancelled or cut epoch rebuilds them on the agreed head: the old
		// block of that height was sealed for the old epoch and is no equivocation.
		if s.seal.EpochID != epoch.Id {
			return L2Equivocation{}, errorsmod.Wrapf(types.ErrL2EpochMismatch, "%s is sealed for epoch %d; L2 height %d is epoch %d's",
				s.name, s.seal.EpochID, height, epoch.Id)
		}
	}
	// One charge per producer and epoch: a producer that forks many heights of one
	// epoch is one offence (critical bans it at the first), not a quarter of what is
	// left once per height.
	judged, err := k.Equivocations.Has(ctx, collections.Join(epoch.ProducerId, epoch.Id))
	if err != nil {
		return L2Equivocation{}, err
	}
	if judged {
		return L2Equivocation{}, errorsmod.Wrapf(types.ErrAlreadyJudged, "sequencer %d's equivocation in epoch %d (L2 height %d)", epoch.ProducerId, epoch.Id, height)
	}
	return L2Equivocation{SequencerID: epoch.ProducerId, Height: height, EpochID: epoch.Id, HashA: hashA, HashB: hashB}, nil
}

// checkSeal recovers h's seal and requires it to be for chain l2ChainID.
func checkSeal(name string, h *ethtypes.Header, l2ChainID uint64) (epochtypes.L2Seal, error) {
	seal, err := epochtypes.RecoverL2Seal(h)
	if err != nil {
		why := strings.TrimSuffix(err.Error(), ": "+epochtypes.ErrInvalidL2Seal.Error())
		return epochtypes.L2Seal{}, errorsmod.Wrapf(types.ErrInvalidL2Seal, "%s: %s", name, why)
	}
	if seal.ChainID != l2ChainID {
		return epochtypes.L2Seal{}, errorsmod.Wrapf(types.ErrL2ChainMismatch, "%s is sealed for L2 chain %d, this chain's L2 is %d",
			name, seal.ChainID, l2ChainID)
	}
	return seal, nil
}

// sameSealedContent reports whether a and b are one block under two signatures: their
// seal hashes (the blocks without the signatures) are equal.
func sameSealedContent(a, b *ethtypes.Header) (bool, error) {
	ha, err := epochtypes.L2SealHash(a)
	if err != nil {
		return false, errorsmod.Wrap(types.ErrInvalidL2Seal, err.Error())
	}
	hb, err := epochtypes.L2SealHash(b)
	if err != nil {
		return false, errorsmod.Wrap(types.ErrInvalidL2Seal, err.Error())
	}
	return ha == hb, nil
}
