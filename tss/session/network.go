package session

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
)

// Outbound is one message a local party sends. The transport signs it, binds it to
// the session id and encrypts it when it goes to one recipient.
type Outbound struct {
	// Round is the tss-lib message type; the receiver checks it against the payload.
	Round    string
	FromRole Role
	// ToRole is the committee a broadcast is for (RoleParty: every party), or the
	// role of the one recipient.
	ToRole Role
	// To is the one recipient of a point-to-point message; nil for a broadcast.
	To        *common.Address
	Broadcast bool
	Payload   []byte
}

// Inbound is one authenticated message for this engine: From is the address the
// transport verified the signature of, never a field of the payload.
type Inbound struct {
	From      common.Address
	FromRole  Role
	ToRole    Role
	Round     string
	Broadcast bool
	Payload   []byte
}

// Network carries a session's messages to the other engines.
type Network interface {
	Send(ctx context.Context, m Outbound) error
}
