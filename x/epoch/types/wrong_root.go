package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
)

// Wrong-state-root evidence: a validator's report may carry one L2 block its L2 node
// refused for a wrong state root (Report.rejected_header, the RLP of the sealed
// header). When validators with more than 2/3 of the recorded power reported the same
// block (height and header hash), sealed by the producer the live schedule names for
// its height, the producer is charged OFFENCE_KIND_WRONG_STATE_ROOT. Blocks are told
// apart by their seal hash (what the producer signed), so the same content signed twice
// is one block to the tally.
const (
	// MaxRejectedHeaderBytes bounds a reported header. A go-ethereum header with every
	// fork field up to Prague and the 97-byte seal is under 800 bytes; the bound leaves
	// room for a few more fields and keeps a full report under x/voteext's 2 KiB
	// MaxReportBytes (TestMaxReportFitsTheExtension).
	MaxRejectedHeaderBytes = 1536
	// WrongRootWindow: a rejected header is taken only for an L2 height within this
	// many blocks of the agreed head (either side), and a tally is dropped once the
	// agreed head is more than this far past its height. A producer's refused block is
	// the one above the honest head, so it is always near it.
	WrongRootWindow = 256
	// WrongRootMaxAge: a tally that has not convicted this many themis blocks after its
	// first report is dropped (with 1 s blocks, ten minutes; honest L2 nodes refuse the
	// same block within seconds of each other).
	WrongRootMaxAge = 600
	// MaxWrongRootVotesPerValidator bounds the open tallies one validator is counted
	// in; further reports of new blocks by it are ignored until some of its tallies
	// convict or are dropped. With it, the tally state is at most this many entries per
	// validator of the set, whatever a byzantine validator reports.
	MaxWrongRootVotesPerValidator = 8
	// MaxL2ChainID is EIP-2294's bound on chain ids (the largest one an EIP-155
	// signature's v still carries in 64 bits).
	MaxL2ChainID = uint64(1<<63-1)/2 - 36
)

// RejectedHeader is a decoded, checked rejected header.
type RejectedHeader struct {
	Header *ethtypes.Header
	// Hash is the block hash: keccak256 of the RLP, which is the header's canonical
	// encoding (go-ethereum's Header.Hash).
	Hash common.Hash
	// SealHash is what the producer signed (L2SealHash): the same for the same content
	// signed twice. Tallies are keyed by it.
	SealHash common.Hash
	Seal     L2Seal
}

// Height is the block's L2 height.
func (r RejectedHeader) Height() uint64 { return r.Header.Number.Uint64() }

// DecodeRejectedHeader decodes a reported header strictly and statelessly: at most
// MaxRejectedHeaderBytes, exactly one RLP value that decodes as a go-ethereum header
// (no trailing bytes), canonical (encoding it again gives the same bytes, so a block has
// one encoding and its hash is keccak256 of the bytes), a height above 0 that fits 64
// bits, and a valid L2 seal (RecoverL2Seal: signed by its coinbase, canonical
// signature). Whether the seal names the scheduled producer and the right chain is
// checked on chain (state).
func DecodeRejectedHeader(bz []byte) (RejectedHeader, error) {
	if len(bz) == 0 {
		return RejectedHeader{}, errorsmod.Wrap(ErrInvalidReport, "rejected_header is empty")
	}
	if len(bz) > MaxRejectedHeaderBytes {
		return RejectedHeader{}, errorsmod.Wrapf(ErrInvalidReport, "rejected_header of %d bytes > %d", len(bz), MaxRejectedHeaderBytes)
	}
	var h ethtypes.Header
	if err := rlp.DecodeBytes(bz, &h); err != nil { // refuses trailing bytes
		return RejectedHeader{}, errorsmod.Wrapf(ErrInvalidReport, "rejected_header: %v", err)
	}
	again, err := rlp.EncodeToBytes(&h)
	if err != nil {
		return RejectedHeader{}, errorsmod.Wrapf(ErrInvalidReport, "rejected_header: %v", err)
	}
	if !bytes.Equal(again, bz) {
		return RejectedHeader{}, errorsmod.Wrap(ErrInvalidReport, "rejected_header is not the canonical RLP of its header")
	}
	if h.Number == nil || !h.Number.IsUint64() || h.Number.Sign() <= 0 {
		return RejectedHeader{}, errorsmod.Wrap(ErrInvalidReport, "rejected_header: height must be in [1, 2^64)")
	}
	seal, err := RecoverL2Seal(&h)
	if err != nil {
		return RejectedHeader{}, errorsmod.Wrapf(ErrInvalidReport, "rejected_header: %v", err)
	}
	sealHash, err := L2SealHash(&h)
	if err != nil { // RecoverL2Seal checked the layout already
		return RejectedHeader{}, errorsmod.Wrapf(ErrInvalidReport, "rejected_header: %v", err)
	}
	return RejectedHeader{Header: &h, Hash: crypto.Keccak256Hash(bz), SealHash: sealHash, Seal: seal}, nil
}
