// Package reporter is the node's side of x/epoch's vote-extension report: what this
// validator saw of the L2 (from the bridge's L2 watcher, running in the node), its TSS
// readiness, and the next reveal of its seed onion. It runs only in ExtendVote and
// does no I/O there: the head is read from the watcher's cache.
package reporter

import (
	"context"
	"errors"
	"sync"
	"time"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/voteext"
)

// Head is an L2 head as the watcher saw it.
type Head struct {
	Height uint64
	Hash   [32]byte
	Time   uint64
}

// Heads is the L2 watcher: its latest head and when it last reached the L2 node.
type Heads interface {
	Head() (Head, bool)
	LastSuccess() time.Time
}

// Rejections is the L2 watcher's cache of blocks the L2 node refused for a wrong state
// root (bridge/l2: themis_rejectedBlocks), as the RLP of their sealed headers.
type Rejections interface {
	// Rejected returns the cached headers, newest first. It does no I/O.
	Rejected() [][]byte
}

// WrongRootChecker asks the chain's state whether a refused block is worth reporting
// (x/epoch's keeper: WrongRootWanted).
type WrongRootChecker interface {
	WrongRootWanted(ctx sdk.Context, rh types.RejectedHeader, consAddress []byte) (bool, error)
}

// MaxRejectedConsidered bounds the cached refused blocks one report looks at (each
// costs a signature recovery and a few state reads in ExtendVote).
const MaxRejectedConsidered = 8

// OnionReader reads the chain's record of a validator's onion.
type OnionReader interface {
	Get(ctx context.Context, consAddress []byte) (types.OnionState, error)
}

// Config configures a Source.
type Config struct {
	// ConsAddress is this validator's consensus address.
	ConsAddress []byte
	// Secret is the onion secret (LoadOrCreateSecret).
	Secret []byte
	// OnionLength defaults to DefaultOnionLength.
	OnionLength uint64
	// Heads is the L2 watcher; nil reports no head.
	Heads Heads
	// MaxSilence: a head is reported only if the watcher reached the L2 node this
	// recently, so a validator whose L2 node is down stops counting as ready.
	MaxSilence time.Duration
	// Rejections is the watcher's cache of refused blocks; nil reports none.
	Rejections Rejections
	// WrongRoots is the chain's view of them (x/epoch's keeper); nil reports the newest
	// refused block whatever the chain makes of it.
	WrongRoots WrongRootChecker
	// TSSReady tells whether the TSS engine is ready; nil means not ready.
	TSSReady func() bool
	// Now is the clock (tests); defaults to time.Now. ExtendVote may use the clock.
	Now func() time.Time
}

// Source implements voteext.ReportSource for x/epoch.
type Source struct {
	cfg    Config
	onions OnionReader
	mu     sync.Mutex // ExtendVote is not concurrent, but the layer cache must be safe anyway
	o      onions
}

var _ voteext.ReportSource = (*Source)(nil)

// New returns a Source.
func New(cfg Config, onionState OnionReader) (*Source, error) {
	if len(cfg.ConsAddress) != types.ConsAddressLen {
		return nil, errors.New("reporter: consensus address must be 20 bytes")
	}
	if len(cfg.Secret) < SecretLen {
		return nil, errors.New("reporter: onion secret too short")
	}
	if cfg.OnionLength == 0 {
		cfg.OnionLength = DefaultOnionLength
	}
	if cfg.MaxSilence <= 0 {
		cfg.MaxSilence = 3 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Source{cfg: cfg, onions: onionState, o: onions{secret: cfg.Secret, length: cfg.OnionLength}}, nil
}

// Report implements voteext.ReportSource.
func (s *Source) Report(_ context.Context, chain sdk.Context, height int64) ([]byte, error) {
	r := types.Report{}
	if s.cfg.TSSReady != nil {
		r.TssReady = s.cfg.TSSReady()
	}
	if s.cfg.Heads != nil {
		if h, ok := s.cfg.Heads.Head(); ok && s.cfg.Now().Sub(s.cfg.Heads.LastSuccess()) <= s.cfg.MaxSilence {
			r.HasHead, r.L2Height, r.L2Hash, r.L2Time = true, h.Height, append([]byte(nil), h.Hash[:]...), h.Time
		}
	}
	r.RejectedHeader = s.rejected(chain, height)
	st, err := s.onions.Get(chain, s.cfg.ConsAddress)
	has := err == nil
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	s.mu.Lock()
	err = s.o.next(st, has, height, &r)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return types.EncodeReport(r)
}

// rejected picks the refused block this report carries: among the MaxRejectedConsidered
// newest cached ones, those that decode, carry a valid seal and that the chain would count from this validator
// now, the one at height mod their number, so that over a few heights every candidate
// is reported (a block the chain counts drops out, so an honest validator votes for
// each block once and moves on). Nil when there is none. Errors reading the chain's
// state only cost the evidence of this report.
func (s *Source) rejected(chain sdk.Context, height int64) []byte {
	if s.cfg.Rejections == nil {
		return nil
	}
	var candidates [][]byte
	for i, bz := range s.cfg.Rejections.Rejected() {
		if i == MaxRejectedConsidered {
			break
		}
		rh, err := types.DecodeRejectedHeader(bz)
		if err != nil {
			continue // the chain would refuse the whole report
		}
		if s.cfg.WrongRoots != nil {
			if want, err := s.cfg.WrongRoots.WrongRootWanted(chain, rh, s.cfg.ConsAddress); err != nil || !want {
				continue
			}
		}
		candidates = append(candidates, bz)
	}
	if len(candidates) == 0 {
		return nil
	}
	return append([]byte(nil), candidates[uint64(height)%uint64(len(candidates))]...)
}
