package contracts_test

import (
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
)

// signerKey is a sequencer signer: a secp256k1 key, its 64-byte public key (no 0x04
// prefix) and its address.
type signerKey struct {
	key    *ecdsa.PrivateKey
	pubkey []byte
	addr   common.Address
}

func newSigner(name string) signerKey {
	a := newAccount("signer " + name)
	return signerKey{key: a.key, pubkey: contracts.SignerPubKey64(&a.key.PublicKey), addr: a.addr}
}

// proofFor is s's signature over the proof digest of a change by owner that gives sequencer
// id the nonce, on this chain and staking contract.
func (e *env) proofFor(s signerKey, owner common.Address, id, nonce *big.Int) []byte {
	e.t.Helper()
	digest := contracts.SignerProofDigest(e.chainID, e.deployment.Staking, owner, id, nonce)
	sig, err := contracts.SignSignerProof(s.key, digest)
	require.NoError(e.t, err)
	return sig
}

// lockProof is s's proof for owner's next lock: the next sequencer id, nonce 1.
func (e *env) lockProof(owner account, s signerKey) []byte {
	e.t.Helper()
	return e.proofFor(s, owner.addr, e.nextSequencerID(), big.NewInt(1))
}

// packLock packs a lock by from of amount for signer s, with a valid proof.
func (e *env) packLock(from account, s signerKey, amount *big.Int, recipient common.Address) []byte {
	e.t.Helper()
	return e.staking.PackLock(s.pubkey, amount, recipient, e.lockProof(from, s))
}

// packUpdateSigner packs from's rotation of sequencer id to s, proven for the id's next nonce.
func (e *env) packUpdateSigner(from account, id *big.Int, s signerKey) []byte {
	e.t.Helper()
	next := new(big.Int).Add(e.sequencer(id).Nonce, big.NewInt(1))
	return e.staking.PackUpdateSigner(id, s.pubkey, e.proofFor(s, from.addr, id, next))
}

func (e *env) nextSequencerID() *big.Int {
	e.t.Helper()
	return call(e, e.stakingC, e.staking.PackNextSequencerId(), e.staking.UnpackNextSequencerId)
}
