package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
)

// secp256k1's field prime and group order.
var (
	fieldP, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16)
	curveN, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16)
)

// recoverSigner is what the contract's ecrecover yields for a well-formed proof over digest.
func recoverSigner(t *testing.T, digest common.Hash, proof []byte) common.Address {
	t.Helper()
	sig := append([]byte(nil), proof...)
	sig[64] -= 27
	pub, err := crypto.SigToPub(digest.Bytes(), sig)
	require.NoError(t, err)
	return crypto.PubkeyToAddress(*pub)
}

// sendReverting mines calldata from `from` with a fixed gas limit (no estimation, as a
// front-runner copying a mempool transaction would) and requires it to revert on chain.
func (e *env) sendReverting(from account, calldata []byte) *types.Receipt {
	e.t.Helper()
	opts := e.opts(from)
	opts.GasLimit = 1_000_000
	tx, err := bind.Transact(e.stakingC, opts, calldata)
	require.NoError(e.t, err)
	receipt := e.receipt(tx)
	require.Equal(e.t, types.ReceiptStatusFailed, receipt.Status, "expected an on-chain revert")
	return receipt
}

// Audit point 4: the proof binds the owner, so a whitelisted front-runner who copies the
// victim's pubkey and proof out of the mempool into its own lock is refused, and the key
// is not burned: the victim's lock still goes through.
func TestFrontRunnerCannotStealSignerKey(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	victim := newSigner("victim")
	e.approve(e.alice, testMinLock)
	e.approve(e.bob, testMinLock)
	victimProof := e.lockProof(e.alice, victim)
	victimLock := s.PackLock(victim.pubkey, testMinLock, e.alice.addr, victimProof)

	copied := s.PackLock(victim.pubkey, testMinLock, e.bob.addr, victimProof)
	bobDigest := contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.bob.addr, big.NewInt(1), big.NewInt(1))
	e.expectStakingRevert(e.bob, copied, &staking.ThemisStakingInvalidSignerProof{
		ExpectedSigner: victim.addr, Recovered: recoverSigner(t, bobDigest, victimProof),
	})
	// Mined ahead of the victim, the copy reverts on chain.
	e.sendReverting(e.bob, copied)
	require.False(t, call(e, e.stakingC, s.PackSignerUsed(victim.addr), s.UnpackSignerUsed), "the key is not burned")
	require.Equal(t, big.NewInt(1), e.nextSequencerID())

	receipt := e.send(e.alice, e.stakingC, victimLock)
	requireEvent(t, receipt, s.UnpackLockedEvent, staking.ThemisStakingLocked{
		SequencerId: big.NewInt(1), Owner: e.alice.addr, Signer: victim.addr, Pubkey: victim.pubkey,
		Amount: testMinLock, RewardRecipient: e.alice.addr, Nonce: big.NewInt(1),
	})
	require.Zero(t, call(e, e.stakingC, s.PackSequencerOf(e.bob.addr), s.UnpackSequencerOf).Sign())

	// Copying a proof into a signer update fails the same way.
	bobID, _ := e.lock(e.bob, newSigner("b"), testMinLock)
	a2 := newSigner("a2")
	aliceUpdate := e.proofFor(a2, e.alice.addr, bobID, big.NewInt(2))
	bobUpdateDigest := contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.bob.addr, bobID, big.NewInt(2))
	e.expectStakingRevert(e.bob, s.PackUpdateSigner(bobID, a2.pubkey, aliceUpdate), &staking.ThemisStakingInvalidSignerProof{
		ExpectedSigner: a2.addr, Recovered: recoverSigner(t, bobUpdateDigest, aliceUpdate),
	})
}

