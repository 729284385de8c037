// Package l2sim is a small L2 node for the localnet and tests: blocks are produced only
// by the sequencer themis schedules for their height, signed with that sequencer's
// signer key, synced between the sequencers' nodes and verified by each of them, and
// served over the subset of Ethereum JSON-RPC the bridge reads. It can be switched into
// the faults the chain must detect (stall, equivocation, wrong result).
package l2sim

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// SignatureLen is the length of a go-ethereum secp256k1 signature: r || s || v.
const SignatureLen = 65

// Domain tags keep the hashes of this simulator apart from each other and from
// anything else that hashes the same bytes.
const (
	blockTag        = "themis/l2sim/block/v1"
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

// Block is one L2 block. Hash commits to every field before it; Signature is the
// producer's signature over Hash.
type Block struct {
	Height     uint64
	ParentHash common.Hash
	Producer   common.Address // address of the producer's signer key
	ProducerID uint64         // the producer's sequencer id on themis
	Timestamp  uint64         // unix seconds
	TxRoot     common.Hash
	StateRoot  common.Hash
	Hash       common.Hash
	Signature  []byte
}

// encodedLen is the size of the canonical encoding: tag, then fixed-width fields.
const encodedLen = len(blockTag) + 8 + 32 + 20 + 8 + 8 + 32 + 32

// CanonicalEncoding is the byte string the block hash is taken over. Every field has a
// fixed width, so no two different blocks encode the same way.
func (b *Block) CanonicalEncoding() []byte {
	out := make([]byte, 0, encodedLen)
	out = append(out, blockTag...)
	out = binary.BigEndian.AppendUint64(out, b.Height)
	out = append(out, b.ParentHash[:]...)
	out = append(out, b.Producer[:]...)
	out = binary.BigEndian.AppendUint64(out, b.ProducerID)
	out = binary.BigEndian.AppendUint64(out, b.Timestamp)
	out = append(out, b.TxRoot[:]...)
	out = append(out, b.StateRoot[:]...)
	return out
}

// ComputeHash is keccak256 of the canonical encoding (what Hash must hold).
func (b *Block) ComputeHash() common.Hash {
	return crypto.Keccak256Hash(b.CanonicalEncoding())
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

// Genesis is the fixed block 0 of an L2 chain: no producer, no signature, roots derived
// from the chain id alone, so every node of the same chain starts from the same hash.
func Genesis(chainID uint64) Block {
	g := Block{
		TxRoot:    sha256Of([]byte(genesisTxTag), u64(chainID)),
		StateRoot: sha256Of([]byte(genesisStateTag), u64(chainID)),
		Signature: make([]byte, SignatureLen),
	}
	g.Hash = g.ComputeHash()
	return g
}

// Equal reports whether two blocks are the same block (hash and every field). Two
// signatures over one hash are the same block: they commit to the same content.
func (b *Block) Equal(o *Block) bool {
	return b.Hash == o.Hash && b.ComputeHash() == o.ComputeHash()
}

func sha256Of(parts ...[]byte) common.Hash {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return common.BytesToHash(h.Sum(nil))
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
