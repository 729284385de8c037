// Package l2client is the typed Go client an L2 node and a batch submitter use to ask
// themis what they need: who produces an L2 height, the current and next epoch, the
// schedule decided ahead, the pool's L1 address and the L2 batches L1 accepted.
//
// It talks to a themis node's gRPC endpoint (the same queries the REST routes and
// /themis/openapi.json describe). Answers the chain does not have yet (a height beyond
// the decided schedule, a next epoch not decided, no pool key) come back as the
// sentinel errors below, so a caller can wait and ask again.
package l2client

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

var (
	// ErrNotScheduled: no epoch covers the L2 height yet (it is beyond the decided
	// schedule) or any more (it is below the chain's first epoch).
	ErrNotScheduled = errors.New("l2client: no epoch covers this L2 height")
	// ErrNotDecided: the epoch after the current one is not decided yet.
	ErrNotDecided = errors.New("l2client: the next epoch is not decided yet")
	// ErrNoPoolKey: the pool has no threshold key (before the first keygen, or after
	// governance retired a lost key until the new one is confirmed).
	ErrNoPoolKey = errors.New("l2client: the pool has no key yet")
)

// Client asks one themis node. It is safe for concurrent use.
type Client struct {
	conn  *grpc.ClientConn
	epoch epochtypes.QueryClient
	mpc   mpctypes.QueryClient
}

// Dial connects to a themis node's gRPC endpoint. The client believes the node's
// answers (who may sign an L2 height), so ask a node you run or trust, over a channel
// an attacker cannot change: without options Dial speaks plaintext only to a loopback
// target ("127.0.0.1:9090", the node on the same machine); for any other target pass
// grpc.WithTransportCredentials (TLS). The connection is made on first use.
func Dial(target string, opts ...grpc.DialOption) (*Client, error) {
	if len(opts) == 0 {
		if !isLoopback(target) {
			return nil, fmt.Errorf("l2client: %q is not a loopback address: pass grpc.WithTransportCredentials (TLS) to reach a node elsewhere", target)
		}
		opts = []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	}
	codecOpt := grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).GRPCCodec()))
	conn, err := grpc.NewClient(target, append([]grpc.DialOption{codecOpt}, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("l2client: themis gRPC endpoint %q: %w", target, err)
	}
	return &Client{conn: conn, epoch: epochtypes.NewQueryClient(conn), mpc: mpctypes.NewQueryClient(conn)}, nil
}

// isLoopback reports whether target (host:port, with or without a gRPC scheme) names
// this machine.
func isLoopback(target string) bool {
	if i := strings.LastIndex(target, "///"); i >= 0 {
		target = target[i+3:]
	}
	host, _, err := net.SplitHostPort(target)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// notFoundAs returns sentinel (with the node's words) when err is the node's NotFound.
func notFoundAs(err error, sentinel error) error {
	if s, ok := status.FromError(err); ok && s.Code() == codes.NotFound {
		return fmt.Errorf("%w (%s)", sentinel, s.Message())
	}
	return err
}