// Audit point 4: a proof is good for one change only: another sequencer id, nonce, chain or
// contract does not verify, and neither does a replay after the nonce moved on.
func TestSignerProofForAnotherChangeIsRejected(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a := newSigner("a")
	e.approve(e.alice, testMinLock)
	next := e.nextSequencerID()
	want := contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.alice.addr, next, big.NewInt(1))
	wrongLock := func(chainID *big.Int, contract common.Address, id, nonce *big.Int) {
		t.Helper()
		proof, err := contracts.SignSignerProof(a.key, contracts.SignerProofDigest(chainID, contract, e.alice.addr, id, nonce))
		require.NoError(t, err)
		e.expectStakingRevert(e.alice, s.PackLock(a.pubkey, testMinLock, e.alice.addr, proof), &staking.ThemisStakingInvalidSignerProof{
			ExpectedSigner: a.addr, Recovered: recoverSigner(t, want, proof),
		})
	}
	one := big.NewInt(1)
	wrongLock(e.chainID, e.deployment.Staking, new(big.Int).Add(next, one), one)           // a later id
	wrongLock(e.chainID, e.deployment.Staking, next, big.NewInt(2))                        // another nonce
	wrongLock(new(big.Int).Add(e.chainID, one), e.deployment.Staking, next, one)           // another chain
	wrongLock(e.chainID, e.deployment.BatchInbox, next, one)                               // another contract
	wrongLock(e.chainID, e.deployment.Staking, new(big.Int).Sub(next, one), big.NewInt(0)) // nothing right
	id, _ := e.lock(e.alice, a, testMinLock)

	// A signer update must be proven for the sequencer's next nonce and its own id.
	a2 := newSigner("a2")
	bobID, _ := e.lock(e.bob, newSigner("b"), testMinLock)
	wantUpdate := contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.alice.addr, id, big.NewInt(2))
	for _, proof := range [][]byte{
		e.proofFor(a2, e.alice.addr, id, big.NewInt(1)),    // the current nonce, not the next
		e.proofFor(a2, e.alice.addr, id, big.NewInt(3)),    // one too far
		e.proofFor(a2, e.alice.addr, bobID, big.NewInt(2)), // another sequencer
	} {
		e.expectStakingRevert(e.alice, s.PackUpdateSigner(id, a2.pubkey, proof), &staking.ThemisStakingInvalidSignerProof{
			ExpectedSigner: a2.addr, Recovered: recoverSigner(t, wantUpdate, proof),
		})
	}
	update := e.packUpdateSigner(e.alice, id, a2)
	e.send(e.alice, e.stakingC, update)
	// Replaying the update: the nonce has moved on, so the proof no longer verifies.
	replayed := e.proofFor(a2, e.alice.addr, id, big.NewInt(2))
	e.expectStakingRevert(e.alice, update, &staking.ThemisStakingInvalidSignerProof{
		ExpectedSigner: a2.addr,
		Recovered:      recoverSigner(t, contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.alice.addr, id, big.NewInt(3)), replayed),
	})
}

// Audit point 4: a malformed proof recovers nobody (the zero address), whatever ecrecover
// itself would make of it; v may be 0/1 as well as 27/28.
func TestMalformedSignerProofIsRejected(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a := newSigner("a")
	e.approve(e.alice, testMinLock)
	good := e.lockProof(e.alice, a)
	with := func(f func(p []byte) []byte) []byte { return f(append([]byte(nil), good...)) }

	highS := with(func(p []byte) []byte {
		sValue := new(big.Int).SetBytes(p[32:64])
		copy(p[32:64], common.LeftPadBytes(new(big.Int).Sub(curveN, sValue).Bytes(), 32))
		p[64] = 27 + 28 - p[64] // the other parity: the same signer under plain ecrecover
		return p
	})
	digest := contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.alice.addr, e.nextSequencerID(), big.NewInt(1))
	require.Equal(t, a.addr, recoverSigner(t, digest, highS), "ecrecover alone would accept the high-s twin")
	for name, proof := range map[string][]byte{
		"empty":    nil,
		"64 bytes": good[:64],
		"66 bytes": append(append([]byte(nil), good...), 0),
		"high s":   highS,
		"v 29":     with(func(p []byte) []byte { p[64] = 29; return p }),
		"v 26":     with(func(p []byte) []byte { p[64] = 26; return p }),
		"v 2":      with(func(p []byte) []byte { p[64] = 2; return p }),
		"zero r":   with(func(p []byte) []byte { copy(p[:32], make([]byte, 32)); return p }),
	} {
		t.Run(name, func(t *testing.T) {
			e.in(t).expectStakingRevert(e.alice, s.PackLock(a.pubkey, testMinLock, e.alice.addr, proof),
				&staking.ThemisStakingInvalidSignerProof{ExpectedSigner: a.addr, Recovered: common.Address{}})
		})
	}

	// The 0/1 form of v is the same signature.
	zeroV := with(func(p []byte) []byte { p[64] -= 27; return p })
	e.send(e.alice, e.stakingC, s.PackLock(a.pubkey, testMinLock, e.alice.addr, zeroV))
}

