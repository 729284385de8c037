package keeper_test

import (
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// Short names for the suite.
var (
	sqTokens = sequencertest.Tokens
	sqOwner  = sequencertest.Owner
)

// sqState is every collection of the keeper, indices included, in a comparable form.
type sqState struct {
	Params         types.Params
	Whitelist      []string
	Sequencers     []types.Sequencer
	SignerIndex    map[string]uint64
	OwnerIndex     []string
	AccountIndex   map[string]uint64
	Applied        []string
	Pending        []types.PendingEvent
	PendingDigests map[string]uint64
	NextPendingID  uint64
	PendingCount   uint64
	Banned         []string
	Retired        []string
	History        map[int64]types.ValidatorSet
	Disagreements  []types.Disagreement
}

// sqDump reads the whole keeper state.
func sqDump(t *testing.T, e *sequencertest.Env) sqState {
	t.Helper()
	k, ctx := e.K, e.Ctx
	var s sqState
	var err error
	s.Params, err = k.Params.Get(ctx)
	require.NoError(t, err)
	require.NoError(t, k.Whitelist.Walk(ctx, nil, func(o string) (bool, error) {
		s.Whitelist = append(s.Whitelist, o)
		return false, nil
	}))
	require.NoError(t, k.Sequencers.Walk(ctx, nil, func(_ uint64, v types.Sequencer) (bool, error) {
		s.Sequencers = append(s.Sequencers, v)
		return false, nil
	}))
	s.SignerIndex = map[string]uint64{}
	require.NoError(t, k.SignerIndex.Walk(ctx, nil, func(signer string, id uint64) (bool, error) {
		s.SignerIndex[signer] = id
		return false, nil
	}))
	require.NoError(t, k.OwnerIndex.Walk(ctx, nil, func(p collections.Pair[string, uint64]) (bool, error) {
		s.OwnerIndex = append(s.OwnerIndex, fmt.Sprintf("%s/%d", p.K1(), p.K2()))
		return false, nil
	}))
	s.AccountIndex = map[string]uint64{}
	require.NoError(t, k.AccountIndex.Walk(ctx, nil, func(a sdk.AccAddress, id uint64) (bool, error) {
		s.AccountIndex[hex.EncodeToString(a)] = id
		return false, nil
	}))
	require.NoError(t, k.AppliedEvents.Walk(ctx, nil, func(ev string) (bool, error) {
		s.Applied = append(s.Applied, ev)
		return false, nil
	}))
	require.NoError(t, k.PendingEvents.Walk(ctx, nil, func(_ uint64, p types.PendingEvent) (bool, error) {
		s.Pending = append(s.Pending, p)
		return false, nil
	}))
	s.PendingDigests = map[string]uint64{}
	require.NoError(t, k.PendingDigests.Walk(ctx, nil, func(d []byte, id uint64) (bool, error) {
		s.PendingDigests[hex.EncodeToString(d)] = id
		return false, nil
	}))
	s.NextPendingID, err = k.NextPendingID.Peek(ctx)
	require.NoError(t, err)
	s.PendingCount, err = k.PendingCount.Get(ctx)
	require.NoError(t, err)
	require.NoError(t, k.Banned.Walk(ctx, nil, func(b string) (bool, error) {
		s.Banned = append(s.Banned, b)
		return false, nil
	}))
	require.NoError(t, k.RetiredSigners.Walk(ctx, nil, func(r string) (bool, error) {
		s.Retired = append(s.Retired, r)
		return false, nil
	}))
	require.NoError(t, k.Disagreements.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], d types.Disagreement) (bool, error) {
		s.Disagreements = append(s.Disagreements, d)
		return false, nil
	}))
	s.History = map[int64]types.ValidatorSet{}
	require.NoError(t, k.ValidatorHistory.Walk(ctx, nil, func(h int64, set types.ValidatorSet) (bool, error) {
		s.History[h] = set
		return false, nil
	}))
	return s
}

