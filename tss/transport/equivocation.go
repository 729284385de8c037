package transport

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/tss/wire"
)

// EquivocationProof is a wire.EquivocationProof with the slot it is about, as the
// OnEquivocation hook receives it. Only Proof matters to a verifier: anyone checks it
// with wire.VerifyEquivocationProof(Proof, chainID, Slot.Origin).
type EquivocationProof struct {
	Session [32]byte
	Slot    Slot
	Proof   wire.EquivocationProof
}

// proof pairs two encoded broadcasts for a slot and checks the pair the way the chain
// will, so the hook never receives something the chain would refuse.
func (c *Conn) proof(s Slot, a, b []byte) (EquivocationProof, error) {
	p, err := wire.NewEquivocationProof(a, b)
	if err != nil {
		return EquivocationProof{}, err
	}
	if err := wire.VerifyEquivocationProof(p, c.t.cfg.ChainID, s.Origin); err != nil {
		return EquivocationProof{}, err
	}
	return EquivocationProof{Session: c.id, Slot: s, Proof: p}, nil
}

// investigate resolves one echo conflict: it fetches the broadcast the peer holds for
// the slot. If that is a validly signed broadcast of the origin whose content differs
// from ours, the origin equivocated and the pair is a proof. Anything else (no answer,
// a bad signature, the same content as ours) means the echoer's claim is unsupported:
// nobody is blamed, and EchoStatus keeps showing the conflict as unproven.
func (c *Conn) investigate(j fetchJob) {
	theirs, err := c.t.fetch(c.ctx, j.peer, c.id, j.slot)
	if err != nil {
		return
	}
	c.mu.Lock()
	ours, ok := c.store.get(j.slot)
	proven := c.echoes.isProven(j.slot)
	c.mu.Unlock()
	if !ok || proven {
		return
	}
	p, err := c.proof(j.slot, ours, theirs)
	if err != nil {
		return
	}
	c.mu.Lock()
	proven = c.echoes.isProven(j.slot)
	c.echoes.markProven(j.slot)
	c.mu.Unlock()
	if !proven {
		c.t.report(p)
	}
}

func (t *Transport) report(p EquivocationProof) {
	if t.cfg.OnEquivocation != nil {
		t.cfg.OnEquivocation(p)
	}
}

// fetch asks peer for the broadcast it holds for a slot of a session.
func (t *Transport) fetch(ctx context.Context, peer common.Address, session [32]byte, s Slot) ([]byte, error) {
	base, ok := t.cfg.Directory.Endpoint(peer)
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNoEndpoint, peer.Hex())
	}
	q := url.Values{}
	q.Set("session", hex.EncodeToString(session[:]))
	q.Set("from", s.Origin.Hex())
	q.Set("role", strconv.Itoa(int(s.Role)))
	q.Set("round", s.Round)
	ctx, cancel := context.WithTimeout(ctx, t.cfg.SendTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+pathEnvelope+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := t.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s answered %d", peer.Hex(), resp.StatusCode)
	}
	return io.ReadAll(io.LimitReader(resp.Body, wire.MaxEnvelopeLen+1))
}

// serveEnvelope answers GET /tss/v1/envelope?session=&from=&role=&round= with the
// broadcast this node holds for that slot of an open session. Broadcasts are public
// to the session anyway (signed, not encrypted), so the endpoint needs no caller
// authentication; it serves only what the bounded per-session store holds.
func (t *Transport) serveEnvelope(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	sid, err1 := hex.DecodeString(q.Get("session"))
	role, err2 := strconv.ParseUint(q.Get("role"), 10, 8)
	from := q.Get("from")
	if err1 != nil || err2 != nil || len(sid) != 32 || !common.IsHexAddress(from) {
		http.Error(w, reasonMalformed, http.StatusBadRequest)
		return
	}
	var id [32]byte
	copy(id[:], sid)
	t.mu.Lock()
	c := t.conns[id]
	t.mu.Unlock()
	if c == nil {
		http.Error(w, "unknown session", http.StatusNotFound)
		return
	}
	c.mu.Lock()
	raw, ok := c.store.get(Slot{Origin: common.HexToAddress(from), Role: uint8(role), Round: q.Get("round")})
	c.mu.Unlock()
	if !ok {
		http.Error(w, "no such broadcast", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", contentType)
	_, _ = w.Write(raw)
}
