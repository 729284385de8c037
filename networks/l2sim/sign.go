package l2sim

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Errors of signature checks; the sync loop maps them onto fault kinds.
var (
	ErrBadHash      = errors.New("block hash does not match its contents")
	ErrBadSignature = errors.New("block signature is not the producer's")
)

// Seal fills in the hash of b and signs it with key. The producer field must already
// hold key's address: the signature is checked against it.
func Seal(b *Block, key *ecdsa.PrivateKey) error {
	if got := crypto.PubkeyToAddress(key.PublicKey); got != b.Producer {
		return fmt.Errorf("sealing block %d: key is %s, producer field is %s", b.Height, got, b.Producer)
	}
	b.Hash = b.ComputeHash()
	sig, err := crypto.Sign(b.Hash[:], key)
	if err != nil {
		return fmt.Errorf("sealing block %d: %w", b.Height, err)
	}
	b.Signature = sig
	return nil
}

// CheckSeal checks that the hash recomputes and that the signature recovers to the
// producer field. It says nothing about whether that producer was scheduled.
func CheckSeal(b *Block) error {
	if b.ComputeHash() != b.Hash {
		return ErrBadHash
	}
	signer, err := RecoverSigner(b.Hash, b.Signature)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	if signer != b.Producer {
		return fmt.Errorf("%w: signed by %s, producer field is %s", ErrBadSignature, signer, b.Producer)
	}
	return nil
}

// RecoverSigner returns the address that signed hash. Only canonical signatures are
// accepted (v in {0,1}, low s): a malleated copy of a signature is not a second
// signature, and rejecting it keeps one encoding per signed block.
func RecoverSigner(hash common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != SignatureLen {
		return common.Address{}, fmt.Errorf("signature is %d bytes, want %d", len(sig), SignatureLen)
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, s, true) {
		return common.Address{}, errors.New("signature values out of range (r, s or v)")
	}
	pub, err := crypto.SigToPub(hash[:], sig)
	if err != nil {
		return common.Address{}, err
	}
	return crypto.PubkeyToAddress(*pub), nil
}
