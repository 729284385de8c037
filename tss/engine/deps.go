package engine

import (
	"context"
	"fmt"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/session"
)

// Shares is the encrypted share store (tss/keystore).
type Shares interface {
	PutPending(keyID string, generation uint64, save []byte) error
	Confirm(keyID string, generation uint64) error
	Current(keyID string) (generation uint64, save []byte, ok bool, err error)
	Pending(keyID string, generation uint64) (save []byte, ok bool, err error)
	Discard(keyID string, generation uint64) error
}

// Preparams is the pool of pre-generated Paillier and safe-prime parameters.
type Preparams interface {
	Take() (*keygen.LocalPreParams, error)
	Count() int
}

// Marks is a durable set of names: the sessions this engine has started. Get opens
// (authenticates) a mark, so a file planted by someone without the node key does not
// count as one.
type Marks interface {
	Get(name string) ([]byte, error)
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
	// with the same content, or fails with a *SettleError naming who is at fault.
	Settled(ctx context.Context) error
	Close()
}

// SettleError is a failed settlement: who never echoed, who echoed content nobody
// signed (a conflict the transport could not prove), and whose equivocation was
// proven. Each becomes a claim; the chain acts only on claims more than 2/3 of the
// session's other parties share.
type SettleError struct {
	Missing      []common.Address
	Unproven     []common.Address
	Equivocators []common.Address
	Err          error
}

func (e *SettleError) Error() string {
	return fmt.Sprintf("broadcasts not settled (missing echoes from %d, unproven conflicts from %d, proven equivocations by %d): %v",
		len(e.Missing), len(e.Unproven), len(e.Equivocators), e.Err)
}

func (e *SettleError) Unwrap() error { return e.Err }
