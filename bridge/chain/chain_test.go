package chain

import (
	"context"
	"fmt"
	"testing"

	query "github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// fakeQuery serves pending events in pages of two; the rest of the interface panics.
type fakeQuery struct {
	seqtypes.QueryClient
	events []seqtypes.PendingEvent
	calls  int
}

func (f *fakeQuery) PendingEvents(_ context.Context, req *seqtypes.QueryPendingEventsRequest, _ ...grpc.CallOption) (*seqtypes.QueryPendingEventsResponse, error) {
	f.calls++
	start := 0
	if len(req.Pagination.Key) > 0 {
		start = int(req.Pagination.Key[0])
	}
	end := min(start+2, len(f.events))
	res := &seqtypes.QueryPendingEventsResponse{Events: f.events[start:end], Pagination: &query.PageResponse{}}
	if end < len(f.events) {
		res.Pagination.NextKey = []byte{byte(end)}
	}
	return res, nil
}

func TestPendingEventsPaginates(t *testing.T) {
	f := &fakeQuery{}
	var want []string
	for i := uint64(1); i <= 5; i++ {
		ref := seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%064X", i), LogIndex: i, BlockNumber: i}
		msg := &seqtypes.MsgUnlockInitiated{Event: ref, SequencerId: 1, Nonce: i}
		msgType, bz, digest, err := seqtypes.EncodePendingEvent(msg)
		require.NoError(t, err)
		f.events = append(f.events, seqtypes.PendingEvent{Id: i, Digest: digest, Msg: bz, MsgType: msgType})
		key, err := seqtypes.PendingKey(msg)
		require.NoError(t, err)
		want = append(want, key)
	}
	got, err := Client{Query: f}.PendingEvents(context.Background())
	require.NoError(t, err)
	require.Len(t, got, 5)
	for _, k := range want {
		require.True(t, got[k], k)
	}
	require.Equal(t, 3, f.calls)

	// A variant of a queued event (same log, another block number) is another item:
	// the bridge must still relay the real one.
	variant := &seqtypes.MsgUnlockInitiated{Event: seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%064X", 1), LogIndex: 1, BlockNumber: 1 << 40}, SequencerId: 1, Nonce: 1}
	key, err := seqtypes.PendingKey(variant)
	require.NoError(t, err)
	require.False(t, got[key])
}
