package engine

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"sync"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/session"
)

// memShares is an in-memory share store with the keystore's rules.
type memShares struct {
	mu      sync.Mutex
	current uint64
	saves   map[uint64][]byte
	pending map[uint64]bool
}

func newMemShares() *memShares {
	return &memShares{saves: map[uint64][]byte{}, pending: map[uint64]bool{}}
}

func (m *memShares) PutPending(_ string, g uint64, save []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.saves[g]; ok {
		return errors.New("generation exists")
	}
	m.saves[g], m.pending[g] = save, true
	return nil
}

func (m *memShares) Confirm(_ string, g uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.pending[g] {
		return errors.New("nothing pending")
	}
	delete(m.pending, g)
	m.current = g
	return nil
}

func (m *memShares) Current(string) (uint64, []byte, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.current == 0 {
		return 0, nil, false, nil
	}
	return m.current, m.saves[m.current], true, nil
}

func (m *memShares) Pending(_ string, g uint64) ([]byte, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saves[g], m.pending[g], nil
}

// memPre hands out fixture preparams.
type memPre struct {
	mu   sync.Mutex
	sets []*keygen.LocalPreParams
}

func newMemPre(idx ...int) *memPre {
	p := &memPre{}
	for _, i := range idx {
		p.sets = append(p.sets, tssfixtures.MustPreparams(i))
	}
	return p
}

func (p *memPre) Take() (*keygen.LocalPreParams, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.sets) == 0 {
		return nil, errors.New("empty")
	}
	pp := p.sets[0]
	p.sets = p.sets[1:]
	return pp, nil
}

func (p *memPre) Count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.sets)
}

type memMarks struct {
	mu    sync.Mutex
	names map[string]bool
}

func newMemMarks() *memMarks { return &memMarks{names: map[string]bool{}} }

func (m *memMarks) Get(n string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[n] {
		return nil, os.ErrNotExist
	}
	return []byte{}, nil
}

func (m *memMarks) Put(n string, _ []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.names[n] = true
	return nil
}

func (m *memMarks) Delete(n string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.names, n)
	return nil
}

// memNet routes a session's messages between engines of one process.
type memNet struct {
	mu    sync.Mutex
	boxes map[[32]byte]map[common.Address]func(session.Inbound)
	// queued holds messages for engines that have not opened the session yet, as the
	// real transport does.
	queued map[[32]byte]map[common.Address][]session.Inbound
	// cut, when set, drops everything sent from or to an address.
	cut map[common.Address]bool
}

func newMemNet() *memNet {
	return &memNet{
		boxes:  map[[32]byte]map[common.Address]func(session.Inbound){},
		queued: map[[32]byte]map[common.Address][]session.Inbound{},
		cut:    map[common.Address]bool{},
	}
}

func (n *memNet) isCut(a common.Address) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.cut[a]
}

type memEndpoint struct {
	net  *memNet
	self common.Address
}

func (e memEndpoint) Open(key [32]byte, parties []NetParty, deliver func(session.Inbound)) (Channel, error) {
	e.net.mu.Lock()
	if e.net.boxes[key] == nil {
		e.net.boxes[key] = map[common.Address]func(session.Inbound){}
	}
	e.net.boxes[key][e.self] = deliver
	early := e.net.queued[key][e.self]
	delete(e.net.queued[key], e.self)
	e.net.mu.Unlock()
	for _, m := range early {
		deliver(m)
	}
	return memChannel{net: e.net, key: key, self: e.self, parties: parties}, nil
}

type memChannel struct {
	net     *memNet
	key     [32]byte
	self    common.Address
	parties []NetParty
}

func (c memChannel) Send(_ context.Context, m session.Outbound) error {
	if c.net.isCut(c.self) {
		return nil
	}
	in := session.Inbound{From: c.self, FromRole: m.FromRole, ToRole: m.ToRole, Round: m.Round, Broadcast: m.Broadcast, Payload: m.Payload}
	c.net.mu.Lock()
	var targets []func(session.Inbound)
	sent := map[common.Address]bool{}
	for _, p := range c.parties {
		a := p.Address
		if a == c.self || sent[a] || (m.To != nil && *m.To != a) || c.net.cut[a] {
			continue
		}
		sent[a] = true
		if d, ok := c.net.boxes[c.key][a]; ok {
			targets = append(targets, d)
			continue
		}
		if c.net.queued[c.key] == nil {
			c.net.queued[c.key] = map[common.Address][]session.Inbound{}
		}
		c.net.queued[c.key][a] = append(c.net.queued[c.key][a], in)
	}
	c.net.mu.Unlock()
	for _, d := range targets {
		d(in)
	}
	return nil
}

func (memChannel) Settled(context.Context) error { return nil }

func (c memChannel) Close() {}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

func (m *memShares) Discard(_ string, g uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.pending[g] {
		return errors.New("nothing pending")
	}
	delete(m.pending, g)
	delete(m.saves, g)
	return nil
}
