package contracts

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// signerProofTag is ThemisStaking.SIGNER_PROOF_TAG: keccak256("ThemisStaking.SignerKeyProof.v1").
var signerProofTag = crypto.Keccak256Hash([]byte("ThemisStaking.SignerKeyProof.v1"))

// SignerProofDigest is ThemisStaking.signerProofDigest: the hash a signer key signs to prove
// that whoever binds it to a sequencer holds it. It covers the L1 chain id and the staking
// contract (no replay on another chain or deployment), the sequencer's owner (a key copied
// from the mempool cannot be locked by another owner), and the sequencer id and nonce the
// change will carry (a lock: the contract's nextSequencerId and nonce 1; a signer update: the
// sequencer's id and its current nonce + 1), so a proof is good for one change only.
func SignerProofDigest(chainID *big.Int, staking, owner common.Address, sequencerID, nonce *big.Int) common.Hash {
	word := func(v *big.Int) []byte { return common.LeftPadBytes(v.Bytes(), 32) }
	return crypto.Keccak256Hash(
		signerProofTag.Bytes(),
		word(chainID),
		common.LeftPadBytes(staking.Bytes(), 32),
		common.LeftPadBytes(owner.Bytes(), 32),
		word(sequencerID),
		word(nonce),
	)
}

// SignSignerProof signs digest with the signer key: 65 bytes r || s || v with v 27 or 28,
// the form the contract's ecrecover takes.
func SignSignerProof(signer *ecdsa.PrivateKey, digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest.Bytes(), signer)
	if err != nil {
		return nil, fmt.Errorf("sign the signer-key proof: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// SignerPubKey64 is the 64-byte public key (no 0x04 prefix) the contract takes for key.
func SignerPubKey64(key *ecdsa.PublicKey) []byte {
	return crypto.FromECDSAPub(key)[1:]
}
