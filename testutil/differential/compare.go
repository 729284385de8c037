package differential

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/cosmos/cosmos-sdk/types/query"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// ChainSeq is one sequencer as the chain's queries return it.
type ChainSeq struct {
	seqtypes.Sequencer
	Power int64
}

// ChainView reads every sequencer but the genesis relayer through the query service,
// with its power, and the active set's total power.
func ChainView(ctx context.Context, q seqtypes.QueryServer) (map[uint64]ChainSeq, int64, error) {
	all, err := q.Sequencers(ctx, &seqtypes.QuerySequencersRequest{Pagination: &query.PageRequest{Limit: 1_000}})
	if err != nil {
		return nil, 0, err
	}
	out := map[uint64]ChainSeq{}
	for _, s := range all.Sequencers {
		if s.Id == sequencertest.RelayerID {
			continue
		}
		one, err := q.Sequencer(ctx, &seqtypes.QuerySequencerRequest{Id: s.Id})
		if err != nil {
			return nil, 0, err
		}
		out[s.Id] = ChainSeq{Sequencer: one.Sequencer, Power: one.Power}
	}
	set, err := q.ActiveSet(ctx, &seqtypes.QueryActiveSetRequest{})
	if err != nil {
		return nil, 0, err
	}
	return out, set.TotalPower, nil
}

// Diff lists every field where the chain differs from the expected view: want holds
// one entry per sequencer id the contract numbered, wantTotal the active set's power.
func Diff(want map[uint64]Expected, wantTotal int64, got map[uint64]ChainSeq, gotTotal int64) []string {
	var diffs []string
	for _, id := range unionIDs(want, got) {
		w, inContract := want[id]
		g, onChain := got[id]
		switch {
		case !onChain:
			diffs = append(diffs, fmt.Sprintf("seq %d: on L1 (%s, locked %s, nonce %d) but not on chain", id, w.Status, w.Locked, w.Nonce))
			continue
		case !inContract:
			diffs = append(diffs, fmt.Sprintf("seq %d: on chain (%s) but never locked on L1", id, g.Status))
			continue
		}
		field := func(name string, chain, contract any) {
			diffs = append(diffs, fmt.Sprintf("seq %d %s: chain %v, expected %v", id, name, chain, contract))
		}
		if g.Status != w.Status {
			field("status", fmt.Sprintf("%s (%s)", g.Status, g.StatusReason), w.Status)
		}
		if !g.Locked.Equal(w.Locked) {
			field("locked", g.Locked, w.Locked)
		}
		if g.L1Nonce != w.Nonce {
			field("nonce", g.L1Nonce, w.Nonce)
		}
		if g.Owner != w.Owner {
			field("owner", g.Owner, w.Owner)
		}
		if g.Signer != w.Signer {
			field("signer", g.Signer, w.Signer)
		}
		if !bytes.Equal(g.PubKey, w.PubKey) {
			field("pubkey", fmt.Sprintf("%x", g.PubKey), fmt.Sprintf("%x", w.PubKey))
		}
		if g.RewardRecipient != w.RewardRecipient {
			field("reward recipient", g.RewardRecipient, w.RewardRecipient)
		}
		if g.Power != w.Power {
			field("power", g.Power, w.Power)
		}
		if at := unixOrZero(g.Sequencer); at != w.UnlockableAt {
			field("unlockable at", at, w.UnlockableAt)
		}
	}
	if gotTotal != wantTotal {
		diffs = append(diffs, fmt.Sprintf("active set total power: chain %d, expected %d", gotTotal, wantTotal))
	}
	return diffs
}

// unixOrZero is the chain's claim time in unix seconds, 0 when none is set.
func unixOrZero(s seqtypes.Sequencer) uint64 {
	if s.UnlockClaimableAt.IsZero() || s.UnlockClaimableAt.Unix() <= 0 {
		return 0
	}
	return uint64(s.UnlockClaimableAt.Unix())
}

func unionIDs(want map[uint64]Expected, got map[uint64]ChainSeq) []uint64 {
	var ids []uint64
	for id := range want {
		ids = append(ids, id)
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}
