package types

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/binary"
	"fmt"
	"math/big"

	errorsmod "cosmossdk.io/errors"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// The L2 block seal: how the producer that x/epoch names for an L2 height signs its
// block, in a form any Ethereum-compatible L2 node carries and serves with no new RPC
// method. It is clique's layout (go-ethereum's proof-of-authority engine) with a
// themis vanity and a domain-separated signing hash:
//
//	extraData = vanity (32 bytes) || signature (65 bytes)
//	vanity    = "themis" || version 0x02 || producer's sequencer id (uint64, big endian)
//	            || L2 chain id (uint64, big endian) || epoch id (uint64, big endian)
//	            || 1 zero byte
//	signature = secp256k1 r || s || v over L2SealHash(header), v in {0, 1}, s in the lower half
//	L2SealHash(header) = keccak256("themis/l2-seal/v1" || keccak256(RLP(header with extraData cut to the vanity)))
//
// The signer the signature recovers to must be the header's coinbase ("miner"). The
// chain id in the signed vanity keeps a seal of one L2 (a staging network run with the
// same key, a chain restarted from genesis) from being paired with another's as
// equivocation evidence; the epoch id binds the seal to the schedule it was made under,
// so a producer drawn again over heights of its own cancelled or cut epoch (it rebuilds
// them on the agreed head: the same height, another block) is not an equivocator; the
// domain tag keeps the signed hash from being any block's
// hash or clique's signing hash. The block hash, keccak256(RLP(header)) as go-ethereum
// computes it, covers the seal, so a block hash reported by a validator pins the
// producer's signature too.
const (
	L2VanityLen    = 32
	L2SignatureLen = crypto.SignatureLength
	L2ExtraLen     = L2VanityLen + L2SignatureLen
	l2SealVersion  = 2
)

// l2SealMagic opens the vanity of a sealed block; l2SealDomain prefixes the signed hash.
var (
	l2SealMagic  = []byte("themis")
	l2SealDomain = []byte("themis/l2-seal/v1")
)

// Offsets in the vanity.
const (
	vanityIDAt      = 7  // after the magic and the version
	vanityChainAt   = 15 // after the producer id
	vanityEpochAt   = 23 // after the chain id
	vanityPaddingAt = 31 // after the epoch id
)

// L2Seal is what a sealed header says about its producer.
type L2Seal struct {
	ProducerID uint64         // the sequencer id in the vanity
	ChainID    uint64         // the L2 chain id in the vanity
	EpochID    uint64         // the x/epoch epoch the producer sealed the block for
	Signer     common.Address // the key that signed, equal to the header's coinbase
	Signature  []byte         // r || s || v
}

// L2Vanity is the 32-byte vanity of a block of L2 chain l2ChainID produced by sequencer
// producerID for epoch epochID.
func L2Vanity(producerID, epochID, l2ChainID uint64) []byte {
	v := make([]byte, L2VanityLen)
	copy(v, l2SealMagic)
	v[len(l2SealMagic)] = l2SealVersion
	binary.BigEndian.PutUint64(v[vanityIDAt:], producerID)
	binary.BigEndian.PutUint64(v[vanityChainAt:], l2ChainID)
	binary.BigEndian.PutUint64(v[vanityEpochAt:], epochID)
	return v
}

// L2SealHash is the hash the producer signs: the block hash of the header without the
// signature. extraData must be the vanity alone or the vanity and a signature.
func L2SealHash(h *ethtypes.Header) (common.Hash, error) {
	if len(h.Extra) != L2VanityLen && len(h.Extra) != L2ExtraLen {
		return common.Hash{}, errorsmod.Wrapf(ErrInvalidL2Seal, "extraData is %d bytes; a sealed L2 block has %d (vanity %d + signature %d)",
			len(h.Extra), L2ExtraLen, L2VanityLen, L2SignatureLen)
	}
	unsealed := ethtypes.CopyHeader(h)
	unsealed.Extra = unsealed.Extra[:L2VanityLen]
	blockHash := unsealed.Hash()
	return crypto.Keccak256Hash(l2SealDomain, blockHash[:]), nil
}

