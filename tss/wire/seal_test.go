package wire

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestSealOpen(t *testing.T) {
	rcpt := fixedKey(t, 2)
	e := sampleP2P(addrOf(rcpt))
	msg := []byte("share for party 2")
	if err := SealFor(&rcpt.PublicKey, e, msg); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(e.Payload, msg) {
		t.Fatal("plaintext visible in payload")
	}
	if err := Sign(e, fixedKey(t, 1)); err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(mustMarshal(t, e))
	if err != nil {
		t.Fatal(err)
	}
	pt, err := Open(rcpt, got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pt, msg) {
		t.Fatalf("got %q", pt)
	}
}

// A ciphertext opens only inside the header it was sealed for: a relay (or a party) that
// moves it into another envelope, even one it signs itself, gets nothing.
func TestCiphertextBoundToHeader(t *testing.T) {
	rcpt := fixedKey(t, 2)
	for name, f := range map[string]func(e *Envelope){
		"chain":     func(e *Envelope) { e.ChainID = "other" },
		"session":   func(e *Envelope) { e.SessionID[0] ^= 1 },
		"round":     func(e *Envelope) { e.Round = "binance.tsslib.ecdsa.signing.SignRound1Message1" },
		"seq":       func(e *Envelope) { e.Seq++ },
		"from":      func(e *Envelope) { e.From = common.Address{7} },
		"from role": func(e *Envelope) { e.FromRole = RoleNew },
		"to role":   func(e *Envelope) { e.ToRole = RoleOld },
	} {
		t.Run(name, func(t *testing.T) {
			e := sampleP2P(addrOf(rcpt))
			if err := SealFor(&rcpt.PublicKey, e, []byte("secret")); err != nil {
				t.Fatal(err)
			}
			f(e)
			if _, err := Open(rcpt, e); !errors.Is(err, ErrDecrypt) {
				t.Fatalf("moved ciphertext: %v", err)
			}
		})
	}
}

func TestSealOpenRejects(t *testing.T) {
	rcpt, other := fixedKey(t, 2), fixedKey(t, 3)
	if err := SealFor(&rcpt.PublicKey, sampleBroadcast(), []byte("x")); !errors.Is(err, ErrNotPointToPoint) {
		t.Fatalf("seal broadcast: %v", err)
	}
	if err := SealFor(&other.PublicKey, sampleP2P(addrOf(rcpt)), []byte("x")); !errors.Is(err, ErrBadKey) {
		t.Fatalf("seal to a key that is not To's: %v", err)
	}
	if err := SealFor(nil, sampleP2P(addrOf(rcpt)), []byte("x")); !errors.Is(err, ErrBadKey) {
		t.Fatalf("seal to nil key: %v", err)
	}
	e := sampleP2P(addrOf(rcpt))
	if err := SealFor(&rcpt.PublicKey, e, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(other, e); !errors.Is(err, ErrBadKey) {
		t.Fatalf("open by another key: %v", err)
	}
	e.Payload[len(e.Payload)-1] ^= 1
	if _, err := Open(rcpt, e); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("flipped MAC bit: %v", err)
	}
	if _, err := Open(rcpt, sampleBroadcast()); !errors.Is(err, ErrNotPointToPoint) {
		t.Fatalf("open broadcast: %v", err)
	}
}

// FuzzOpen: arbitrary ciphertext bytes never panic the decryptor, and nothing but a
// real sealing opens. (Fuzz workers rerun the setup with fresh ECIES randomness, so the
// check is on the plaintext, not on the seed's bytes.)
func FuzzOpen(f *testing.F) {
	rcpt := fixedKey(f, 2)
	e := sampleP2P(addrOf(rcpt))
	if err := SealFor(&rcpt.PublicKey, e, []byte("seed")); err != nil {
		f.Fatal(err)
	}
	f.Add(e.Payload)
	f.Add([]byte{4})
	f.Add([]byte{2, 0, 0})
	f.Add(append([]byte{3}, make([]byte, 120)...))
	f.Fuzz(func(t *testing.T, ct []byte) {
		c := sampleP2P(addrOf(rcpt))
		c.Payload = ct
		if pt, err := Open(rcpt, c); err == nil && string(pt) != "seed" {
			t.Fatalf("forged ciphertext opened to %q", pt)
		}
	})
}
