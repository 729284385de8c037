package session

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"testing"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// TestKeygenSignReshareSign is the life of a pool key: keygen by 4, a 3-of-4
// signature, a resharing to 5 dealt by t+1 = 3 old parties, a 4-of-5 signature
// with the new shares under the same public key.
func TestKeygenSignReshareSign(t *testing.T) {
	if testing.Short() {
		t.Skip("runs tss-lib keygen and resharing (about a minute on two cores)")
	}
	parties := addrs(5)
	old := parties[:4]
	plans, inputs := keygenPlans(1, old, 2, 1)
	outs := runAll(t, newHub(), plans, inputs)
	mustSucceed(t, outs)
	pub := outs[0].res.PublicKey
	shares := map[common.Address]*keygen.LocalPartySaveData{}
	for _, o := range outs {
		if !bytes.Equal(o.res.PublicKey, pub) {
			t.Fatalf("parties disagree on the public key")
		}
		shares[o.addr] = o.res.Share
	}

	digest := sha256.Sum256([]byte("batch 1"))
	sp, si := signPlans(2, old[1:], 2, 1, digest, shares)
	souts := runAll(t, newHub(), sp, si)
	mustSucceed(t, souts)
	for _, o := range souts {
		checkSignature(t, digest, o.res.Signature, pub)
	}

	// Resharing 4 -> 5: dealers are t+1 = 3 old parties; the new committee is all 5.
	dealers := old[:3]
	var rplans []Plan
	var rin []Inputs
	for i, a := range parties {
		p := Plan{ID: [32]byte{3}, Kind: KindReshare, Self: a, Generation: 1, OldParties: dealers, OldThreshold: 2,
			NewParties: parties, NewThreshold: 3, NewGeneration: 2, RoundTimeout: 90 * time.Second}
		in := Inputs{Preparams: tssfixtures.MustPreparams(5 + i)}
		if contains(dealers, a) {
			in.Share = shares[a]
		}
		rplans, rin = append(rplans, p), append(rin, in)
	}
	routs := runAll(t, newHub(), rplans, rin)
	mustSucceed(t, routs)
	newShares := map[common.Address]*keygen.LocalPartySaveData{}
	for _, o := range routs {
		if !bytes.Equal(o.res.PublicKey, pub) {
			t.Fatalf("resharing changed the public key")
		}
		if o.res.Share == nil {
			t.Fatalf("new party %s ended without a share", o.addr.Hex())
		}
		newShares[o.addr] = o.res.Share
	}
	// The dealers' old shares are intact: the engine signs with them until the chain
	// confirms the new generation.
	if shares[dealers[0]].Xi.Sign() == 0 {
		t.Fatalf("the library zeroed the caller's old share")
	}

	digest2 := sha256.Sum256([]byte("batch 2"))
	sp2, si2 := signPlans(4, parties[1:], 3, 2, digest2, newShares)
	souts2 := runAll(t, newHub(), sp2, si2)
	mustSucceed(t, souts2)
	checkSignature(t, digest2, souts2[0].res.Signature, pub)

	// An old share cannot sign in the new generation's committee.
	stale, staleIn := signPlans(5, parties[:4], 3, 2, digest2, shares)
	if _, err := New(stale[0], hubNet{h: newHub(), self: stale[0].Self}, staleIn[0]); !errors.Is(err, ErrMissingInput) {
		t.Fatalf("a share of generation 1 for generation 2: got %v", err)
	}
}
