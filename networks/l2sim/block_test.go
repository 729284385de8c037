package l2sim

import (
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
)

// childOf is the correct unsealed header after parent by m.
func childOf(parent Block, m Member) *ethtypes.Header {
	tx := TxRoot(parent.Height()+1, m.Signer, 0)
	return ChildHeader(parent, m.Signer, parent.Time()+1, tx, StateRoot(parent.StateRoot(), tx))
}

// signedChild builds a correct block on parent, sealed by k for member m.
func signedChild(t testing.TB, parent Block, m Member, k *ecdsa.PrivateKey) Block {
	t.Helper()
	return mustSeal(t, childOf(parent, m), m.SequencerID, k)
}

func mustSeal(t testing.TB, h *ethtypes.Header, producerID uint64, k *ecdsa.PrivateKey) Block {
	t.Helper()
	b, err := SealBlock(h, producerID, 0, testChainID, k)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edited is b with its header changed by edit after sealing (the seal kept).
func edited(b Block, edit func(h *ethtypes.Header)) Block {
	h := ethtypes.CopyHeader(b.Header)
	edit(h)
	return NewBlock(h)
}

func TestGenesisIsFixedPerChain(t *testing.T) {
	a, b := Genesis(1), Genesis(1)
	if a.Hash != b.Hash || a.Hash != a.Header.Hash() {
		t.Fatal("genesis is not deterministic")
	}
	if Genesis(2).Hash == a.Hash {
		t.Fatal("two chain ids share a genesis")
	}
	if a.Height() != 0 || a.Producer() != (common.Address{}) || len(a.Header.Extra) != 0 || a.ParentHash() != (common.Hash{}) {
		t.Fatalf("genesis fields: %+v", a.Header)
	}
}

// The block is a plain go-ethereum header: what a real L2 serves has the same shape.
func TestBlockIsAnEthereumHeader(t *testing.T) {
	k := testKey(t)
	m := memberOf(3, k)
	b := signedChild(t, Genesis(testChainID), m, k)
	h := b.Header
	if b.Hash != h.Hash() {
		t.Fatal("block hash is not the header's hash")
	}
	if h.UncleHash != ethtypes.EmptyUncleHash || h.ReceiptHash != ethtypes.EmptyReceiptsHash || h.Difficulty.Sign() != 0 ||
		h.GasLimit == 0 || h.GasUsed != 0 || h.Coinbase != m.Signer || len(h.Extra) != epochtypes.L2ExtraLen {
		t.Fatalf("header fields: %+v", h)
	}
	seal, err := epochtypes.RecoverL2Seal(h)
	if err != nil || seal.ProducerID != 3 || seal.Signer != m.Signer {
		t.Fatalf("seal %+v, %v", seal, err)
	}
	if b.ProducerID() != 3 {
		t.Fatalf("ProducerID %d", b.ProducerID())
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

	// Every header field is covered by the seal: changing one after sealing makes it a
	// bad signature (the seal no longer recovers to the miner).
	mutations := map[string]func(*ethtypes.Header){
		"number":     func(h *ethtypes.Header) { h.Number = big.NewInt(2) },
		"parent":     func(h *ethtypes.Header) { h.ParentHash[0] ^= 1 },
		"miner":      func(h *ethtypes.Header) { h.Coinbase[0] ^= 1 },
		"producerID": func(h *ethtypes.Header) { h.Extra[10] ^= 1 },
		"timestamp":  func(h *ethtypes.Header) { h.Time++ },
		"txRoot":     func(h *ethtypes.Header) { h.TxHash[0] ^= 1 },
		"stateRoot":  func(h *ethtypes.Header) { h.Root[0] ^= 1 },
		"gasLimit":   func(h *ethtypes.Header) { h.GasLimit++ },
		"signature":  func(h *ethtypes.Header) { h.Extra[epochtypes.L2VanityLen+3] ^= 1 },
		"no seal":    func(h *ethtypes.Header) { h.Extra = nil },
	}
	for name, mutate := range mutations {
		c := edited(b, mutate)
		if c.Hash == b.Hash {
			t.Errorf("%s changed: same block hash", name)
		}
		if _, err := c.Seal(); !errors.Is(err, epochtypes.ErrInvalidL2Seal) {
			t.Errorf("%s changed: Seal = %v, want ErrInvalidL2Seal", name, err)
		}
	}

	// A block that names the producer as miner but is sealed by another key.
	other := testKey(t)
	h := childOf(g, m)
	h.Coinbase = crypto.PubkeyToAddress(other.PublicKey)
	forged := edited(mustSeal(t, h, 3, other), func(h *ethtypes.Header) { h.Coinbase = m.Signer })
	assertKind(t, VerifyBlock(&forged, &g, p), FaultBadSignature)
}

// The malleated twin of a seal (n - s, flipped v) recovers the same key, but would
// give one block two hashes: it is refused.
func TestMalleatedSealIsRefused(t *testing.T) {
	k := testKey(t)
	m := memberOf(3, k)
	g := Genesis(testChainID)
	b := signedChild(t, g, m, k)
	twin := edited(b, func(h *ethtypes.Header) {
		sig := h.Extra[epochtypes.L2VanityLen:]
		s := new(big.Int).SetBytes(sig[32:64])
		new(big.Int).Sub(crypto.S256().Params().N, s).FillBytes(sig[32:64])
		sig[64] ^= 1
	})
	if twin.Hash == b.Hash {
		t.Fatal("malleation did not change the hash")
	}
	assertKind(t, VerifyBlock(&twin, &g, producerOf(m, 1, 10)), FaultBadSignature)
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
	// The right key sealing in another sequencer's name.
	claimed := mustSeal(t, childOf(g, m), 9, k)
	assertKind(t, VerifyBlock(&claimed, &g, producerOf(m, 1, 10)), FaultWrongProducer)
	// The epoch given does not cover the height.
	assertKind(t, VerifyBlock(&b, &g, producerOf(m, 2, 10)), FaultWrongProducer)

	// Wrong state root, correctly signed.
	wrongHeader := childOf(g, m)
	wrongHeader.Root = wrongStateRoot(g.StateRoot(), wrongHeader.TxHash)
	wrong := mustSeal(t, wrongHeader, 1, k)
	assertKind(t, VerifyBlock(&wrong, &g, producerOf(m, 1, 10)), FaultWrongStateRoot)

	// Correct block 2 on block 1, checked against the wrong parent.
	b2 := signedChild(t, b, m, k)
	assertKind(t, VerifyBlock(&b2, &g, producerOf(m, 1, 10)), FaultBadParent)
	if err := VerifyBlock(&b2, &b, producerOf(m, 1, 10)); err != nil {
		t.Fatalf("block 2 on block 1: %v", err)
	}

	// Older than its parent.
	oldHeader := childOf(b, m)
	oldHeader.Time = b.Time() - 1
	old := mustSeal(t, oldHeader, 1, k)
	assertKind(t, VerifyBlock(&old, &b, producerOf(m, 1, 10)), FaultBadTimestamp)

	// Tampered after signing.
	tampered := edited(b, func(h *ethtypes.Header) { h.TxHash[5] ^= 0xff })
	assertKind(t, VerifyBlock(&tampered, &g, producerOf(m, 1, 10)), FaultBadSignature)
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

func TestSealRefusesForeignKey(t *testing.T) {
	k := testKey(t)
	h := ChildHeader(Genesis(testChainID), common.HexToAddress("0x1234"), 1, common.Hash{}, common.Hash{})
	if _, err := SealBlock(h, 1, 0, testChainID, k); err == nil {
		t.Fatal("sealed a block whose miner is not the key's address")
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