// SealL2Header signs h, a block of L2 chain l2ChainID, as sequencer producerID for
// epoch epochID with key: it sets extraData to the vanity and the signature. The
// coinbase must already be key's address.
func SealL2Header(h *ethtypes.Header, producerID, epochID, l2ChainID uint64, key *ecdsa.PrivateKey) error {
	if signer := crypto.PubkeyToAddress(key.PublicKey); signer != h.Coinbase {
		return fmt.Errorf("sealing L2 block %v: the key is %s, the coinbase %s", h.Number, signer, h.Coinbase)
	}
	h.Extra = L2Vanity(producerID, epochID, l2ChainID)
	hash, err := L2SealHash(h)
	if err != nil {
		return err
	}
	sig, err := crypto.Sign(hash[:], key)
	if err != nil {
		return fmt.Errorf("sealing L2 block %v: %w", h.Number, err)
	}
	h.Extra = append(h.Extra, sig...)
	return nil
}

// RecoverL2Seal checks h's seal and returns it. It fails, wrapping ErrInvalidL2Seal,
// unless extraData has the layout above, the signature is canonical and it recovers to
// the coinbase. It does not say whether that producer was scheduled for the height, nor
// which chain is expected: evidence checks use CheckL2Seal.
func RecoverL2Seal(h *ethtypes.Header) (L2Seal, error) {
	hash, err := L2SealHash(h)
	if err != nil {
		return L2Seal{}, err
	}
	if len(h.Extra) != L2ExtraLen {
		return L2Seal{}, errorsmod.Wrapf(ErrInvalidL2Seal, "extraData holds a vanity but no signature")
	}
	vanity, sig := h.Extra[:L2VanityLen], h.Extra[L2VanityLen:]
	if !bytes.HasPrefix(vanity, l2SealMagic) || vanity[len(l2SealMagic)] != l2SealVersion {
		return L2Seal{}, errorsmod.Wrapf(ErrInvalidL2Seal, "the vanity does not open with %q version %d", l2SealMagic, l2SealVersion)
	}
	if !isZero(vanity[vanityPaddingAt:]) {
		return L2Seal{}, errorsmod.Wrapf(ErrInvalidL2Seal, "the vanity's last %d bytes must be zero", L2VanityLen-vanityPaddingAt)
	}
	signer, err := recoverCanonical(hash, sig)
	if err != nil {
		return L2Seal{}, errorsmod.Wrap(ErrInvalidL2Seal, err.Error())
	}
	if signer != h.Coinbase {
		return L2Seal{}, errorsmod.Wrapf(ErrInvalidL2Seal, "signed by %s, the coinbase is %s", signer, h.Coinbase)
	}
	return L2Seal{
		ProducerID: binary.BigEndian.Uint64(vanity[vanityIDAt:vanityChainAt]),
		ChainID:    binary.BigEndian.Uint64(vanity[vanityChainAt:vanityEpochAt]),
		EpochID:    binary.BigEndian.Uint64(vanity[vanityEpochAt:vanityPaddingAt]),
		Signer:     signer,
		Signature:  bytes.Clone(sig),
	}, nil
}

// CheckL2Seal is RecoverL2Seal for a block that must belong to L2 chain l2ChainID: a
// seal of another chain is refused.
func CheckL2Seal(h *ethtypes.Header, l2ChainID uint64) (L2Seal, error) {
	seal, err := RecoverL2Seal(h)
	if err != nil {
		return L2Seal{}, err
	}
	if seal.ChainID != l2ChainID {
		return L2Seal{}, errorsmod.Wrapf(ErrInvalidL2Seal, "sealed for L2 chain %d, want %d", seal.ChainID, l2ChainID)
	}
	return seal, nil
}

// recoverCanonical recovers the signer of hash. Only canonical signatures (v in {0,1},
// low s) are taken: a malleated copy is not a second signature of the producer.
func recoverCanonical(hash common.Hash, sig []byte) (common.Address, error) {
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, s, true) {
		return common.Address{}, fmt.Errorf("signature values out of range (r, s or v)")
	}
	pub, err := crypto.SigToPub(hash[:], sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("signature does not recover: %v", err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

func isZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
