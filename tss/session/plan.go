package session

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/bnb-chain/tss-lib/v2/tss"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Kind is what a session computes.
type Kind uint8

const (
	// KindKeygen creates the pool key.
	KindKeygen Kind = iota + 1
	// KindReshare moves the pool key to a new committee without changing it.
	KindReshare
	// KindSign signs one 32-byte digest with the pool key.
	KindSign
)

func (k Kind) String() string {
	switch k {
	case KindKeygen:
		return "keygen"
	case KindReshare:
		return "reshare"
	case KindSign:
		return "sign"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Role tells which committee a party speaks for. A node that is in both the old and
// the new committee of a resharing runs two parties, one per role.
type Role uint8

const (
	// RoleParty is the one role of keygen and signing.
	RoleParty Role = 0
	// RoleOld is a dealer of a resharing (a member of the confirmed committee).
	RoleOld Role = 1
	// RoleNew is a receiver of a resharing (a member of the next committee).
	RoleNew Role = 2
)

// Plan is a session as the chain fixed it. Every engine of the session derives the
// same party identities from the same plan.
type Plan struct {
	// ID is the chain-derived session key; the transport binds every message to it.
	ID [32]byte
	// Kind is what the session computes.
	Kind Kind
	// Self is this engine's signer address.
	Self common.Address
	// Parties are the keygen parties or the signers (exactly t+1), in any order.
	Parties []common.Address
	// Threshold is tss-lib's t (polynomial degree; t+1 parties sign).
	Threshold int
	// Generation is the key generation the parties' identities belong to: the one a
	// keygen creates, the one a signing uses, the old one of a resharing.
	Generation uint64
	// OldParties (the dealers), OldThreshold, NewParties, NewThreshold and
	// NewGeneration describe a resharing.
	OldParties    []common.Address
	OldThreshold  int
	NewParties    []common.Address
	NewThreshold  int
	NewGeneration uint64
	// Digest is the 32-byte hash a signing signs.
	Digest [32]byte
	// RoundTimeout fails the session when no message arrives for this long while the
	// local party waits for one.
	RoundTimeout time.Duration
}

// Errors a plan can fail with.
var (
	ErrBadPlan    = errors.New("invalid session plan")
	ErrNotAParty  = errors.New("this engine is not a party of the session")
	ErrRoundStuck = errors.New("round timed out")
)

// Validate checks the plan's shape: parties unique, thresholds in range, self a party.
func (p Plan) Validate() error {
	switch p.Kind {
	case KindKeygen, KindSign:
		if err := checkCommittee(p.Parties, p.Threshold); err != nil {
			return err
		}
		if p.Kind == KindSign && len(p.Parties) != p.Threshold+1 {
			return fmt.Errorf("%w: a signing needs exactly t+1 = %d signers, got %d", ErrBadPlan, p.Threshold+1, len(p.Parties))
		}
		if !contains(p.Parties, p.Self) {
			return ErrNotAParty
		}
	case KindReshare:
		if err := checkCommittee(p.OldParties, p.OldThreshold); err != nil {
			return fmt.Errorf("old committee: %w", err)
		}
		if err := checkCommittee(p.NewParties, p.NewThreshold); err != nil {
			return fmt.Errorf("new committee: %w", err)
		}
		if p.NewGeneration <= p.Generation {
			return fmt.Errorf("%w: new generation %d must follow %d", ErrBadPlan, p.NewGeneration, p.Generation)
		}
		if !contains(p.OldParties, p.Self) && !contains(p.NewParties, p.Self) {
			return ErrNotAParty
		}
	default:
		return fmt.Errorf("%w: unknown kind %d", ErrBadPlan, p.Kind)
	}
	if p.Generation == 0 {
		return fmt.Errorf("%w: generation 0", ErrBadPlan)
	}
	if p.RoundTimeout <= 0 {
		return fmt.Errorf("%w: round timeout must be positive", ErrBadPlan)
	}
	return nil
}

func checkCommittee(parties []common.Address, t int) error {
	if len(parties) < 2 {
		return fmt.Errorf("%w: %d parties, need at least 2", ErrBadPlan, len(parties))
	}
	if t < 1 || t >= len(parties) {
		return fmt.Errorf("%w: threshold %d out of range for %d parties", ErrBadPlan, t, len(parties))
	}
	seen := make(map[common.Address]struct{}, len(parties)) // lookups only
	for _, a := range parties {
		if a == (common.Address{}) {
			return fmt.Errorf("%w: zero address", ErrBadPlan)
		}
		if _, dup := seen[a]; dup {
			return fmt.Errorf("%w: party %s twice", ErrBadPlan, a.Hex())
		}
		seen[a] = struct{}{}
	}
	return nil
}

func contains(list []common.Address, a common.Address) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// PartyKey is the tss-lib identity (the share's x-coordinate) of a member in a key
// generation: a hash of its address and the generation, reduced into [1, N). A new
// generation gives every member a new point, so a node in both committees of a
// resharing has two distinct identities, and a share of one generation can never be
// mistaken for one of another.
func PartyKey(addr common.Address, generation uint64) *big.Int {
	var g [8]byte
	binary.BigEndian.PutUint64(g[:], generation)
	h := sha256.New()
	h.Write([]byte("themis/tss/party/v1"))
	h.Write(addr.Bytes())
	h.Write(g[:])
	n := crypto.S256().Params().N
	k := new(big.Int).SetBytes(h.Sum(nil))
	k.Mod(k, new(big.Int).Sub(n, big.NewInt(1)))
	return k.Add(k, big.NewInt(1))
}

// committee is one sorted set of fresh tss-lib identities and the address of each.
type committee struct {
	ids    tss.SortedPartyIDs
	byAddr map[common.Address]*tss.PartyID // lookups only
	addrOf map[string]common.Address       // by PartyID.Id; lookups only
}

// newCommittee builds fresh PartyIDs for the addresses in a generation. The Id is the
// address in hex, the moniker says which role and generation, for logs.
func newCommittee(addrs []common.Address, generation uint64, role Role) committee {
	unsorted := make(tss.UnSortedPartyIDs, 0, len(addrs))
	c := committee{byAddr: map[common.Address]*tss.PartyID{}, addrOf: map[string]common.Address{}}
	for _, a := range addrs {
		id := tss.NewPartyID(partyIDString(a, role), fmt.Sprintf("%s/g%d/r%d", a.Hex(), generation, role), PartyKey(a, generation))
		unsorted = append(unsorted, id)
		c.byAddr[a] = id
		c.addrOf[id.Id] = a
	}
	c.ids = tss.SortPartyIDs(unsorted)
	return c
}

func partyIDString(a common.Address, role Role) string {
	return fmt.Sprintf("%s:%d", a.Hex(), role)
}
