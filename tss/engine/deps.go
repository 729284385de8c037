package engine

import (
	"context"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"

	"github.com/themis-network/themis/tss/session"
)

// Shares is the encrypted share store (tss/keystore).
type Shares interface {
	PutPending(keyID string, generation uint64, save []byte) error
	Confirm(keyID string, generation uint64) error
	Current(keyID string) (generation uint64, save []byte, ok bool, err error)
	Pending(keyID string, generation uint64) (save []byte, ok bool, err error)
}

// Preparams is the pool of pre-generated Paillier and safe-prime parameters.
type Preparams interface {
	Take() (*keygen.LocalPreParams, error)
	Count() int
}

// Marks is a durable set of names: the sessions this engine has started.
type Marks interface {
	Has(name string) (bool, error)
	Put(name string, data []byte) error
	Delete(name string) error
}

// Gate tells the preparams top-up that a session runs, so it yields the core.
type Gate interface {
	Begin() (end func())
}

// NetParty is a session party in one role: a node in both committees of a resharing
// is two NetParties.
type NetParty struct {
	Party
	Role session.Role
}

// Net opens the transport of one session.
type Net interface {
	// Open starts taking the session's messages (including those that arrived
	// before) and hands each authenticated one to deliver.
	Open(key [32]byte, parties []NetParty, deliver func(session.Inbound)) (Channel, error)
}

// Channel is one session's transport.
type Channel interface {
	session.Network
	// Settled waits until every other party echoed every broadcast this engine took,
	// with the same content, or fails (an equivocation, or ctx ended first).
	Settled(ctx context.Context) error
	Close()
}
