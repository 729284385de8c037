package l2

import (
	"errors"
	"fmt"
	"time"
)

// Defaults of Config.
const (
	// DefaultPollInterval keeps the head at most this stale (plus one round trip) when
	// ExtendVote reads it; the chain's blocks are about a second apart.
	DefaultPollInterval = 250 * time.Millisecond
	// DefaultRequestTimeout bounds one JSON-RPC call.
	DefaultRequestTimeout = 2 * time.Second
	// DefaultMaxBackoff caps the wait between failed polls. It stays below the node's
	// default "L2 silent" limit (3 s) so that an L2 node that comes back is noticed
	// before the validator stops reporting a head.
	DefaultMaxBackoff = 2 * time.Second
	// ChainRecheckEvery is how often a watcher with ExpectChainID asks eth_chainId again
	// while every poll succeeds (it asks at once after a failed poll).
	ChainRecheckEvery = 30 * time.Second
	// DefaultRejectedPollInterval is how often the watcher asks for the blocks the L2
	// node refused (themis_rejectedBlocks): evidence needs no sub-second freshness.
	DefaultRejectedPollInterval = 2 * time.Second
	// UnsupportedRecheck is how often a node without themis_rejectedBlocks is asked
	// again (it may be upgraded under the same URL).
	UnsupportedRecheck = time.Minute
	// MaxRejectedKept is how many refused blocks the watcher keeps (the newest).
	MaxRejectedKept = 8
	// MaxResponseBytes bounds one HTTP answer. A block without full transactions is a
	// few hundred bytes plus 67 per transaction hash; a range is read in batches of
	// rangeBatch blocks, each well under this even for full blocks.
	MaxResponseBytes = 4 << 20
)

// Config of a Watcher.
type Config struct {
	// RPC is the L2 node's JSON-RPC endpoint (http or https).
	RPC string
	// PollInterval is the pause between successful polls (default 250 ms).
	PollInterval time.Duration
	// RequestTimeout bounds each JSON-RPC call (default 2 s).
	RequestTimeout time.Duration
	// ExpectChainID, when non-zero, is the chain id the L2 node must report
	// (eth_chainId); heads from another chain are refused. 0 accepts any chain.
	ExpectChainID uint64
	// MaxBackoff caps the wait after failed polls (default 2 s); the wait starts at
	// PollInterval and doubles per consecutive failure.
	MaxBackoff time.Duration
	// RejectedPollInterval is the pause between asks for the refused blocks (default
	// 2 s), made after a successful head poll.
	RejectedPollInterval time.Duration
}

// withDefaults fills zero fields and checks the rest.
func (c Config) withDefaults() (Config, error) {
	var errs []error
	if _, err := checkHTTPURL(c.RPC); err != nil {
		errs = append(errs, err)
	}
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{
		{"poll interval", &c.PollInterval, DefaultPollInterval},
		{"request timeout", &c.RequestTimeout, DefaultRequestTimeout},
		{"max backoff", &c.MaxBackoff, DefaultMaxBackoff},
		{"rejected poll interval", &c.RejectedPollInterval, DefaultRejectedPollInterval},
	} {
		switch {
		case *d.v == 0:
			*d.v = d.def
		case *d.v < 0:
			errs = append(errs, fmt.Errorf("l2 %s must be positive, got %s", d.name, *d.v))
		}
	}
	// A cap below the normal pause would make failures poll faster than successes.
	c.MaxBackoff = max(c.MaxBackoff, c.PollInterval)
	return c, errors.Join(errs...)
}