// Audit point 4: the pubkey must be a 64-byte point on secp256k1, checked before the proof.
func TestOffCurvePubkeyIsRejected(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	a := newSigner("a")
	proof := e.lockProof(e.alice, a)
	point := func(x, y *big.Int) []byte {
		return append(common.LeftPadBytes(x.Bytes(), 32), common.LeftPadBytes(y.Bytes(), 32)...)
	}
	ax, ay := new(big.Int).SetBytes(a.pubkey[:32]), new(big.Int).SetBytes(a.pubkey[32:])
	// A curve point with a small x, so that x + p still fits 32 bytes: reduced modulo p it
	// would pass the curve equation, so only the range check refuses it.
	sx, sy := smallCurvePoint(t)
	for name, pubkey := range map[string][]byte{
		"zero":        make([]byte, 64),
		"(1, 1)":      point(big.NewInt(1), big.NewInt(1)),
		"y + 1":       point(ax, new(big.Int).Add(ay, big.NewInt(1))),
		"x unreduced": point(new(big.Int).Add(sx, fieldP), sy),
		"y = p":       point(ax, fieldP),
		"x all ones":  point(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)), ay),
	} {
		t.Run(name, func(t *testing.T) {
			e.in(t).expectStakingRevert(e.alice, s.PackLock(pubkey, testMinLock, e.alice.addr, proof), &staking.ThemisStakingPubkeyNotOnCurve{})
		})
	}
	for _, n := range []int{0, 33, 63, 65, 128} {
		e.expectStakingRevert(e.alice, s.PackLock(make([]byte, n), testMinLock, e.alice.addr, proof),
			&staking.ThemisStakingInvalidPubkeyLength{Length: big.NewInt(int64(n))})
	}
	// The 65-byte form with its 0x04 prefix is refused too: the contract takes 64 bytes.
	prefixed := append([]byte{4}, a.pubkey...)
	e.expectStakingRevert(e.alice, s.PackLock(prefixed, testMinLock, e.alice.addr, proof),
		&staking.ThemisStakingInvalidPubkeyLength{Length: big.NewInt(65)})

	// The same checks guard a signer update.
	id, _ := e.lock(e.alice, a, testMinLock)
	e.expectStakingRevert(e.alice, s.PackUpdateSigner(id, point(big.NewInt(1), big.NewInt(1)), proof), &staking.ThemisStakingPubkeyNotOnCurve{})
	e.expectStakingRevert(e.alice, s.PackUpdateSigner(id, prefixed, proof), &staking.ThemisStakingInvalidPubkeyLength{Length: big.NewInt(65)})
}

// smallCurvePoint returns the secp256k1 point with the smallest positive x.
func smallCurvePoint(t *testing.T) (x, y *big.Int) {
	t.Helper()
	for i := int64(1); i < 100; i++ {
		x = big.NewInt(i)
		rhs := new(big.Int).Add(new(big.Int).Exp(x, big.NewInt(3), fieldP), big.NewInt(7))
		if y = new(big.Int).ModSqrt(rhs.Mod(rhs, fieldP), fieldP); y != nil {
			require.Less(t, new(big.Int).Add(x, fieldP).BitLen(), 257)
			return x, y
		}
	}
	t.Fatal("no small curve point")
	return nil, nil
}

// contracts.SignerProofDigest, which operators sign with, is the contract's digest.
func TestSignerProofDigestMatchesContract(t *testing.T) {
	e := newEnv(t)
	s := e.staking
	maxUint := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for _, in := range []struct {
		owner     common.Address
		id, nonce *big.Int
	}{
		{e.alice.addr, big.NewInt(1), big.NewInt(1)},
		{e.bob.addr, big.NewInt(2), big.NewInt(7)},
		{common.Address{}, big.NewInt(0), big.NewInt(0)},
		{common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"), maxUint, new(big.Int).Lsh(big.NewInt(1), 255)},
	} {
		got := call(e, e.stakingC, s.PackSignerProofDigest(in.owner, in.id, in.nonce), s.UnpackSignerProofDigest)
		require.Equal(t, contracts.SignerProofDigest(e.chainID, e.deployment.Staking, in.owner, in.id, in.nonce), common.Hash(got))
	}
	// And it depends on the contract: another deployment has other digests.
	require.NotEqual(t, contracts.SignerProofDigest(e.chainID, e.deployment.Staking, e.alice.addr, big.NewInt(1), big.NewInt(1)),
		contracts.SignerProofDigest(e.chainID, e.deployment.BatchInbox, e.alice.addr, big.NewInt(1), big.NewInt(1)))
}
