package wire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestMarshalRoundTrip(t *testing.T) {
	long := sampleBroadcast()
	long.ChainID = strings.Repeat("c", MaxChainIDLen)
	long.Round = strings.Repeat("r", MaxRoundLen)
	long.Payload = bytes.Repeat([]byte{0xab}, MaxPayloadLen)
	long.Seq = ^uint32(0)
	empty := sampleBroadcast()
	empty.Payload = nil
	echo := sampleBroadcast()
	echo.Kind, echo.Round = KindEcho, EchoRound
	signed := sampleP2P(common.HexToAddress("0x2222222222222222222222222222222222222222"))
	if err := Sign(signed, fixedKey(t, 1)); err != nil {
		t.Fatal(err)
	}
	for name, e := range map[string]*Envelope{
		"broadcast": sampleBroadcast(), "p2p": sampleP2P(common.Address{1}), "longest": long,
		"empty payload": empty, "echo": echo, "signed": signed,
	} {
		t.Run(name, func(t *testing.T) {
			b := mustMarshal(t, e)
			got, err := Unmarshal(b)
			if err != nil {
				t.Fatal(err)
			}
			again := mustMarshal(t, got)
			if !bytes.Equal(b, again) {
				t.Fatal("re-encoding differs")
			}
			if got.Round != e.Round || got.Seq != e.Seq || got.From != e.From || got.To != e.To ||
				got.SessionID != e.SessionID || !bytes.Equal(got.Payload, e.Payload) || got.Signature != e.Signature {
				t.Fatalf("fields differ: %+v", got)
			}
		})
	}
	if n := len(mustMarshal(t, long)); n != MaxEnvelopeLen {
		t.Fatalf("longest envelope is %d bytes, MaxEnvelopeLen says %d", n, MaxEnvelopeLen)
	}
}

func TestUnmarshalRejects(t *testing.T) {
	good := mustMarshal(t, sampleBroadcast())
	mod := func(f func(e *Envelope)) []byte {
		e := sampleBroadcast()
		f(e)
		return encodeRaw(e)
	}
	// offset of the payload length field in `good`
	e := sampleBroadcast()
	payloadLenAt := len(appendHeader(nil, e))
	setPayloadLen := func(n uint32) []byte {
		b := bytes.Clone(good)
		binary.BigEndian.PutUint32(b[payloadLenAt:], n)
		return b
	}
	cases := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrTruncated},
		{"one byte", []byte{0}, ErrTruncated},
		{"version 0", mod(func(e *Envelope) { e.Version = 0 }), ErrUnknownVersion},
		{"version 2", mod(func(e *Envelope) { e.Version = 2 }), ErrUnknownVersion},
		{"version 2, rest garbage", []byte{0, 2, 0xff}, ErrUnknownVersion},
		{"too large", append(bytes.Clone(good), make([]byte, MaxEnvelopeLen)...), ErrTooLarge},
		{"truncated signature", good[:len(good)-1], ErrTruncated},
		{"truncated header", good[:40], ErrTruncated},
		{"trailing byte", append(bytes.Clone(good), 0), ErrTrailingBytes},
		{"payload length beyond end", setPayloadLen(uint32(len(e.Payload) + 1)), ErrTruncated},
		{"payload length short", setPayloadLen(uint32(len(e.Payload) - 1)), ErrTrailingBytes},
		{"payload length over limit", setPayloadLen(MaxPayloadLen + 1), ErrPayloadTooLarge},
		{"kind 0", mod(func(e *Envelope) { e.Kind = 0 }), ErrUnknownKind},
		{"kind 3", mod(func(e *Envelope) { e.Kind = 3 }), ErrUnknownKind},
		{"from role 3", mod(func(e *Envelope) { e.FromRole = 3 }), ErrUnknownRole},
		{"to role 3", mod(func(e *Envelope) { e.To = common.Address{1}; e.ToRole = 3 }), ErrUnknownRole},
		{"empty chain id", mod(func(e *Envelope) { e.ChainID = "" }), ErrBadChainID},
		{"chain id too long", mod(func(e *Envelope) { e.ChainID = strings.Repeat("c", MaxChainIDLen+1) }), ErrBadChainID},
		{"chain id with space", mod(func(e *Envelope) { e.ChainID = "themis 1" }), ErrBadChainID},
		{"chain id not ascii", mod(func(e *Envelope) { e.ChainID = "thémis" }), ErrBadChainID},
		{"empty round", mod(func(e *Envelope) { e.Round = "" }), ErrBadRound},
		{"round too long", mod(func(e *Envelope) { e.Round = strings.Repeat("r", MaxRoundLen+1) }), ErrBadRound},
		{"round with newline", mod(func(e *Envelope) { e.Round = "a\nb" }), ErrBadRound},
		{"zero sender", mod(func(e *Envelope) { e.From = common.Address{} }), ErrZeroSender},
		{"broadcast with to role", mod(func(e *Envelope) { e.ToRole = RoleNew }), ErrBadAddressing},
		{"echo to one party", mod(func(e *Envelope) { e.Kind, e.Round, e.To = KindEcho, EchoRound, common.Address{1} }), ErrBadAddressing},
		{"echo from a committee role", mod(func(e *Envelope) { e.Kind, e.Round, e.FromRole = KindEcho, EchoRound, RoleOld }), ErrBadAddressing},
		{"echo with a tss round", mod(func(e *Envelope) { e.Kind = KindEcho }), ErrBadRound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Unmarshal(c.in)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestMarshalRejectsInvalid(t *testing.T) {
	e := sampleBroadcast()
	e.Payload = make([]byte, MaxPayloadLen+1)
	if _, err := Marshal(e); !errors.Is(err, ErrPayloadTooLarge) {
		t.Fatalf("oversized payload: %v", err)
	}
	e = sampleBroadcast()
	e.Version = 9
	if _, err := Marshal(e); !errors.Is(err, ErrUnknownVersion) {
		t.Fatalf("version 9: %v", err)
	}
}

// FuzzUnmarshal: the decoder never panics, and whatever it accepts re-encodes to the
// same bytes (one envelope, one encoding).
func FuzzUnmarshal(f *testing.F) {
	f.Add(mustMarshal(f, sampleBroadcast()))
	f.Add(mustMarshal(f, sampleP2P(common.Address{9})))
	f.Add([]byte{0, 1})
	f.Add([]byte{0, 2, 1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := Unmarshal(b)
		if err != nil {
			if e != nil {
				t.Fatal("envelope returned with an error")
			}
			return
		}
		again, err := Marshal(e)
		if err != nil {
			t.Fatalf("accepted envelope does not re-encode: %v", err)
		}
		if !bytes.Equal(b, again) {
			t.Fatal("re-encoding differs")
		}
		_ = Verify(e, e.From) // must not panic on arbitrary signature bytes
	})
}
