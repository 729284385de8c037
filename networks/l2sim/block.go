package l2sim

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// Domain tags keep the simulator's synthetic roots apart from each other and from
// anything else that hashes the same bytes.
const (
	stateTag        = "themis/l2sim/state"
	wrongStateTag   = "themis/l2sim/wrong-state"
	txTag           = "themis/l2sim/tx"
	genesisTxTag    = "themis/l2sim/genesis-txs"
	genesisStateTag = "themis/l2sim/genesis-state"
)

// txsPerBlock is how many synthetic transactions each block commits to. The content
// does not matter; it only has to differ between heights and producers so that every
// block, and the two halves of an equivocation, hash differently.
const txsPerBlock = 3

// gasLimit is the gas limit of every header. Nothing is executed, but a header has the
// field; this is the limit geth gives a new chain.
const gasLimit = 30_000_000

// Block is one L2 block: a go-ethereum header and its hash, keccak256(RLP(header)).
// The header carries everything the simulator has to say: miner (Coinbase) is the
// producer's signer address, extraData its seal (x/epoch/types.SealL2Header: the
// producer's sequencer id and signature), Root the state root, TxHash the root of the
// block's synthetic transactions. The fields an executing chain would fill (receipts,
// bloom, gas used, uncles) hold geth's empty values.
//
// The header is never changed once a Block holds it: blocks are shared between the
// store, the RPC server and the sync loop.
type Block struct {
	Header *ethtypes.Header
	Hash   common.Hash
}

// NewBlock makes a block of (a copy of) h.
func NewBlock(h *ethtypes.Header) Block {
	h = ethtypes.CopyHeader(h)
	return Block{Header: h, Hash: h.Hash()}
}

// Height is the block number.
func (b Block) Height() uint64 { return b.Header.Number.Uint64() }

// ParentHash is the hash of the block below.
func (b Block) ParentHash() common.Hash { return b.Header.ParentHash }

// Producer is the miner field: the address the seal must recover to.
func (b Block) Producer() common.Address { return b.Header.Coinbase }

// Time is the timestamp in unix seconds.
func (b Block) Time() uint64 { return b.Header.Time }

// TxRoot is the root of the block's synthetic transactions.
func (b Block) TxRoot() common.Hash { return b.Header.TxHash }

// StateRoot is the state root the block commits to.
func (b Block) StateRoot() common.Hash { return b.Header.Root }

// Seal checks the block's seal and returns the producer it names. It fails (wrapping
// epochtypes.ErrInvalidL2Seal) unless the signature is canonical and recovers to the
// miner; it says nothing about whether that producer was scheduled. The seal's chain id
// is not compared here: a block of another chain cannot extend this one (every chain
// starts from its own genesis hash), and evidence checks use epochtypes.CheckL2Seal.
func (b Block) Seal() (epochtypes.L2Seal, error) { return epochtypes.RecoverL2Seal(b.Header) }

// ProducerID is the sequencer id of a valid seal, 0 when the seal does not verify (an
// unverified claim is not worth reporting).
func (b Block) ProducerID() uint64 {
	s, err := b.Seal()
	if err != nil {
		return 0
	}
	return s.ProducerID
}

// SealBlock signs (a copy of) h, a block of L2 chain chainID, as sequencer producerID
// with key, whose address must be h's coinbase, and makes it a block.
func SealBlock(h *ethtypes.Header, producerID, epochID, chainID uint64, key *ecdsa.PrivateKey) (Block, error) {
	h = ethtypes.CopyHeader(h)
	if err := epochtypes.SealL2Header(h, producerID, epochID, chainID, key); err != nil {
		return Block{}, err
	}
	return NewBlock(h), nil
}

// ChildHeader is the unsealed header of the block after parent.
func ChildHeader(parent Block, producer common.Address, time uint64, txRoot, stateRoot common.Hash) *ethtypes.Header {
	h := emptyHeader(parent.Height() + 1)
	h.ParentHash, h.Coinbase, h.Time, h.TxHash, h.Root = parent.Hash, producer, time, txRoot, stateRoot
	return h
}

// emptyHeader is a header at height with geth's empty values for what is not executed.
func emptyHeader(height uint64) *ethtypes.Header {
	return &ethtypes.Header{
		UncleHash: ethtypes.EmptyUncleHash, ReceiptHash: ethtypes.EmptyReceiptsHash,
		Difficulty: new(big.Int), Number: new(big.Int).SetUint64(height), GasLimit: gasLimit,
	}
}

// Genesis is the fixed block 0 of an L2 chain: no producer, no seal (extraData empty),
// roots derived from the chain id alone, so every node of the same chain starts from
// the same hash and nodes of different chains never link.
func Genesis(chainID uint64) Block {
	h := emptyHeader(0)
	h.TxHash = sha256Of([]byte(genesisTxTag), u64(chainID))
	h.Root = sha256Of([]byte(genesisStateTag), u64(chainID))
	return NewBlock(h)
}

// StateRoot is the correct state root of a block: every node recomputes it from the
// parent's state root and the block's tx root, so a producer that "executes" wrongly
// is caught by everyone.
func StateRoot(parentStateRoot, txRoot common.Hash) common.Hash {
	return sha256Of([]byte(stateTag), parentStateRoot[:], txRoot[:])
}

// wrongStateRoot is what a producer in wrong_result mode commits to instead.
func wrongStateRoot(parentStateRoot, txRoot common.Hash) common.Hash {
	return sha256Of([]byte(wrongStateTag), parentStateRoot[:], txRoot[:])
}

// TxRoot derives the synthetic transactions of a block from its height and producer and
// returns their root. variant 0 is the normal block; an equivocating producer signs a
// second block at the same height with variant 1.
func TxRoot(height uint64, producer common.Address, variant uint8) common.Hash {
	var txs []byte
	for i := range txsPerBlock {
		tx := sha256Of([]byte(txTag), u64(height), producer[:], []byte{variant, byte(i)})
		txs = append(txs, tx[:]...)
	}
	return sha256Of(txs)
}

func sha256Of(parts ...[]byte) common.Hash {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return common.BytesToHash(h.Sum(nil))
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
