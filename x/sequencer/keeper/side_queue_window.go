package keeper

import (
	"context"
	"errors"
	"slices"

	"cosmossdk.io/collections"

	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// maxLaneScan bounds the entries read from one lane for one vote: a lane whose front
// holds items that cannot be judged yet (nonces past the lookahead) costs only itself.
const maxLaneScan = 1024

// Pending implements voteext.SideTxQueue: the vote window, shared fairly between
// relayers. Each relayer's lane (its queued items in relay order, then the relays the
// block being voted on carries from it) offers the items that can be judged now; the
// window takes one item from each lane in turn, starting at a lane that rotates with
// the height. So an honest relayer's items get at least limit/relayers slots of every
// vote, whatever another relayer queued; and what a block relays is judged in the
// vote on that very block.
func (k Keeper) Pending(ctx context.Context, limit int, round voteext.VoteRound) ([]voteext.SideTx, error) {
	if limit <= 0 {
		return nil, nil
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	w := window{k: k, ctx: ctx, round: round, params: params, limit: limit, nonces: map[uint64]uint64{}, lanes: map[uint64][]voteext.SideTx{}}
	if err := w.readLanes(); err != nil {
		return nil, err
	}
	w.readIncoming()
	return w.interleave(), nil
}

// window builds one vote's window. Its maps are lookups only; order comes from the
// relayers slice, sorted.
type window struct {
	k      Keeper
	ctx    context.Context
	round  voteext.VoteRound
	params types.Params
	limit  int

	relayers []uint64
	lanes    map[uint64][]voteext.SideTx
	// nonces caches each sequencer's applied L1 nonce (absent: not locked yet).
	nonces map[uint64]uint64
}

// readLanes reads every non-empty lane, oldest first, keeping what can be judged now.
func (w *window) readLanes() error {
	return w.k.LaneCounts.Walk(w.ctx, nil, func(relayer, _ uint64) (bool, error) {
		w.relayers = append(w.relayers, relayer)
		var (
			lane    []voteext.SideTx
			scanned int
		)
		err := w.k.PendingLanes.Walk(w.ctx, collections.NewPrefixedPairRange[uint64, uint64](relayer), func(key collections.Pair[uint64, uint64]) (bool, error) {
			if scanned >= maxLaneScan {
				return true, nil // the rest of this lane waits; it costs no more reads
			}
			scanned++
			p, err := w.k.PendingEvents.Get(w.ctx, key.K2())
			if err != nil {
				return true, err
			}
			if p.Approved || w.round.Deciding(types.ModuleName, p.Digest) {
				return false, nil
			}
			msg, err := types.DecodePendingEvent(p)
			if err != nil {
				return true, err
			}
			if ok, err := w.judgeableNow(msg); err != nil || !ok {
				return err != nil, err
			}
			lane = append(lane, voteext.SideTx{ID: p.Id, Digest: p.Digest, Msg: msg})
			return len(lane) >= w.limit, nil
		})
		w.lanes[relayer] = lane
		return false, err
	})
}

// readIncoming adds the relays of the block being voted on to their relayers' lanes:
// new events (named by digest; the block queues them) and joins of waiting ones. What
// the block would refuse is left out; a relay the quota or the cap refuses anyway
// only costs the verdict that names nothing.
func (w *window) readIncoming() {
	for _, m := range w.round.Incoming {
		msg, ok := m.(types.L1EventMsg)
		if !ok || msg.ValidateBasic() != nil {
			continue
		}
		relayer, err := w.k.relayerID(w.ctx, msg.GetSubmitter())
		if err != nil {
			continue
		}
		_, _, digest, err := types.EncodePendingEvent(msg)
		if err != nil || w.round.Deciding(types.ModuleName, digest) {
			continue
		}
		var id uint64
		if pid, err := w.k.PendingDigests.Get(w.ctx, digest); err == nil {
			id = pid
		} else if !errors.Is(err, collections.ErrNotFound) {
			continue
		} else if _, err := w.k.checkL1Event(w.ctx, msg, stageQueue); err != nil {
			continue
		}
		if ok, err := w.judgeableNow(msg); err != nil || !ok {
			continue
		}
		if _, seen := w.lanes[relayer]; !seen {
			w.relayers = append(w.relayers, relayer)
		}
		if len(w.lanes[relayer]) < w.limit {
			w.lanes[relayer] = append(w.lanes[relayer], voteext.SideTx{ID: id, Digest: digest, Msg: msg})
		}
	}
	slices.Sort(w.relayers)
	w.relayers = slices.Compact(w.relayers)
}

// judgeableNow reports whether a vote on msg can take effect soon: a lock of an id not
// yet locked, or an event of a locked sequencer (or a configuration change) within
// nonce_lookahead of its applied nonce. Anything further ahead waits, unjudged, for its predecessors; so a relayer
// that names real sequencers with far-future nonces fills no slot of the window.
func (w *window) judgeableNow(msg types.L1EventMsg) (bool, error) {
	id := msg.GetSequencerId()
	applied, locked := w.nonces[id]
	if !locked {
		var err error
		if applied, locked, err = w.k.l1NonceOf(w.ctx, id); err != nil {
			return false, err
		}
		if locked {
			w.nonces[id] = applied
		}
	}
	if _, isLock := msg.(*types.MsgLocked); isLock {
		return !locked, nil
	}
	return locked && types.WithinLookahead(applied, msg.GetNonce(), w.params.NonceLookahead), nil
}

// interleave takes one item from each lane in turn, the first lane rotating with the
// height, until the window is full or the lanes are empty. An item in several lanes
// (joined) is taken once.
func (w *window) interleave() []voteext.SideTx {
	var out []voteext.SideTx
	if len(w.relayers) == 0 {
		return nil
	}
	taken := map[string]struct{}{}
	start := int(uint64(max(w.round.Height, 0)) % uint64(len(w.relayers)))
	pos := make([]int, len(w.relayers))
	for progress := true; progress && len(out) < w.limit; {
		progress = false
		for i := range w.relayers {
			lane := (start + i) % len(w.relayers)
			items := w.lanes[w.relayers[lane]]
			for pos[lane] < len(items) {
				item := items[pos[lane]]
				pos[lane]++
				if _, dup := taken[string(item.Digest)]; dup {
					continue
				}
				taken[string(item.Digest)] = struct{}{}
				out = append(out, item)
				progress = true
				break
			}
			if len(out) >= w.limit {
				break
			}
		}
	}
	return out
}
