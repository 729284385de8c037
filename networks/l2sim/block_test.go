package l2sim

import (
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// signedChild builds a correct block on parent, sealed by k for member m.
func signedChild(t testing.TB, parent Block, m Member, k *ecdsa.PrivateKey) Block {
	t.Helper()
	b := Block{
		Height: parent.Height + 1, ParentHash: parent.Hash, Producer: m.Signer, ProducerID: m.SequencerID,
		Timestamp: parent.Timestamp + 1, TxRoot: TxRoot(parent.Height+1, m.Signer, 0),
	}
	b.StateRoot = StateRoot(parent.StateRoot, b.TxRoot)
	if err := Seal(&b, k); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGenesisIsFixedPerChain(t *testing.T) {
	a, b := Genesis(1), Genesis(1)
	if a.Hash != b.Hash || a.Hash != a.ComputeHash() {
		t.Fatal("genesis is not deterministic")
	}
	if Genesis(2).Hash == a.Hash {
		t.Fatal("two chain ids share a genesis")
	}
	if a.Height != 0 || a.Producer != (common.Address{}) || len(a.Signature) != SignatureLen {
		t.Fatalf("genesis fields: %+v", a)
	}
}

func TestSealAndVerifyRoundTrip(t *testing.T) {
	k := testKey(t)
	m := memberOf(3, k)
	g := Genesis(testChainID)
	b := signedChild(t, g, m, k)
	p := producerOf(m, 1, 10)
	if err := VerifyBlock(&b, &g, p); err != nil {
		t.Fatalf("a correct block fails: %v", err)
	}
	signer, err := RecoverSigner(b.Hash, b.Signature)
	if err != nil || signer != m.Signer {
		t.Fatalf("recovered %s, %v; want %s", signer, err, m.Signer)
	}

	// Every field the hash covers is covered: changing one breaks the seal.
	mutations := map[string]func(*Block){
		"height":     func(b *Block) { b.Height++ },
		"parent":     func(b *Block) { b.ParentHash[0] ^= 1 },
		"producer":   func(b *Block) { b.Producer[0] ^= 1 },
		"producerID": func(b *Block) { b.ProducerID++ },
		"timestamp":  func(b *Block) { b.Timestamp++ },
		"txRoot":     func(b *Block) { b.TxRoot[0] ^= 1 },
		"stateRoot":  func(b *Block) { b.StateRoot[0] ^= 1 },
	}
	for name, mutate := range mutations {
		c := b
		mutate(&c)
		if err := CheckSeal(&c); !errors.Is(err, ErrBadHash) {
			t.Errorf("%s changed: CheckSeal = %v, want ErrBadHash", name, err)
		}
	}

	// A block re-hashed and signed by someone else is not the producer's.
	other := testKey(t)
	forged := b
	forged.Signature, _ = crypto.Sign(forged.Hash[:], other)
	assertKind(t, VerifyBlock(&forged, &g, p), FaultBadSignature)
}

func TestVerifyBlockKinds(t *testing.T) {
	k, k2 := testKey(t), testKey(t)
	m, m2 := memberOf(1, k), memberOf(2, k2)
	g := Genesis(testChainID)
	b := signedChild(t, g, m, k)

	// Signed correctly, but the schedule names someone else.
	assertKind(t, VerifyBlock(&b, &g, producerOf(m2, 1, 10)), FaultWrongProducer)
	// Right signer, wrong sequencer id.
	assertKind(t, VerifyBlock(&b, &g, Producer{SequencerID: 9, Signer: m.Signer, StartHeight: 1, EndHeight: 10}), FaultWrongProducer)
	// The epoch given does not cover the height.
	assertKind(t, VerifyBlock(&b, &g, producerOf(m, 2, 10)), FaultWrongProducer)

	// Wrong state root, correctly signed.
	wrong := b
	wrong.StateRoot = wrongStateRoot(g.StateRoot, wrong.TxRoot)
	if err := Seal(&wrong, k); err != nil {
		t.Fatal(err)
	}
	assertKind(t, VerifyBlock(&wrong, &g, producerOf(m, 1, 10)), FaultWrongStateRoot)

	// Correct block 2 on block 1, checked against the wrong parent.
	b2 := signedChild(t, b, m, k)
	assertKind(t, VerifyBlock(&b2, &g, producerOf(m, 1, 10)), FaultBadParent)
	if err := VerifyBlock(&b2, &b, producerOf(m, 1, 10)); err != nil {
		t.Fatalf("block 2 on block 1: %v", err)
	}

	// Older than its parent.
	old := signedChild(t, b, m, k)
	old.Timestamp = b.Timestamp - 1
	if err := Seal(&old, k); err != nil {
		t.Fatal(err)
	}
	assertKind(t, VerifyBlock(&old, &b, producerOf(m, 1, 10)), FaultBadTimestamp)

	// Tampered after signing.
	tampered := b
	tampered.TxRoot[5] ^= 0xff
	assertKind(t, VerifyBlock(&tampered, &g, producerOf(m, 1, 10)), FaultBadHash)
}

func TestStateRootIsRecomputable(t *testing.T) {
	parent := common.HexToHash("0x01")
	tx := TxRoot(5, common.HexToAddress("0x02"), 0)
	if StateRoot(parent, tx) != StateRoot(parent, tx) {
		t.Fatal("state root not deterministic")
	}
	if StateRoot(parent, tx) == wrongStateRoot(parent, tx) {
		t.Fatal("the wrong result equals the right one")
	}
	if TxRoot(5, common.Address{}, 0) == TxRoot(5, common.Address{}, 1) || TxRoot(5, common.Address{}, 0) == TxRoot(6, common.Address{}, 0) {
		t.Fatal("tx roots do not differ by variant and height")
	}
}

func TestRecoverSignerRejectsNonCanonical(t *testing.T) {
	k := testKey(t)
	hash := crypto.Keccak256Hash([]byte("x"))
	sig, err := crypto.Sign(hash[:], k)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RecoverSigner(hash, sig[:64]); err == nil {
		t.Error("64-byte signature accepted")
	}
	badV := append([]byte{}, sig...)
	badV[64] = 27
	if _, err := RecoverSigner(hash, badV); err == nil {
		t.Error("v = 27 accepted")
	}
	// The malleated twin (n - s, flipped v) recovers the same key but is not canonical.
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	high := append([]byte{}, sig...)
	new(big.Int).Sub(n, s).FillBytes(high[32:64])
	high[64] ^= 1
	if _, err := RecoverSigner(hash, high); err == nil {
		t.Error("high-s signature accepted")
	}
	if _, err := RecoverSigner(hash, make([]byte, SignatureLen)); err == nil {
		t.Error("zero signature accepted")
	}
}

func TestSealRefusesForeignKey(t *testing.T) {
	k := testKey(t)
	b := Block{Height: 1, Producer: common.HexToAddress("0x1234")}
	if err := Seal(&b, k); err == nil {
		t.Fatal("sealed a block whose producer field is not the key's address")
	}
}

func assertKind(t *testing.T, err error, want FaultKind) {
	t.Helper()
	var verr *VerifyError
	if !errors.As(err, &verr) {
		t.Fatalf("got %v, want a %s VerifyError", err, want)
	}
	if verr.Kind != want {
		t.Fatalf("got kind %s (%v), want %s", verr.Kind, verr.Err, want)
	}
}
