package wire

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func sampleEcho() Echo {
	return Echo{Origin: common.Address{3}, Role: RoleOld, Round: "binance.tsslib.ecdsa.resharing.DGRound1Message", Hash: [32]byte{1, 2, 3}}
}

func TestEchoRoundTrip(t *testing.T) {
	b, err := MarshalEcho(sampleEcho())
	if err != nil {
		t.Fatal(err)
	}
	got, err := UnmarshalEcho(b)
	if err != nil {
		t.Fatal(err)
	}
	if got != sampleEcho() {
		t.Fatalf("got %+v", got)
	}
}

func TestUnmarshalEchoRejects(t *testing.T) {
	good, _ := MarshalEcho(sampleEcho())
	raw := func(f func(m *Echo)) []byte {
		m := sampleEcho()
		f(&m)
		b := append(m.Origin[:], m.Role)
		b = appendStr8(b, m.Round)
		return append(b, m.Hash[:]...)
	}
	for _, c := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrBadEcho},
		{"truncated", good[:len(good)-1], ErrTruncated},
		{"trailing", append(bytes.Clone(good), 0), ErrBadEcho},
		{"zero origin", raw(func(m *Echo) { m.Origin = common.Address{} }), ErrBadEcho},
		{"role 3", raw(func(m *Echo) { m.Role = 3 }), ErrUnknownRole},
		{"empty round", raw(func(m *Echo) { m.Round = "" }), ErrBadRound},
		{"long round", raw(func(m *Echo) { m.Round = strings.Repeat("r", MaxRoundLen+1) }), ErrBadEcho},
		{"echo of an echo", raw(func(m *Echo) { m.Round = EchoRound }), ErrBadEcho},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := UnmarshalEcho(c.in); !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestContentDigestIgnoresSeqAndSignatureOnly(t *testing.T) {
	a := sampleBroadcast()
	base, _ := ContentDigest(a)
	b := sampleBroadcast()
	b.Seq += 100
	b.Signature[0] = 9
	if d, _ := ContentDigest(b); d != base {
		t.Fatal("seq or signature changed the content digest")
	}
	c := sampleBroadcast()
	c.Payload = []byte("something else")
	if d, _ := ContentDigest(c); d == base {
		t.Fatal("payload did not change the content digest")
	}
	if s, _ := SigningDigest(a); s == base {
		t.Fatal("content and signing digests share a domain")
	}
}

func FuzzUnmarshalEcho(f *testing.F) {
	good, _ := MarshalEcho(sampleEcho())
	f.Add(good)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := UnmarshalEcho(b)
		if err != nil {
			return
		}
		again, err := MarshalEcho(m)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("accepted echo does not re-encode identically (%v)", err)
		}
	})
}
