package wire

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Version1 is the only protocol version this build speaks.
const Version1 uint16 = 1

// Size bounds. Each is enforced on both Marshal and Unmarshal.
const (
	MaxChainIDLen = 64
	MaxRoundLen   = 96
	MaxPayloadLen = 1 << 20
	SignatureLen  = 65

	// maxHeaderLen is the longest header: version, kind, chain id, session, round, seq,
	// from, from role, to, to role.
	maxHeaderLen = 2 + 1 + 1 + MaxChainIDLen + 32 + 1 + MaxRoundLen + 4 + 20 + 1 + 20 + 1
	// MaxEnvelopeLen is the longest encoding of a valid envelope: a receiver can cap
	// the body it reads at this many bytes.
	MaxEnvelopeLen = maxHeaderLen + 4 + MaxPayloadLen + SignatureLen
)

// Kind says what the payload is.
type Kind uint8

const (
	// KindTSS carries one tss-lib wire message.
	KindTSS Kind = 1
	// KindEcho carries an Echo: the sender's statement of which broadcast it received.
	KindEcho Kind = 2
)

func (k Kind) String() string {
	switch k {
	case KindTSS:
		return "tss"
	case KindEcho:
		return "echo"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Roles of a party in a session. In resharing one node can hold both committee roles,
// so a sender and a recipient are an (address, role) pair.
const (
	RoleParty uint8 = 0 // keygen and signing; also "the whole session" as a broadcast's ToRole
	RoleOld   uint8 = 1 // old committee in resharing
	RoleNew   uint8 = 2 // new committee in resharing
)

// EchoRound is the Round of every echo envelope: the round being echoed is in the
// Echo payload, and one fixed value keeps the echo envelope's meaning single.
const EchoRound = "themis/echo"

// Envelope is one transport message. See the package documentation for its encoding.
type Envelope struct {
	Version   uint16
	ChainID   string
	SessionID [32]byte
	Kind      Kind
	Round     string
	Seq       uint32
	From      common.Address
	FromRole  uint8
	To        common.Address // zero = broadcast
	ToRole    uint8
	Payload   []byte
	Signature [SignatureLen]byte
}

// IsBroadcast reports whether the envelope is addressed to every party of the session.
func (e *Envelope) IsBroadcast() bool { return e.To == (common.Address{}) }

// validate checks every rule of the encoding except the signature, so that Marshal
// never writes what Unmarshal would refuse.
func validate(e *Envelope) error {
	if e.Version != Version1 {
		return fmt.Errorf("%w: %d (this build speaks %d)", ErrUnknownVersion, e.Version, Version1)
	}
	if e.Kind != KindTSS && e.Kind != KindEcho {
		return fmt.Errorf("%w: %d", ErrUnknownKind, uint8(e.Kind))
	}
	if err := checkString(e.ChainID, MaxChainIDLen); err != nil {
		return fmt.Errorf("%w: %v", ErrBadChainID, err)
	}
	if err := checkString(e.Round, MaxRoundLen); err != nil {
		return fmt.Errorf("%w: %v", ErrBadRound, err)
	}
	if e.From == (common.Address{}) {
		return ErrZeroSender
	}
	if e.FromRole > RoleNew {
		return fmt.Errorf("%w: from role %d", ErrUnknownRole, e.FromRole)
	}
	if e.ToRole > RoleNew {
		return fmt.Errorf("%w: to role %d", ErrUnknownRole, e.ToRole)
	}
	// A broadcast goes to the whole session; a to-role on it would be a second way
	// of writing the same envelope.
	if e.IsBroadcast() && e.ToRole != RoleParty {
		return fmt.Errorf("%w: broadcast with to role %d", ErrBadAddressing, e.ToRole)
	}
	if e.Kind == KindEcho {
		// An echo is a node's statement, not a committee member's, and goes to all.
		if !e.IsBroadcast() || e.FromRole != RoleParty {
			return fmt.Errorf("%w: echo must be a broadcast from role 0", ErrBadAddressing)
		}
		if e.Round != EchoRound {
			return fmt.Errorf("%w: echo round %q, want %q", ErrBadRound, e.Round, EchoRound)
		}
	}
	if len(e.Payload) > MaxPayloadLen {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrPayloadTooLarge, len(e.Payload), MaxPayloadLen)
	}
	return nil
}

// checkString requires 1..max bytes of printable ASCII: ids and tss-lib type names are
// ASCII, and refusing the rest keeps control bytes out of logs and HTTP reasons.
func checkString(s string, max int) error {
	if len(s) == 0 {
		return fmt.Errorf("empty")
	}
	if len(s) > max {
		return fmt.Errorf("%d bytes, limit %d", len(s), max)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return fmt.Errorf("byte %d is 0x%02x, not printable ASCII", i, s[i])
		}
	}
	return nil
}
