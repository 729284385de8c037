package node

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/engine"
	"github.com/themis-network/themis/tss/session"
	"github.com/themis-network/themis/tss/transport"
)

// transportNet gives the engine sessions over the real transport.
type transportNet struct{ t *transport.Transport }

func (n transportNet) Open(key [32]byte, parties []engine.NetParty, deliver func(session.Inbound)) (engine.Channel, error) {
	info := transport.SessionInfo{ID: key}
	for _, p := range parties {
		info.Parties = append(info.Parties, transport.Party{Address: p.Address, PubKey: p.PubKey, Role: uint8(p.Role)})
	}
	c, err := n.t.Open(info, handler(deliver))
	if err != nil {
		return nil, err
	}
	return &channel{conn: c, parties: info.Parties}, nil
}

// handler adapts the transport's delivery to the session's.
type handler func(session.Inbound)

func (h handler) Deliver(from common.Address, fromRole, toRole uint8, round string, broadcast bool, payload []byte) {
	h(session.Inbound{From: from, FromRole: session.Role(fromRole), ToRole: session.Role(toRole), Round: round, Broadcast: broadcast, Payload: payload})
}

// channel is one session's transport connection.
type channel struct {
	conn    *transport.Conn
	parties []transport.Party
	once    sync.Once
}

// Send maps a session message onto the transport: a broadcast goes to every party
// (the receiving session filters by message type), a point-to-point message to the
// one party in the role it is for.
func (c *channel) Send(ctx context.Context, m session.Outbound) error {
	if m.Broadcast || m.To == nil {
		return c.conn.Send(ctx, m.Round, uint8(m.FromRole), nil, m.Payload)
	}
	for i := range c.parties {
		p := c.parties[i]
		if p.Address == *m.To && p.Role == uint8(m.ToRole) {
			return c.conn.Send(ctx, m.Round, uint8(m.FromRole), &p, m.Payload)
		}
	}
	return fmt.Errorf("no party %s in role %d", m.To.Hex(), m.ToRole)
}

// Settled waits until every other party echoed every broadcast with the content
// this engine took. A conflict fails at once; a missing echo when ctx ends. The error
// names who is at fault for the engine's claims: a party that never echoed, the
// origin of a proven equivocation, the echoer of a conflict nobody could prove.
func (c *channel) Settled(ctx context.Context) error {
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	for {
		st := c.conn.EchoStatus()
		if len(st.Conflicts) > 0 {
			se := &engine.SettleError{Err: fmt.Errorf("echo conflict on %s from %s", st.Conflicts[0].Slot.Round, st.Conflicts[0].Slot.Origin.Hex())}
			for _, cf := range st.Conflicts {
				if cf.Proven {
					se.Equivocators = append(se.Equivocators, cf.Slot.Origin)
				} else {
					se.Unproven = append(se.Unproven, cf.Peer)
				}
			}
			return se
		}
		if st.Complete {
			return nil
		}
		select {
		case <-ctx.Done():
			se := &engine.SettleError{Err: fmt.Errorf("echoes missing (%s): %w", describeMissing(st.Missing), ctx.Err())}
			for _, m := range st.Missing {
				if m.NotReceived {
					se.Missing = append(se.Missing, m.Slot.Origin) // the others have it; we never got it
				}
				se.Missing = append(se.Missing, m.Parties...)
			}
			return se
		case <-tick.C:
		}
	}
}

// lingerAfterClose keeps a finished session's connection open a little longer: the
// echoes this engine owes the others for the last round go out in the background, and
// a party that finished first must not leave the slower ones waiting for them.
const lingerAfterClose = 10 * time.Second

func (c *channel) Close() {
	c.once.Do(func() { time.AfterFunc(lingerAfterClose, c.conn.Close) })
}

// describeMissing names the first few slots still waiting, for the log.
func describeMissing(missing []transport.MissingEchoes) string {
	out := fmt.Sprintf("%d slots", len(missing))
	for i, m := range missing {
		if i == 3 {
			break
		}
		out += fmt.Sprintf("; %s from %s: not received %v, waiting for %d echoes", m.Slot.Round, m.Slot.Origin.Hex(), m.NotReceived, len(m.Parties))
	}
	return out
}
