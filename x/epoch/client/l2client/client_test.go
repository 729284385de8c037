package l2client_test

import (
	"context"
	"encoding/binary"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	"github.com/themis-network/themis/x/epoch/client/l2client"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// fakeEpoch answers like x/epoch's query server from a fixed schedule.
type fakeEpoch struct {
	epochtypes.UnimplementedQueryServer
	epochs []epochtypes.Epoch // epochs[0] is current, epochs[1] (if any) next
	head   epochtypes.HeadProgress
	// height is the themis height the fake answers at (sent as the SDK's header).
	height int64
	// nextAskedAt records the height each NextEpoch call asked for.
	nextAskedAt []string
}

func (f *fakeEpoch) Producer(_ context.Context, req *epochtypes.QueryProducerRequest) (*epochtypes.QueryEpochResponse, error) {
	for _, e := range f.epochs {
		if e.StartHeight <= req.Height && req.Height <= e.EndHeight {
			return &epochtypes.QueryEpochResponse{Epoch: e}, nil
		}
	}
	return nil, status.Errorf(codes.NotFound, "%s: L2 height %d", epochtypes.ErrNoProducer.Error(), req.Height)
}

func (f *fakeEpoch) CurrentEpoch(ctx context.Context, _ *epochtypes.QueryCurrentEpochRequest) (*epochtypes.QueryCurrentEpochResponse, error) {
	if err := grpc.SetHeader(ctx, metadata.Pairs(grpctypes.GRPCBlockHeightHeader, strconv.FormatInt(f.height, 10))); err != nil {
		return nil, err
	}
	return &epochtypes.QueryCurrentEpochResponse{Epoch: f.epochs[0], Head: f.head}, nil
}

func (f *fakeEpoch) NextEpoch(ctx context.Context, _ *epochtypes.QueryNextEpochRequest) (*epochtypes.QueryEpochResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	f.nextAskedAt = append(f.nextAskedAt, md.Get(grpctypes.GRPCBlockHeightHeader)...)
	if len(f.epochs) < 2 {
		return nil, status.Error(codes.NotFound, epochtypes.ErrNextNotDecided.Error())
	}
	return &epochtypes.QueryEpochResponse{Epoch: f.epochs[1]}, nil
}

// fakeMpc answers the pool key and accepted batches (kept by index, paged by key).
type fakeMpc struct {
	mpctypes.UnimplementedQueryServer
	address string
	batches []mpctypes.AcceptedBatch
}

func (f *fakeMpc) PoolKey(context.Context, *mpctypes.QueryPoolKeyRequest) (*mpctypes.QueryPoolKeyResponse, error) {
	if f.address == "" {
		return nil, status.Error(codes.NotFound, mpctypes.ErrNoPoolKey.Error())
	}
	return &mpctypes.QueryPoolKeyResponse{PoolKey: mpctypes.PoolKey{Address: f.address}}, nil
}

func (f *fakeMpc) AcceptedBatches(_ context.Context, req *mpctypes.QueryAcceptedBatchesRequest) (*mpctypes.QueryAcceptedBatchesResponse, error) {
	var from uint64
	if len(req.Pagination.Key) == 8 {
		from = binary.BigEndian.Uint64(req.Pagination.Key)
	}
	res := &mpctypes.QueryAcceptedBatchesResponse{Pagination: &query.PageResponse{}}
	for _, b := range f.batches {
		if b.Index < from {
			continue
		}
		if uint64(len(res.Batches)) == req.Pagination.Limit {
			res.Pagination.NextKey = binary.BigEndian.AppendUint64(nil, b.Index)
			break
		}
		res.Batches = append(res.Batches, b)
	}
	return res, nil
}

func serve(t *testing.T, e *fakeEpoch, m *fakeMpc) *l2client.Client {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(grpc.ForceServerCodec(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).GRPCCodec()))
	epochtypes.RegisterQueryServer(srv, e)
	mpctypes.RegisterQueryServer(srv, m)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	c, err := l2client.Dial("passthrough:///bufnet", grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func epochOf(id, start, end, producer uint64) epochtypes.Epoch {
	return epochtypes.Epoch{Id: id, StartHeight: start, EndHeight: end, ProducerId: producer,
		Signer: common.BigToAddress(common.Big1).Hex(), Reason: epochtypes.RotationReason_ROTATION_REASON_SCHEDULED}
}

func TestProducerAtAndTheSchedule(t *testing.T) {
	ctx := context.Background()
	since := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	e := &fakeEpoch{epochs: []epochtypes.Epoch{epochOf(7, 121, 140, 2)}, head: epochtypes.HeadProgress{Height: 130, Known: true, Since: since, StalledFor: 4 * time.Second}}
	c := serve(t, e, &fakeMpc{})

	slot, err := c.ProducerAt(ctx, 125)
	require.NoError(t, err)
	require.Equal(t, uint64(7), slot.EpochID)
	require.Equal(t, uint64(2), slot.ProducerID)
	require.True(t, slot.Covers(140) && !slot.Covers(141))
	require.Equal(t, common.BigToAddress(common.Big1), slot.Signer)

	_, err = c.ProducerAt(ctx, 141)
	require.ErrorIs(t, err, l2client.ErrNotScheduled)
	require.ErrorContains(t, err, "L2 height 141")

	_, err = c.Next(ctx)
	require.ErrorIs(t, err, l2client.ErrNotDecided)
	ahead, err := c.ScheduleAhead(ctx)
	require.NoError(t, err)
	require.Len(t, ahead, 1)

	_, head, noEligible, err := c.Current(ctx)
	require.NoError(t, err)
	require.Equal(t, l2client.Head{Height: 130, Since: since, StalledFor: 4 * time.Second}, head)
	require.False(t, noEligible)

	e.epochs = append(e.epochs, epochOf(8, 141, 160, 4))
	ahead, err = c.ScheduleAhead(ctx)
	require.NoError(t, err)
	require.Equal(t, []uint64{7, 8}, []uint64{ahead[0].EpochID, ahead[1].EpochID})
	require.Equal(t, ahead[0].End+1, ahead[1].Start)
}

// The current and the next epoch are read at the same themis height: a re-election
// between the two reads cannot pair a current epoch with a next that no longer follows it.
func TestScheduleAheadReadsOneHeight(t *testing.T) {
	e := &fakeEpoch{epochs: []epochtypes.Epoch{epochOf(7, 121, 140, 2), epochOf(8, 141, 160, 4)},
		head: epochtypes.HeadProgress{Height: 130, Known: true}, height: 500}
	c := serve(t, e, &fakeMpc{})
	ahead, err := c.ScheduleAhead(context.Background())
	require.NoError(t, err)
	require.Len(t, ahead, 2)
	require.Equal(t, []string{"500"}, e.nextAskedAt, "the next epoch is asked at the height the current one was answered at")
}

func TestPoolAddressAndBatches(t *testing.T) {
	ctx := context.Background()
	m := &fakeMpc{}
	c := serve(t, &fakeEpoch{}, m)
	_, err := c.PoolAddress(ctx)
	require.ErrorIs(t, err, l2client.ErrNoPoolKey)

	m.address = "0x00000000000000000000000000000000000000aa"
	addr, err := c.PoolAddress(ctx)
	require.NoError(t, err)
	require.Equal(t, common.HexToAddress(m.address), addr)

	for i := uint64(0); i < 250; i++ {
		m.batches = append(m.batches, mpctypes.AcceptedBatch{Index: i, L2Start: (i-1)*10 + 1, L2End: i * 10, TxHash: common.BigToHash(common.Big2).Bytes()})
	}
	all, err := c.AcceptedBatches(ctx, 0)
	require.NoError(t, err)
	require.Len(t, all, 250, "every page is read")
	for i, b := range all {
		require.Equal(t, uint64(i), b.Index)
	}
	rest, err := c.AcceptedBatches(ctx, 240)
	require.NoError(t, err)
	require.Len(t, rest, 10)
	require.Equal(t, uint64(240), rest[0].Index)
	require.Equal(t, common.BigToHash(common.Big2), rest[0].L1TxHash)
	none, err := c.AcceptedBatches(ctx, 250)
	require.NoError(t, err)
	require.Empty(t, none)
}

// Plaintext only to this machine: the client believes the node's answers.
func TestDialRefusesPlaintextToAnotherMachine(t *testing.T) {
	for _, target := range []string{"127.0.0.1:9090", "localhost:9090", "[::1]:9090", "dns:///127.0.0.1:9090"} {
		c, err := l2client.Dial(target)
		require.NoError(t, err, target)
		require.NoError(t, c.Close())
	}
	for _, target := range []string{"10.0.0.5:9090", "node.example.com:9090", "dns:///rpc.example.com:443", "nonsense"} {
		_, err := l2client.Dial(target)
		require.ErrorContains(t, err, "WithTransportCredentials", target)
	}
}

// A node that answers the same page again cannot keep the client reading for ever.
func TestAcceptedBatchesStopsOnAPageThatDoesNotMove(t *testing.T) {
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(grpc.ForceServerCodec(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).GRPCCodec()))
	mpctypes.RegisterQueryServer(srv, &stuckMpc{})
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	stuck, err := l2client.Dial("passthrough:///stuck", grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }))
	require.NoError(t, err)
	defer stuck.Close()
	_, err = stuck.AcceptedBatches(context.Background(), 0)
	require.ErrorContains(t, err, "does not move")
}

// stuckMpc answers every batch page with the same next key.
type stuckMpc struct {
	mpctypes.UnimplementedQueryServer
}

func (*stuckMpc) AcceptedBatches(context.Context, *mpctypes.QueryAcceptedBatchesRequest) (*mpctypes.QueryAcceptedBatchesResponse, error) {
	return &mpctypes.QueryAcceptedBatchesResponse{Batches: []mpctypes.AcceptedBatch{{Index: 0}},
		Pagination: &query.PageResponse{NextKey: binary.BigEndian.AppendUint64(nil, 0)}}, nil
}
