package l2

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// MerkleRoot is the Merkle tree hash of RFC 6962 (Certificate Transparency) over leaves,
// with keccak256: a leaf hashes as keccak256(0x00 || leaf), an inner node as
// keccak256(0x01 || left || right), and a list of n > 1 splits at the largest power of
// two below n. The prefixes keep a leaf from passing for an inner node; the split makes
// every list, of any length, its own tree without padding. The empty list's root is
// keccak256 of nothing.
func MerkleRoot(leaves []common.Hash) common.Hash {
	switch len(leaves) {
	case 0:
		return crypto.Keccak256Hash()
	case 1:
		return crypto.Keccak256Hash([]byte{0x00}, leaves[0][:])
	}
	k := 1
	for k*2 < len(leaves) {
		k *= 2
	}
	left, right := MerkleRoot(leaves[:k]), MerkleRoot(leaves[k:])
	return crypto.Keccak256Hash([]byte{0x01}, left[:], right[:])
}
