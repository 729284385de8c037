// Package reporter is the node side of x/mpc's two vote-extension reports. "mpc"
// (Source): in ExtendVote it hands the TSS engine the chain's committed work (open
// sessions, confirmed generation, every engine's endpoint) and turns the engine's
// answer into the signed MpcReport. "mpc-l1" (L1Source, L1Watcher): what this
// validator's own L1 and L2 nodes say about the outbound path. Both run only in
// ExtendVote (off the consensus path), reading a cache branch of committed state.
package reporter

import (
	"context"
	"errors"
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/engine"
	"github.com/themis-network/themis/tss/session"
	"github.com/themis-network/themis/x/mpc/keeper"
	"github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/voteext"
)

// Engine is what the source needs of the TSS engine.
type Engine interface {
	Observe(engine.Work)
	Report() engine.Report
}

// Source implements voteext.ReportSource for x/mpc.
type Source struct {
	keeper keeper.Keeper
	engine Engine
}

// New builds the source.
func New(k keeper.Keeper, e Engine) *Source { return &Source{keeper: k, engine: e} }

// Report observes the committed work and reports the engine's state.
func (s *Source) Report(_ context.Context, chain sdk.Context, height int64) ([]byte, error) {
	w, err := Work(chain, s.keeper, height)
	if err != nil {
		return nil, err
	}
	s.engine.Observe(w)
	r := types.FitReport(ToProto(s.engine.Report()), voteext.MaxReportBytes)
	return types.EncodeReport(r)
}

// Work reads the engine's work from committed state.
func Work(ctx sdk.Context, k keeper.Keeper, height int64) (engine.Work, error) {
	w := engine.Work{Height: height}
	pk, ok, err := k.GetPoolKey(ctx)
	if err != nil {
		return w, err
	}
	if ok {
		w.Generation, w.PoolKey = pk.Generation, pk.PublicKey
	}
	endpoints := map[string]string{} // compressed signer key -> endpoint; lookups only
	err = k.Readiness.Walk(ctx, nil, func(_ []byte, r types.Readiness) (bool, error) {
		if r.Endpoint == "" {
			return false, nil
		}
		endpoints[string(r.PubKey)] = r.Endpoint
		if pub, err := crypto.DecompressPubkey(r.PubKey); err == nil {
			w.Peers = append(w.Peers, engine.Party{Address: crypto.PubkeyToAddress(*pub), PubKey: pub, Endpoint: r.Endpoint})
		}
		return false, nil
	})
	if err != nil {
		return w, err
	}
	open, err := k.OpenSessionList(ctx)
	if err != nil {
		return w, err
	}
	for _, s := range open {
		spec, err := specOf(s, endpoints)
		if err != nil {
			return w, fmt.Errorf("session %d: %w", s.Number, err)
		}
		w.Sessions = append(w.Sessions, spec)
	}
	return w, nil
}

// specOf maps a chain session onto the engine's spec. A resharing's generation on
// chain is the one it produces; the engine names the old one too.
func specOf(s types.Session, endpoints map[string]string) (engine.Spec, error) {
	var spec engine.Spec
	if len(s.SessionKey) != 32 {
		return spec, errors.New("session key is not 32 bytes")
	}
	copy(spec.Key[:], s.SessionKey)
	spec.Deadline = s.DeadlineHeight
	parties := func(list []types.Party) ([]engine.Party, error) {
		out := make([]engine.Party, len(list))
		for i, p := range list {
			pub, err := crypto.DecompressPubkey(p.PubKey)
			if err != nil {
				return nil, fmt.Errorf("party %s: %w", p.Signer, err)
			}
			out[i] = engine.Party{Address: common.HexToAddress(p.Signer), PubKey: pub, Endpoint: endpoints[string(p.PubKey)]}
		}
		return out, nil
	}
	var err error
	switch s.Kind {
	case types.SESSION_KIND_KEYGEN:
		spec.Kind, spec.Threshold, spec.Generation = session.KindKeygen, int(s.Threshold), s.Generation
		spec.Parties, err = parties(s.NewParties)
	case types.SESSION_KIND_RESHARE:
		if s.Generation < 2 {
			return spec, errors.New("a resharing must produce generation 2 or later")
		}
		spec.Kind, spec.Generation, spec.NewGeneration = session.KindReshare, s.Generation-1, s.Generation
		spec.OldThreshold, spec.NewThreshold = int(s.OldThreshold), int(s.Threshold)
		if spec.OldParties, err = parties(s.OldParties); err == nil {
			spec.NewParties, err = parties(s.NewParties)
		}
	case types.SESSION_KIND_SIGN:
		if len(s.Digest) != 32 {
			return spec, errors.New("sign digest is not 32 bytes")
		}
		spec.Kind, spec.Threshold, spec.Generation = session.KindSign, int(s.Threshold), s.Generation
		copy(spec.Digest[:], s.Digest)
		spec.Parties, err = parties(s.Signers)
	default:
		return spec, fmt.Errorf("unknown session kind %v", s.Kind)
	}
	return spec, err
}

// ToProto turns the engine's report into the chain's.
func ToProto(r engine.Report) types.MpcReport {
	out := types.MpcReport{Ready: r.Ready, ShareGeneration: r.ShareGeneration, Endpoint: r.Endpoint}
	for _, res := range r.Results {
		// Exactly one of key and signature, or the chain refuses the whole report (and
		// this validator's readiness with it): a malformed result is left out alone.
		if (len(res.PublicKey) > 0) == (len(res.Signature) > 0) {
			continue
		}
		out.Results = append(out.Results, &types.SessionResult{SessionKey: append([]byte(nil), res.Key[:]...), PublicKey: res.PublicKey, Signature: res.Signature})
	}
	for _, b := range r.Blames {
		out.Blames = append(out.Blames, &types.BlameClaim{SessionKey: append([]byte(nil), b.Key[:]...), Accused: strings.ToLower(b.Accused.Hex()), Reason: reasonOf(b.Reason), Progress: b.Progress})
	}
	return out
}

func reasonOf(r engine.BlameReason) types.BlameReason {
	switch r {
	case engine.BlameMissing:
		return types.BLAME_REASON_MISSING
	case engine.BlameInvalid:
		return types.BLAME_REASON_INVALID
	case engine.BlameEquivocation:
		return types.BLAME_REASON_EQUIVOCATION
	}
	return types.BLAME_REASON_UNSPECIFIED
}