// withoutQueue is the state with the queue's own collections cleared, to compare
// the effect of resolving an item on everything else.
func (s sqState) withoutQueue() sqState {
	s.Pending, s.PendingDigests, s.PendingCount = nil, nil, 0
	return s
}

// sqSetStatus forces a status that no relayed event produces (JAILED, BANNED, ...);
// x/slashing will own those transitions.
func sqSetStatus(t *testing.T, e *sequencertest.Env, id uint64, status types.SequencerStatus) {
	t.Helper()
	s := e.Seq(id)
	s.Status = status
	require.NoError(t, e.K.Sequencers.Set(e.Ctx, id, s))
}

// sqPower is the keeper's power for sequencer id.
func sqPower(t *testing.T, e *sequencertest.Env, id uint64) int64 {
	t.Helper()
	p, err := e.K.PowerOf(e.Ctx, e.Seq(id))
	require.NoError(t, err)
	return p
}

// sqRejections returns the EventL1EventRejected events emitted on e.Ctx.
func sqRejections(t *testing.T, e *sequencertest.Env) []*types.EventL1EventRejected {
	t.Helper()
	return sequencertest.TypedEvents[*types.EventL1EventRejected](t, e.Ctx)
}

// sqRequireRejectedWith requires exactly one rejection, for pendingID, whose reason
// carries the registered error's message (Resolve records the reason of an apply-time
// failure; the error itself is not returned, the item is dropped).
func sqRequireRejectedWith(t *testing.T, e *sequencertest.Env, pendingID uint64, want error) {
	t.Helper()
	rej := sqRejections(t, e)
	require.Len(t, rej, 1)
	require.Equal(t, pendingID, rej[0].PendingId)
	require.True(t, strings.HasSuffix(rej[0].Reason, want.Error()),
		"reason %q does not end with the registered error %q", rej[0].Reason, want.Error())
	for _, other := range sequencertest.AllErrors {
		if other != want && strings.HasSuffix(rej[0].Reason, other.Error()) {
			t.Fatalf("reason %q matches %q, not only %q", rej[0].Reason, other.Error(), want.Error())
		}
	}
}

// sqSorted returns the strings in byte order, as collections walk string keys.
func sqSorted(s ...string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// sqRequireSameMsg requires two messages of one type with identical encodings.
func sqRequireSameMsg(t *testing.T, want, got proto.Message) {
	t.Helper()
	require.IsType(t, want, got)
	wb, err := proto.Marshal(want)
	require.NoError(t, err)
	gb, err := proto.Marshal(got)
	require.NoError(t, err)
	require.Equal(t, wb, gb)
}

// sqWei is n base units.
func sqWei(n int64) math.Int { return math.NewInt(n) }

// sqInactiveSetups put sqPool's sequencer 1 in each status but ACTIVE, for rules that
// hold whatever the status.
var sqInactiveSetups = []struct {
	name  string
	setup func(t *testing.T, e *sequencertest.Env)
}{
	{"JAILED", func(t *testing.T, e *sequencertest.Env) { sqSetStatus(t, e, sqSeq1, types.SEQUENCER_STATUS_JAILED) }},
	{"REMOVED", func(t *testing.T, e *sequencertest.Env) { sqSetStatus(t, e, sqSeq1, types.SEQUENCER_STATUS_REMOVED) }},
	{"BANNED", func(t *testing.T, e *sequencertest.Env) { sqSetStatus(t, e, sqSeq1, types.SEQUENCER_STATUS_BANNED) }},
	{"UNLOCKING", func(t *testing.T, e *sequencertest.Env) { sqExit(t, e, sqSeq1, false) }},
	{"UNLOCKED", func(t *testing.T, e *sequencertest.Env) { sqExit(t, e, sqSeq1, true) }},
	{"NOT_ADMITTED", func(t *testing.T, e *sequencertest.Env) {
		// Out of the whitelist, so that no later event admits it again.
		sqSetStatus(t, e, sqSeq1, types.SEQUENCER_STATUS_NOT_ADMITTED)
		_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{sqOwner(1)}})
		require.NoError(t, err)
	}},
}
