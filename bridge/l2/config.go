package l2

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
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
	// MaxResponseBytes bounds a JSON-RPC answer; a block without full transactions is
	// a few hundred bytes to a few KiB.
	MaxResponseBytes = 1 << 20
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
}

// withDefaults fills zero fields and checks the rest.
func (c Config) withDefaults() (Config, error) {
	var errs []error
	if c.RPC == "" {
		errs = append(errs, errors.New("l2 rpc: no URL given"))
	} else if u, err := url.Parse(c.RPC); err != nil {
		errs = append(errs, fmt.Errorf("l2 rpc is not a valid URL: %v", urlProblem(err)))
	} else if (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) || u.Host == "" {
		errs = append(errs, fmt.Errorf("l2 rpc must be an http or https URL with a host, got %q", u.Redacted()))
	}
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{
		{"poll interval", &c.PollInterval, DefaultPollInterval},
		{"request timeout", &c.RequestTimeout, DefaultRequestTimeout},
		{"max backoff", &c.MaxBackoff, DefaultMaxBackoff},
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

// redactedRPC is the endpoint for logs (without a password).
func (c Config) redactedRPC() string {
	u, err := url.Parse(c.RPC)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// urlProblem is a URL parse error without the URL, which may hold a password.
func urlProblem(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
