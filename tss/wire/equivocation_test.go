package wire

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// twoBroadcasts returns two signed encodings for the same slot, the second changed by f.
func twoBroadcasts(t testing.TB, f func(e *Envelope)) ([]byte, []byte) {
	k := fixedKey(t, 1)
	a, b := sampleBroadcast(), sampleBroadcast()
	b.Payload = []byte("a different round one broadcast")
	b.Seq++
	if f != nil {
		f(b)
	}
	for _, e := range []*Envelope{a, b} {
		if e.From == addrOf(k) {
			if err := Sign(e, k); err != nil {
				t.Fatal(err)
			}
		}
	}
	return mustMarshal(t, a), mustMarshal(t, b)
}

func TestVerifyEquivocationProof(t *testing.T) {
	origin := addrOf(fixedKey(t, 1))
	chain := sampleBroadcast().ChainID
	a, b := twoBroadcasts(t, nil)
	p, err := NewEquivocationProof(b, a)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyEquivocationProof(p, chain, origin); err != nil {
		t.Fatalf("valid proof refused: %v", err)
	}
	enc, _ := MarshalEquivocationProof(p)
	back, err := UnmarshalEquivocationProof(enc)
	if err != nil || !bytes.Equal(back.First, p.First) || !bytes.Equal(back.Second, p.Second) {
		t.Fatalf("proof round trip: %v", err)
	}

	proof := func(f func(e *Envelope)) EquivocationProof {
		a, b := twoBroadcasts(t, f)
		p, err := NewEquivocationProof(a, b)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	forged := proof(func(e *Envelope) { e.From = addrOf(fixedKey(t, 2)); _ = Sign(e, fixedKey(t, 2)) })
	unsigned := proof(func(e *Envelope) { e.From = addrOf(fixedKey(t, 1)) })
	unsigned.Second = bytes.Clone(unsigned.Second)
	unsigned.Second[len(unsigned.Second)-2] ^= 1 // breaks the signature
	for _, c := range []struct {
		name   string
		p      EquivocationProof
		chain  string
		origin common.Address
		want   error
	}{
		{"same content, another seq", proof(func(e *Envelope) { e.Payload = sampleBroadcast().Payload }), chain, origin, ErrNotEquivocation},
		{"reversed order", EquivocationProof{First: p.Second, Second: p.First}, chain, origin, ErrNotEquivocation},
		{"other round", proof(func(e *Envelope) { e.Round = "binance.tsslib.ecdsa.keygen.KGRound3Message" }), chain, origin, ErrNotEquivocation},
		{"other session", proof(func(e *Envelope) { e.SessionID[0] ^= 1 }), chain, origin, ErrNotEquivocation},
		{"other role", proof(func(e *Envelope) { e.FromRole = RoleNew }), chain, origin, ErrNotEquivocation},
		{"point to point", proof(func(e *Envelope) { e.To = common.Address{4} }), chain, origin, ErrNotEquivocation},
		{"echo kind", proof(func(e *Envelope) { e.Kind, e.Round = KindEcho, EchoRound }), chain, origin, ErrNotEquivocation},
		{"wrong chain", p, "another-chain", origin, ErrNotEquivocation},
		{"blames another origin", p, chain, common.Address{9}, ErrWrongSigner},
		{"second signed by someone else", forged, chain, origin, ErrWrongSigner},
		{"broken signature", unsigned, chain, origin, nil},
		{"garbage", EquivocationProof{First: []byte{0, 1}, Second: p.Second}, chain, origin, ErrTruncated},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := VerifyEquivocationProof(c.p, c.chain, c.origin)
			if err == nil || (c.want != nil && !errors.Is(err, c.want)) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestUnmarshalEquivocationProofRejects(t *testing.T) {
	a, b := twoBroadcasts(t, nil)
	p, _ := NewEquivocationProof(a, b)
	enc, _ := MarshalEquivocationProof(p)
	for _, c := range []struct {
		name string
		in   []byte
		want error
	}{
		{"truncated", enc[:len(enc)-1], ErrTruncated},
		{"trailing", append(bytes.Clone(enc), 1), ErrTrailingBytes},
		{"huge length", []byte{0xff, 0xff, 0xff, 0xff}, ErrTooLarge},
	} {
		if _, err := UnmarshalEquivocationProof(c.in); !errors.Is(err, c.want) {
			t.Fatalf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func FuzzUnmarshalEquivocationProof(f *testing.F) {
	a, b := twoBroadcasts(f, nil)
	p, _ := NewEquivocationProof(a, b)
	enc, _ := MarshalEquivocationProof(p)
	f.Add(enc)
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0})
	origin := addrOf(fixedKey(f, 1))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := UnmarshalEquivocationProof(in)
		if err != nil {
			return
		}
		again, err := MarshalEquivocationProof(p)
		if err != nil || !bytes.Equal(again, in) {
			t.Fatalf("accepted proof does not re-encode identically (%v)", err)
		}
		_ = VerifyEquivocationProof(p, "themis-localnet-1", origin) // must not panic
	})
}
