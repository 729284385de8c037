package transport

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/themis-network/themis/tss/wire"
)

const round1 = "binance.tsslib.ecdsa.keygen.KGRound1Message"
const round2p2p = "binance.tsslib.ecdsa.keygen.KGRound2Message1"

func TestBroadcastAndPointToPointDelivered(t *testing.T) {
	nodes, _ := newNet(t, 3, nil)
	info := plainSession(1, nodes...)
	c0, r0 := open(t, nodes[0], info)
	_, r1 := open(t, nodes[1], info)
	_, r2 := open(t, nodes[2], info)
	ctx := context.Background()

	if err := c0.Send(ctx, round1, wire.RoleParty, nil, []byte("commitment")); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*recorder{r1, r2} {
		m := r.next(t)
		if m.from != nodes[0].addr || !m.broadcast || m.round != round1 || string(m.payload) != "commitment" {
			t.Fatalf("broadcast delivered as %+v", m)
		}
	}
	to := nodes[1].party(wire.RoleParty)
	if err := c0.Send(ctx, round2p2p, wire.RoleParty, &to, []byte("share for 1")); err != nil {
		t.Fatal(err)
	}
	if m := r1.next(t); m.broadcast || string(m.payload) != "share for 1" || m.round != round2p2p {
		t.Fatalf("p2p delivered as %+v", m)
	}
	r2.none(t)
	r0.none(t) // a broadcaster does not receive its own broadcast
	if err := c0.Send(ctx, round1, wire.RoleParty, nil, []byte("again")); !errors.Is(err, ErrSlotUsed) {
		t.Fatalf("second broadcast in a slot: %v", err)
	}
}

// In resharing a node can be in both committees: what its old party sends its new
// party stays in the process, and broadcasts reach its other role once.
func TestResharingNodeInBothCommittees(t *testing.T) {
	nodes, _ := newNet(t, 2, nil)
	a, b := nodes[0], nodes[1]
	info := SessionInfo{ID: [32]byte{7}, Parties: []Party{a.party(wire.RoleOld), a.party(wire.RoleNew), b.party(wire.RoleNew)}}
	ca, ra := open(t, a, info)
	_, rb := open(t, b, info)
	ctx := context.Background()

	self := a.party(wire.RoleNew)
	if err := ca.Send(ctx, "binance.tsslib.ecdsa.resharing.DGRound3Message1", wire.RoleOld, &self, []byte("share")); err != nil {
		t.Fatal(err)
	}
	if m := ra.next(t); m.fromRole != wire.RoleOld || m.toRole != wire.RoleNew || m.broadcast || string(m.payload) != "share" {
		t.Fatalf("local p2p: %+v", m)
	}
	if err := ca.Send(ctx, "binance.tsslib.ecdsa.resharing.DGRound1Message", wire.RoleOld, nil, []byte("vss")); err != nil {
		t.Fatal(err)
	}
	if m := ra.next(t); !m.broadcast || m.fromRole != wire.RoleOld {
		t.Fatalf("local broadcast: %+v", m)
	}
	if m := rb.next(t); !m.broadcast || m.fromRole != wire.RoleOld || m.from != a.addr {
		t.Fatalf("remote broadcast: %+v", m)
	}
	toB := b.party(wire.RoleNew)
	if err := ca.Send(ctx, "binance.tsslib.ecdsa.resharing.DGRound3Message1", wire.RoleOld, &toB, []byte("share b")); err != nil {
		t.Fatal(err)
	}
	if m := rb.next(t); m.toRole != wire.RoleNew || string(m.payload) != "share b" {
		t.Fatalf("remote p2p: %+v", m)
	}
	if err := ca.Send(ctx, "x", wire.RoleParty, nil, nil); !errors.Is(err, ErrNotMyRole) {
		t.Fatalf("send in a role we do not hold: %v", err)
	}
	ra.none(t)
	rb.none(t)
}

// A peer that is down delays only itself: the others have the message long before
// the sender gives up on it.
func TestDownPeerDoesNotBlockOthers(t *testing.T) {
	nodes, dir := newNet(t, 3, func(c *Config) {
		c.SendRetries, c.RetryBackoff, c.SendTimeout = 3, 150*time.Millisecond, 200*time.Millisecond
	})
	info := plainSession(2, nodes...)
	c0, _ := open(t, nodes[0], info)
	_, r1 := open(t, nodes[1], info)
	dir.set(nodes[2].addr, "http://127.0.0.1:1") // nothing listens there
	start := time.Now()
	got := make(chan time.Duration, 1)
	go func() { r1.next(t); got <- time.Since(start) }()
	err := c0.Send(context.Background(), round1, wire.RoleParty, nil, []byte("c"))
	total := time.Since(start)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(nodes[2].addr.Hex())) {
		t.Fatalf("send should fail for the down peer only: %v", err)
	}
	first := <-got
	if first > 300*time.Millisecond || total < 1*time.Second {
		t.Fatalf("live peer after %v, send returned after %v (retries 150+300+600 ms)", first, total)
	}
}

// A peer that comes up while the sender is still retrying gets the message.
func TestRetryReachesPeerThatComesUp(t *testing.T) {
	nodes, dir := newNet(t, 2, func(c *Config) { c.SendRetries, c.RetryBackoff = 4, 100*time.Millisecond })
	info := plainSession(3, nodes...)
	c0, _ := open(t, nodes[0], info)
	real := nodes[1].url
	dir.set(nodes[1].addr, "http://127.0.0.1:1")
	go func() {
		time.Sleep(250 * time.Millisecond)
		dir.set(nodes[1].addr, real)
	}()
	_, r1 := open(t, nodes[1], info)
	if err := c0.Send(context.Background(), round1, wire.RoleParty, nil, []byte("c")); err != nil {
		t.Fatal(err)
	}
	r1.next(t)
}

func TestOpenRejectsBadSessionInfo(t *testing.T) {
	nodes, _ := newNet(t, 2, nil)
	a, b := nodes[0], nodes[1]
	wrongKey := b.party(wire.RoleParty)
	wrongKey.PubKey = &a.key.PublicKey
	for name, c := range map[string]struct {
		info SessionInfo
		want error
	}{
		"zero id":        {SessionInfo{Parties: []Party{a.party(0), b.party(0)}}, ErrBadSession},
		"not a party":    {SessionInfo{ID: [32]byte{1}, Parties: []Party{b.party(0)}}, ErrNotInSession},
		"key of another": {SessionInfo{ID: [32]byte{1}, Parties: []Party{a.party(0), wrongKey}}, ErrBadSession},
		"listed twice":   {SessionInfo{ID: [32]byte{1}, Parties: []Party{a.party(0), a.party(0)}}, ErrBadSession},
		"role 3":         {SessionInfo{ID: [32]byte{1}, Parties: []Party{a.party(3)}}, ErrBadSession},
		"roles mixed":    {SessionInfo{ID: [32]byte{1}, Parties: []Party{a.party(wire.RoleOld), b.party(wire.RoleParty)}}, ErrBadSession},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := a.tr.Open(c.info, newRecorder()); !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
	info := plainSession(1, a, b)
	open(t, a, info)
	if _, err := a.tr.Open(info, newRecorder()); !errors.Is(err, ErrSessionOpen) {
		t.Fatalf("opened twice: %v", err)
	}
}
