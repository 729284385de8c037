package wire

import (
	"bytes"
	"errors"
	"math/big"
	"testing"
	"time"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/cometbft/cometbft/libs/protoio"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestSignVerify(t *testing.T) {
	k := fixedKey(t, 1)
	e := sampleBroadcast()
	if err := Sign(e, k); err != nil {
		t.Fatal(err)
	}
	other := sampleBroadcast()
	if err := Sign(other, fixedKey(t, 2)); !errors.Is(err, ErrWrongSigner) {
		t.Fatalf("signing in another's name: %v", err)
	}
	if err := Verify(e, addrOf(k)); err != nil {
		t.Fatal(err)
	}
	if err := Verify(e, addrOf(fixedKey(t, 2))); !errors.Is(err, ErrWrongSigner) {
		t.Fatalf("other expected signer: %v", err)
	}
}

// Every field is covered by the signature.
func TestVerifyRejectsTamperedField(t *testing.T) {
	k := fixedKey(t, 1)
	for name, f := range map[string]func(e *Envelope){
		"chain":     func(e *Envelope) { e.ChainID = "other-chain" },
		"session":   func(e *Envelope) { e.SessionID[31] ^= 1 },
		"kind":      func(e *Envelope) { e.Kind, e.Round = KindEcho, EchoRound },
		"round":     func(e *Envelope) { e.Round += "x" },
		"seq":       func(e *Envelope) { e.Seq++ },
		"from role": func(e *Envelope) { e.FromRole = RoleNew },
		"to":        func(e *Envelope) { e.To = common.Address{5} },
		"to role":   func(e *Envelope) { e.To, e.ToRole = common.Address{5}, RoleOld },
		"payload":   func(e *Envelope) { e.Payload = append(e.Payload, 0) },
	} {
		t.Run(name, func(t *testing.T) {
			e := sampleBroadcast()
			if err := Sign(e, k); err != nil {
				t.Fatal(err)
			}
			f(e)
			if err := Verify(e, addrOf(k)); !errors.Is(err, ErrWrongSigner) && !errors.Is(err, ErrBadSignature) {
				t.Fatalf("tampered %s accepted: %v", name, err)
			}
		})
	}
}

// The mirror signature (r, n-s, v^1) recovers the same key; only the low-S form counts.
func TestVerifyRejectsHighS(t *testing.T) {
	k := fixedKey(t, 1)
	e := sampleBroadcast()
	if err := Sign(e, k); err != nil {
		t.Fatal(err)
	}
	s := new(big.Int).SetBytes(e.Signature[32:64])
	high := new(big.Int).Sub(secp256k1N, s)
	high.FillBytes(e.Signature[32:64])
	e.Signature[64] ^= 1
	d, _ := SigningDigest(e)
	if pub, err := crypto.SigToPub(d[:], e.Signature[:]); err != nil || crypto.PubkeyToAddress(*pub) != addrOf(k) {
		t.Fatalf("test premise: the high-S twin should recover the signer (err %v)", err)
	}
	if err := Verify(e, addrOf(k)); !errors.Is(err, ErrHighS) {
		t.Fatalf("high-S accepted: %v", err)
	}
}

func TestVerifyRejectsBadSignatureValues(t *testing.T) {
	k := fixedKey(t, 1)
	for name, f := range map[string]func(s *[SignatureLen]byte){
		"v=2":    func(s *[SignatureLen]byte) { s[64] = 2 },
		"v=27":   func(s *[SignatureLen]byte) { s[64] = 27 },
		"r=0":    func(s *[SignatureLen]byte) { clear(s[:32]) },
		"s=0":    func(s *[SignatureLen]byte) { clear(s[32:64]) },
		"r>=n":   func(s *[SignatureLen]byte) { secp256k1N.FillBytes(s[:32]) },
		"zeroes": func(s *[SignatureLen]byte) { clear(s[:]) },
	} {
		t.Run(name, func(t *testing.T) {
			e := sampleBroadcast()
			if err := Sign(e, k); err != nil {
				t.Fatal(err)
			}
			f(&e.Signature)
			if err := Verify(e, addrOf(k)); !errors.Is(err, ErrBadSignature) {
				t.Fatalf("got %v", err)
			}
		})
	}
}

// The signer key is also the CometBFT consensus key. A transport signature is a valid
// CometBFT signature over our preimage (shown first, so the test cannot pass for a
// trivial reason), but our preimage is never the sign-bytes of a vote, proposal or vote
// extension: where it even decodes as one, CometBFT's own encoding of what it decoded
// differs. That includes a preimage of exactly 117 bytes, the one length at which the
// leading 't' reads as the right length prefix.
func TestTransportSignatureIsNotAConsensusSignature(t *testing.T) {
	k := fixedKey(t, 1)
	cmtPub := cmtsecp.PubKey(crypto.CompressPubkey(&k.PublicKey))
	short := sampleBroadcast()
	short.ChainID, short.Round, short.Payload = "t", "r", []byte("123456789")
	for name, e := range map[string]*Envelope{"sample": sampleBroadcast(), "117-byte preimage": short} {
		t.Run(name, func(t *testing.T) {
			if err := Sign(e, k); err != nil {
				t.Fatal(err)
			}
			pre := append([]byte(signingTag), appendBody(nil, e)...)
			if name == "117-byte preimage" && len(pre) != 117 {
				t.Fatalf("premise: preimage is %d bytes", len(pre))
			}
			if !cmtPub.VerifySignature(pre, e.Signature[:64]) {
				t.Fatal("premise: CometBFT should accept the signature over our own preimage")
			}
			for _, msg := range []proto.Message{&cmtproto.CanonicalVote{}, &cmtproto.CanonicalProposal{}, &cmtproto.CanonicalVoteExtension{}} {
				if err := protoio.UnmarshalDelimited(pre, msg); err != nil {
					continue
				}
				re, err := protoio.MarshalDelimited(msg)
				if err != nil {
					continue
				}
				if bytes.Equal(re, pre) {
					t.Fatalf("preimage is the sign-bytes of a %T", msg)
				}
			}
		})
	}
	// And CometBFT's sign-bytes never begin with our tag's first two bytes.
	for _, typ := range []cmtproto.SignedMsgType{cmtproto.PrevoteType, cmtproto.PrecommitType} {
		for _, h := range []int64{0, 1, 116, 1 << 40} {
			v := &cmtproto.Vote{Type: typ, Height: h, Round: 3, Timestamp: time.Unix(1700000000, 0),
				Extension: []byte("ext"), BlockID: cmtproto.BlockID{Hash: make([]byte, 32)}}
			p := &cmtproto.Proposal{Type: cmtproto.ProposalType, Height: h, Round: 1, Timestamp: time.Unix(1, 0)}
			for _, sb := range [][]byte{cmttypes.VoteSignBytes("t", v), cmttypes.VoteExtensionSignBytes("themis", v), cmttypes.ProposalSignBytes("themis", p)} {
				if bytes.HasPrefix(sb, []byte(signingTag[:2])) {
					t.Fatalf("sign-bytes %x start like our tag", sb)
				}
			}
		}
	}
}
