package transport

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/wire"
)

// maxUndelivered bounds the accepted messages waiting for the Handler. Past it the
// transport answers "busy" and the sender retries: a slow runner slows its peers down
// instead of growing memory.
const maxUndelivered = 4096

// Conn is this node's membership in one open session.
type Conn struct {
	t       *Transport
	id      [32]byte
	handler Handler
	parties map[partyKey]*ecdsa.PublicKey
	others  []common.Address // distinct addresses of the session except ours, in session order
	myRoles []uint8

	ctx    context.Context // cancelled by Close: ends sends, echoes and fetches
	cancel context.CancelFunc
	seq    atomic.Uint32

	mu        sync.Mutex
	closed    bool
	seen      seenSeqs
	p2pRounds map[p2pKey]struct{}  // point-to-point rounds received
	ownSlots  map[ownSlot]struct{} // broadcast slots this node used
	echoes    *echoTracker
	store     *broadcastStore
	inbox     []delivery
	wake      chan struct{}
}

type partyKey struct {
	addr common.Address
	role uint8
}

type p2pKey struct {
	from     common.Address
	fromRole uint8
	toRole   uint8
	round    string
}

type ownSlot struct {
	role  uint8
	round string
}

type delivery struct {
	from      common.Address
	fromRole  uint8
	toRole    uint8
	round     string
	broadcast bool
	payload   []byte
}

// newConn checks the session info and builds the Conn; it starts nothing.
func newConn(t *Transport, info SessionInfo, h Handler) (*Conn, error) {
	if h == nil {
		return nil, fmt.Errorf("%w: nil handler", ErrBadSession)
	}
	if info.ID == ([32]byte{}) {
		return nil, fmt.Errorf("%w: zero session id", ErrBadSession)
	}
	c := &Conn{
		t: t, id: info.ID, handler: h, parties: map[partyKey]*ecdsa.PublicKey{},
		seen: seenSeqs{}, p2pRounds: map[p2pKey]struct{}{}, ownSlots: map[ownSlot]struct{}{},
		echoes: newEchoTracker(), store: newBroadcastStore(t.cfg.MaxStoredBytes),
		wake: make(chan struct{}, 1),
	}
	listed := map[common.Address]bool{}
	for i, p := range info.Parties {
		if p.Role > wire.RoleNew {
			return nil, fmt.Errorf("%w: party %d has role %d", ErrBadSession, i, p.Role)
		}
		if p.PubKey == nil || p.PubKey.Curve != crypto.S256() || crypto.PubkeyToAddress(*p.PubKey) != p.Address {
			return nil, fmt.Errorf("%w: party %d: key does not match address %s", ErrBadSession, i, p.Address.Hex())
		}
		k := partyKey{p.Address, p.Role}
		if _, dup := c.parties[k]; dup {
			return nil, fmt.Errorf("%w: party %s listed twice in role %d", ErrBadSession, p.Address.Hex(), p.Role)
		}
		c.parties[k] = p.PubKey
		switch {
		case p.Address == t.self:
			c.myRoles = append(c.myRoles, p.Role)
		case !listed[p.Address]:
			listed[p.Address] = true
			c.others = append(c.others, p.Address)
		}
	}
	if len(c.myRoles) == 0 {
		return nil, ErrNotInSession
	}
	// Keygen and signing use role 0 only, resharing the two committee roles only: a
	// mix has no meaning and would make "broadcast to the whole session" ambiguous.
	if n := countRole(info.Parties, wire.RoleParty); n != 0 && n != len(info.Parties) {
		return nil, fmt.Errorf("%w: role 0 mixed with committee roles", ErrBadSession)
	}
	// A random start keeps a restarted engine's numbers apart from those its peers
	// already saw in this session; after that they only count up.
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	c.seq.Store(binary.BigEndian.Uint32(b[:]) >> 1)
	c.ctx, c.cancel = context.WithCancel(t.ctx)
	return c, nil
}

func countRole(ps []Party, role uint8) int {
	n := 0
	for _, p := range ps {
		if p.Role == role {
			n++
		}
	}
	return n
}

func (c *Conn) isParty(a common.Address, role uint8) bool {
	_, ok := c.parties[partyKey{a, role}]
	return ok
}

func (c *Conn) hasAddress(a common.Address) bool {
	for _, r := range []uint8{wire.RoleParty, wire.RoleOld, wire.RoleNew} {
		if c.isParty(a, r) {
			return true
		}
	}
	return false
}

func (c *Conn) nextSeq() uint32 { return c.seq.Add(1) }

// enqueueLocked hands a message to the delivery goroutine; callers hold c.mu, so the
// Handler sees messages in the order they were accepted.
func (c *Conn) enqueueLocked(d delivery) {
	c.inbox = append(c.inbox, d)
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *Conn) deliverLoop() {
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.wake:
		}
		for {
			c.mu.Lock()
			if c.closed || len(c.inbox) == 0 {
				c.mu.Unlock()
				break
			}
			d := c.inbox[0]
			c.inbox[0] = delivery{}
			c.inbox = c.inbox[1:]
			c.mu.Unlock()
			c.handler.Deliver(d.from, d.fromRole, d.toRole, d.round, d.broadcast, d.payload)
		}
	}
}

// EchoStatus reports how the session's broadcasts were echoed so far.
func (c *Conn) EchoStatus() EchoStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.echoes.status(c.others)
}

// ID is the session id.
func (c *Conn) ID() [32]byte { return c.id }

// Close leaves the session: later envelopes for it are refused ("session-closed"),
// pending sends stop, and undelivered messages are discarded. Close does not wait for
// a Deliver in flight (so a Handler may call Close from Deliver): that one call may
// still run or finish after Close returns.
func (c *Conn) Close() {
	c.mu.Lock()
	already := c.closed
	c.closed = true
	c.inbox = nil
	c.mu.Unlock()
	if already {
		return
	}
	c.cancel()
	c.t.forget(c)
}
