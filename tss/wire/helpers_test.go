package wire

import (
	"crypto/ecdsa"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// fixedKey returns a deterministic key so fuzz seeds and failures reproduce.
func fixedKey(_ testing.TB, n byte) *ecdsa.PrivateKey { return testKey(n) }

func testKey(n byte) *ecdsa.PrivateKey {
	d := make([]byte, 32)
	d[31] = n
	d[0] = 0x11
	k, err := crypto.ToECDSA(d)
	if err != nil {
		panic(err)
	}
	return k
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// sampleBroadcast is a valid unsigned broadcast.
func sampleBroadcast() *Envelope {
	e := &Envelope{
		Version:  Version1,
		ChainID:  "themis-localnet-1",
		Kind:     KindTSS,
		Round:    "binance.tsslib.ecdsa.keygen.KGRound1Message",
		Seq:      7,
		From:     addrOf(testKey(1)), // fixedKey(t, 1) signs the samples
		FromRole: RoleParty,
		Payload:  []byte("round one broadcast"),
	}
	for i := range e.SessionID {
		e.SessionID[i] = byte(i)
	}
	return e
}

// sampleP2P is a valid unsigned point-to-point envelope to `to`.
func sampleP2P(to common.Address) *Envelope {
	e := sampleBroadcast()
	e.Round = "binance.tsslib.ecdsa.keygen.KGRound2Message1"
	e.To = to
	e.ToRole = RoleNew
	e.FromRole = RoleOld
	return e
}

// encodeRaw writes an envelope without validating it, to build inputs the decoder
// must refuse.
func encodeRaw(e *Envelope) []byte {
	return append(appendBody(nil, e), e.Signature[:]...)
}

func mustMarshal(t testing.TB, e *Envelope) []byte {
	t.Helper()
	b, err := Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
