package engine

import (
	"crypto/ecdsa"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/session"
)

// Party is a member of a session as the chain names it.
type Party struct {
	Address common.Address
	// PubKey is the signer key: transport messages are signed by it and point-to-point
	// payloads are encrypted to it.
	PubKey *ecdsa.PublicKey
	// Endpoint is where its engine listens, as it last reported.
	Endpoint string
}

// Spec is one open session as the chain fixed it.
type Spec struct {
	Key  [32]byte
	Kind session.Kind
	// Parties are the keygen parties or the signers.
	Parties   []Party
	Threshold int
	// Generation: of the key a signing uses, the one a keygen makes, or the old one of
	// a resharing.
	Generation uint64
	// OldParties (dealers), OldThreshold, NewParties, NewThreshold and NewGeneration
	// describe a resharing.
	OldParties    []Party
	OldThreshold  int
	NewParties    []Party
	NewThreshold  int
	NewGeneration uint64
	// Digest is what a signing signs.
	Digest [32]byte
	// Deadline is the chain height the session times out at.
	Deadline int64
}

// Work is the chain's committed state as far as the engine needs it.
type Work struct {
	Height int64
	// Generation is the confirmed key generation (0: no key yet); PoolKey its key.
	Generation uint64
	PoolKey    []byte
	// Sessions are the open sessions (all of them, not only this engine's).
	Sessions []Spec
	// Peers are every engine the chain knows an endpoint of: a peer's messages for a
	// session this engine has not seen yet are queued only if the peer is known.
	Peers []Party
}

// selfIn reports the roles this engine has in a session.
func (s Spec) selfIn(self common.Address) (plain, old, new bool) {
	has := func(list []Party) bool {
		for _, p := range list {
			if p.Address == self {
				return true
			}
		}
		return false
	}
	if s.Kind == session.KindReshare {
		return false, has(s.OldParties), has(s.NewParties)
	}
	return has(s.Parties), false, false
}

func addresses(list []Party) []common.Address {
	out := make([]common.Address, len(list))
	for i, p := range list {
		out[i] = p.Address
	}
	return out
}

// plan turns a chain spec into the session package's plan.
func (s Spec) plan(self common.Address, roundTimeout time.Duration) session.Plan {
	return session.Plan{
		ID: s.Key, Kind: s.Kind, Self: self,
		Parties: addresses(s.Parties), Threshold: s.Threshold, Generation: s.Generation,
		OldParties: addresses(s.OldParties), OldThreshold: s.OldThreshold,
		NewParties: addresses(s.NewParties), NewThreshold: s.NewThreshold, NewGeneration: s.NewGeneration,
		Digest: s.Digest, RoundTimeout: roundTimeout,
	}
}
