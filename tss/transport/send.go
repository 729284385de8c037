package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/wire"
)

// RejectError is a peer's refusal that retrying will not change.
type RejectError struct {
	Peer   common.Address
	Status int
	Reason string // the peer's reason token and detail
}

func (e *RejectError) Error() string {
	return fmt.Sprintf("%v: %s answered %d: %s", ErrRejected, e.Peer.Hex(), e.Status, e.Reason)
}

func (e *RejectError) Unwrap() error { return ErrRejected }

// Send signs and sends one tss-lib message of this session. to == nil broadcasts it to
// every other party (signed, in clear); otherwise it goes to that party only, sealed to
// its key. Sends to different peers run in parallel, each with its own retries, so a
// peer that is down delays only its own delivery; Send returns when every peer has the
// message or has failed, with the failures joined.
func (c *Conn) Send(ctx context.Context, round string, fromRole uint8, to *Party, payload []byte) error {
	if c.isClosed() {
		return ErrSessionClosed
	}
	if !c.isParty(c.t.self, fromRole) {
		return fmt.Errorf("%w: role %d", ErrNotMyRole, fromRole)
	}
	if to == nil {
		return c.broadcast(ctx, round, fromRole, payload)
	}
	pub, ok := c.parties[partyKey{to.Address, to.Role}]
	if !ok {
		return fmt.Errorf("%w: %s in role %d", ErrUnknownPeer, to.Address.Hex(), to.Role)
	}
	if to.Address == c.t.self {
		if to.Role == fromRole {
			return fmt.Errorf("%w: a party does not message itself", ErrUnknownPeer)
		}
		// Our other committee role lives in this process: no network, no sealing.
		return c.deliverLocal(delivery{from: c.t.self, fromRole: fromRole, toRole: to.Role, round: round, payload: bytes.Clone(payload)})
	}
	e := c.envelope(wire.KindTSS, round, fromRole)
	e.To, e.ToRole = to.Address, to.Role
	if err := wire.SealFor(pub, e, payload); err != nil {
		return err
	}
	raw, err := c.sign(e)
	if err != nil {
		return err
	}
	return c.fanOut(ctx, []common.Address{to.Address}, raw)
}

func (c *Conn) broadcast(ctx context.Context, round string, fromRole uint8, payload []byte) error {
	e := c.envelope(wire.KindTSS, round, fromRole)
	e.Payload = payload
	raw, err := c.sign(e)
	if err != nil {
		return err
	}
	h, err := wire.ContentDigest(e)
	if err != nil {
		return err
	}
	s := Slot{Origin: c.t.self, Role: fromRole, Round: round}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return ErrSessionClosed
	}
	// One broadcast per slot: an honest engine never signs two, which is what makes
	// two of them proof against a dishonest one.
	if _, used := c.ownSlots[ownSlot{fromRole, round}]; used {
		c.mu.Unlock()
		return fmt.Errorf("%w: role %d, round %s", ErrSlotUsed, fromRole, round)
	}
	c.ownSlots[ownSlot{fromRole, round}] = struct{}{}
	toFetch, _ := c.echoes.setOurs(s, h)
	c.store.put(s, raw)
	if len(c.myRoles) > 1 {
		// Our other role is a recipient too.
		c.enqueueLocked(delivery{from: c.t.self, fromRole: fromRole, round: round, broadcast: true, payload: bytes.Clone(payload)})
	}
	c.mu.Unlock()
	for _, p := range toFetch {
		c.t.background(func() { c.investigate(fetchJob{peer: p, slot: s}) })
	}
	return c.fanOut(ctx, c.others, raw)
}

// sendEcho tells every other party which broadcast we received.
func (c *Conn) sendEcho(m wire.Echo) {
	e := c.envelope(wire.KindEcho, wire.EchoRound, wire.RoleParty)
	var err error
	if e.Payload, err = wire.MarshalEcho(m); err != nil {
		return
	}
	raw, err := c.sign(e)
	if err != nil {
		return
	}
	_ = c.fanOut(c.ctx, c.others, raw) // a lost echo shows as missing in EchoStatus
}

func (c *Conn) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

func (c *Conn) deliverLocal(d delivery) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrSessionClosed
	}
	c.enqueueLocked(d)
	return nil
}

func (c *Conn) envelope(kind wire.Kind, round string, fromRole uint8) *wire.Envelope {
	return &wire.Envelope{Version: wire.Version1, ChainID: c.t.cfg.ChainID, SessionID: c.id, Kind: kind,
		Round: round, Seq: c.nextSeq(), From: c.t.self, FromRole: fromRole}
}

func (c *Conn) sign(e *wire.Envelope) ([]byte, error) {
	if err := wire.Sign(e, c.t.cfg.Self); err != nil {
		return nil, err
	}
	return wire.Marshal(e)
}

// fanOut posts raw to each peer in parallel.
func (c *Conn) fanOut(ctx context.Context, peers []common.Address, raw []byte) error {
	ctx, cancel := mergeCancel(ctx, c.ctx)
	defer cancel()
	errs := make([]error, len(peers))
	var wg sync.WaitGroup
	for i, p := range peers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.t.post(ctx, p, raw)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// post delivers raw to one peer: up to 1+SendRetries attempts, SendTimeout each,
// backing off between them; a definite refusal ends it early. The endpoint is looked
// up for every attempt, so an operator's re-registration takes effect mid-send.
func (t *Transport) post(ctx context.Context, peer common.Address, raw []byte) error {
	backoff := t.cfg.RetryBackoff
	var last error
	for attempt := 0; attempt <= t.cfg.SendRetries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return errors.Join(last, ctx.Err())
			case <-time.After(backoff):
			}
			backoff *= 2
		}
		base, ok := t.cfg.Directory.Endpoint(peer)
		if !ok {
			return fmt.Errorf("%w: %s", ErrNoEndpoint, peer.Hex())
		}
		status, reason, err := t.postOnce(ctx, strings.TrimRight(base, "/")+pathMsg, raw)
		switch {
		case err != nil:
			last = fmt.Errorf("%s: %w", peer.Hex(), err)
		case delivered(status):
			return nil
		case retryable(status):
			last = &RejectError{Peer: peer, Status: status, Reason: reason}
		default:
			return &RejectError{Peer: peer, Status: status, Reason: reason}
		}
	}
	return last
}

func (t *Transport) postOnce(ctx context.Context, url string, raw []byte) (int, string, error) {
	ctx, cancel := context.WithTimeout(ctx, t.cfg.SendTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(raw))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := t.client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return resp.StatusCode, strings.TrimSpace(string(body)), nil
}

// mergeCancel is ctx, also cancelled when other is.
func mergeCancel(ctx, other context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(other, cancel)
	return ctx, func() { stop(); cancel() }
}
