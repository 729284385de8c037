package l2sim

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/themis-network/themis/bridge/l2"
)

// peerClient reads another l2sim node through the one L2 reader (bridge/l2), the same
// code that reads the L2 for the chain: a peer's block is decoded and its served hash
// checked against its header exactly as themis does it.
// peerUserAgent is how a simulator introduces itself to its peers: a lying node
// (ModeLie) lies to every reader but them, as a lying L2 node would to its validator
// while its network keeps it in sync.
const peerUserAgent = "themis-l2sim-peer"

type peerClient struct {
	url string
	c   *l2.Client
}

func dialPeer(url string) (*peerClient, error) {
	c, err := l2.Dial(url, peerTimeout)
	if err != nil {
		return nil, err
	}
	c.SetUserAgent(peerUserAgent)
	return &peerClient{url: url, c: c}, nil
}

// blockNumber is the peer's head height.
func (p *peerClient) blockNumber(ctx context.Context) (uint64, error) {
	return p.c.BlockNumber(ctx)
}

// blockAt is the peer's block at height h (found false: it has none). An error
// wrapping l2.ErrMalformed is an answer that is not a valid block h.
func (p *peerClient) blockAt(ctx context.Context, h uint64) (Block, bool, error) {
	b, err := p.c.BlockByNumber(ctx, h)
	if errors.Is(err, l2.ErrNoBlock) {
		return Block{}, false, nil
	}
	if err != nil {
		return Block{}, false, err
	}
	// The reader checked that b.Hash is b.Header's hash and that it is block h.
	return Block{Header: b.Header, Hash: b.Hash}, true, nil
}

func (p *peerClient) close() { p.c.Close() }

// normalizePeer trims a peer URL and checks it is http(s).
func normalizePeer(u string) (string, error) {
	u = strings.TrimSpace(u)
	if err := checkHTTPURL(u); err != nil {
		return "", fmt.Errorf("peer %q: %w", u, err)
	}
	return u, nil
}
