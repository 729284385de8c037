package bridge

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/listener/l1test"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func TestValidate(t *testing.T) {
	c := DefaultConfig("/home/x")
	c.L1RPC = "http://127.0.0.1:8545"
	require.NoError(t, c.Validate())
	require.Equal(t, filepath.Join("/home/x", "bridge"), c.DataDir)

	bad := DefaultConfig("")
	bad.L1RPC = "127.0.0.1:8545"
	bad.StakingContract = "0x12"
	bad.ChunkSize = 0
	bad.PollInterval = 0
	bad.ChainRPC = "26657"
	bad.ChainGRPC = "nohost"
	bad.HealthAddr = ":"
	bad.From = ""
	err := bad.Validate()
	require.Error(t, err)
	for _, want := range []string{"--home", "--l1-rpc", "--staking-contract", "--poll-interval", "--chunk-size", "--chain-rpc", "--chain-grpc", "--from"} {
		require.Contains(t, err.Error(), want)
	}
}

func TestApplyParams(t *testing.T) {
	p := seqtypes.Params{StakingContract: "0x00000000000000000000000000000000000000AA", L1Confirmations: 12, L1ChainId: 1}
	c := DefaultConfig("/h")
	require.NoError(t, c.ApplyParams(p))
	require.EqualValues(t, 12, c.Confirmations)
	require.EqualValues(t, 76, c.MaxLag)
	require.Equal(t, "l1-chain-id=1 staking-contract=0x00000000000000000000000000000000000000aa", c.Identity())

	c = DefaultConfig("/h")
	c.Confirmations, c.ConfirmationsSet = 3, true
	c.StakingContract = "0x00000000000000000000000000000000000000bb"
	require.ErrorContains(t, c.ApplyParams(p), "differs")

	c = DefaultConfig("/h")
	require.ErrorContains(t, c.ApplyParams(seqtypes.Params{}), "--staking-contract")
	require.ErrorContains(t, c.ApplyParams(seqtypes.DefaultParams()), "--staking-contract", "the zero address is unset")
	c.StakingContract = "0x0000000000000000000000000000000000000000"
	require.ErrorContains(t, c.ApplyParams(seqtypes.DefaultParams()), "zero address")
	c.StakingContract = "0x00000000000000000000000000000000000000bb"
	c.Confirmations, c.ConfirmationsSet = 3, true
	require.NoError(t, c.ApplyParams(seqtypes.Params{L1ChainId: 5, StakingContract: "0x0000000000000000000000000000000000000000"}))
	require.EqualValues(t, 3, c.Confirmations)
}

// --- the whole pipeline against fakes ----------------------------------------------

var (
	contract = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	topic    = common.HexToHash("0x01")
	errOther = errors.New("not staking")
)

type fakeL1 struct {
	mu   sync.Mutex
	head uint64
	logs []gethtypes.Log
}

func (f *fakeL1) ChainID(context.Context) (*big.Int, error) { return big.NewInt(1337), nil }
func (f *fakeL1) BlockNumber(context.Context) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.head, nil
}
func (f *fakeL1) HeaderByNumber(_ context.Context, n *big.Int) (*gethtypes.Header, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n == nil || n.Sign() < 0 {
		return nil, ethereum.NotFound // only numbered blocks are faked
	}
	if n.Uint64() > f.head {
		return nil, ethereum.NotFound
	}
	return l1test.Header(n.Uint64(), 0), nil
}

// BatchCallContext answers the listener's batches: one node.
func (f *fakeL1) BatchCallContext(ctx context.Context, b []rpc.BatchElem) error {
	return l1test.Batch(ctx, f, b)
}
func (f *fakeL1) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- gethtypes.Log) (ethereum.Subscription, error) {
	return nil, errors.New("no")
}
func (f *fakeL1) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]gethtypes.Log, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []gethtypes.Log
	for _, lg := range f.logs {
		if lg.BlockNumber >= q.FromBlock.Uint64() && lg.BlockNumber <= q.ToBlock.Uint64() {
			lg.BlockHash = l1test.Header(lg.BlockNumber, 0).Hash()
			out = append(out, lg)
		}
	}
	return out, nil
}

// add appends a block with one staking log of (seq, nonce).
func (f *fakeL1) add(seq, nonce uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.head++
	f.logs = append(f.logs, gethtypes.Log{
		Address: contract, BlockNumber: f.head, TxHash: common.BigToHash(new(big.Int).SetUint64(f.head)),
		Topics: []common.Hash{topic, common.BigToHash(new(big.Int).SetUint64(seq))},
		Data:   binary.BigEndian.AppendUint64(nil, nonce),
	})
}

func decode(lg gethtypes.Log) (seqtypes.L1EventMsg, error) {
	if lg.Topics[0] != topic {
		return nil, errOther
	}
	return &seqtypes.MsgUnlockInitiated{
		Event:       seqtypes.L1EventRef{TxHash: strings.ToLower(lg.TxHash.Hex()), LogIndex: uint64(lg.Index), BlockNumber: lg.BlockNumber},
		SequencerId: lg.Topics[1].Big().Uint64(), Nonce: binary.BigEndian.Uint64(lg.Data),
		UnlockableAt: 1_800_000_000, // any valid claim time: the processor relays only what ValidateBasic accepts
	}, nil
}

// fakeChain applies a relayed event at once (a pool that always agrees), in nonce
// order per sequencer, and counts how often each event was applied.
type fakeChain struct {
	mu      sync.Mutex
	refuse  func(seqtypes.L1EventMsg) error // nil: refuse nothing
	applied map[string]int
	nonce   map[uint64]uint64
	relays  int
	log     []seqtypes.L1EventMsg // applied, in order
}

func newFakeChain() *fakeChain {
	return &fakeChain{applied: map[string]int{}, nonce: map[uint64]uint64{}}
}

func (c *fakeChain) appliedMsgs() []seqtypes.L1EventMsg {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]seqtypes.L1EventMsg(nil), c.log...)
}

func (c *fakeChain) EventApplied(_ context.Context, ref seqtypes.L1EventRef) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.applied[seqtypes.EventKey(ref)] > 0, nil
}
func (c *fakeChain) PendingEvents(context.Context) (map[string]bool, error) { return nil, nil }
func (c *fakeChain) Ping(context.Context) error                             { return nil }
func (c *fakeChain) Relay(_ context.Context, msgs []seqtypes.L1EventMsg) []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	errs := make([]error, len(msgs))
	for i, m := range msgs {
		c.relays++
		k := seqtypes.EventKey(m.GetEvent())
		var refused error
		if c.refuse != nil {
			refused = c.refuse(m)
		}
		switch {
		case refused != nil:
			errs[i] = refused
		case c.applied[k] > 0:
			errs[i] = errorsmod.Wrap(seqtypes.ErrEventAlreadyApplied, k)
		case m.GetNonce() != c.nonce[m.GetSequencerId()]+1:
			errs[i] = fmt.Errorf("nonce %d not next", m.GetNonce()) // stays; retried
		default:
			c.applied[k]++
			c.nonce[m.GetSequencerId()]++
			c.log = append(c.log, m)
		}
	}
	return errs
}

// total is the number of applied events; twice is the number applied more than once.
func (c *fakeChain) total() (n, twice int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, v := range c.applied {
		n += v
		if v > 1 {
			twice++
		}
	}
	return n, twice
}

func runBridge(t *testing.T, dataDir string, l1 *fakeL1, chain *fakeChain) (stop func() error, healthAddr string) {
	t.Helper()
	cfg := DefaultConfig(t.TempDir())
	cfg.DataDir = dataDir
	cfg.L1RPC = "http://l1"
	cfg.StakingContract = contract.Hex()
	cfg.Confirmations, cfg.ConfirmationsSet = 2, true
	return startBridge(t, cfg, seqtypes.Params{L1ChainId: 1337}, Deps{
		L1: l1, Decode: decode, Topics: []common.Hash{topic}, NotStakingEvent: errOther, Chain: chain, Relayer: chain,
	})
}

// startBridge runs the bridge with test timings until stop is called.
func startBridge(t *testing.T, cfg Config, params seqtypes.Params, deps Deps) (stop func() error, healthAddr string) {
	t.Helper()
	cfg.PollInterval = 5 * time.Millisecond
	cfg.HealthAddr = "127.0.0.1:0"
	require.NoError(t, cfg.Validate())
	require.NoError(t, cfg.ApplyParams(params))
	deps.Submitter = sdk.AccAddress(make([]byte, 20)).String()
	deps.Logger = log.NewTestLogger(t)
	ready := make(chan string, 1)
	deps.Ready = func(a string) { ready <- a }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, deps) }()
	select {
	case healthAddr = <-ready:
	case err := <-done:
		t.Fatalf("bridge did not start: %v", err)
	}
	return func() error { cancel(); return <-done }, healthAddr
}

// The pipeline end to end, stopped and restarted mid-stream: every event is applied
// exactly once, in nonce order, and health reports ok once caught up.
func TestPipelineRestart(t *testing.T) {
	l1 := &fakeL1{}
	chain := newFakeChain()
	dataDir := t.TempDir()
	for n := uint64(1); n <= 30; n++ {
		l1.add(n%3+1, (n+2)/3)
	}
	stop, addr := runBridge(t, dataDir, l1, chain)
	require.Eventually(t, func() bool { n, _ := chain.total(); return n >= 10 }, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, stop())

	for n := uint64(31); n <= 60; n++ {
		l1.add(n%3+1, (n+2)/3)
	}
	stop, addr = runBridge(t, dataDir, l1, chain)
	// head 60, 2 confirmations: blocks up to 59 are read.
	require.Eventually(t, func() bool { n, _ := chain.total(); return n == 59 }, 10*time.Second, 5*time.Millisecond)
	require.Eventually(t, func() bool {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, 10*time.Second, 10*time.Millisecond)
	require.NoError(t, stop())
	_, twice := chain.total()
	require.Zero(t, twice)
}

// A parked event survives a restart of the whole bridge: /healthz and /metrics show it
// with its reason from the start, the bridge stays healthy, and the other sequencers'
// events all went through.
func TestBridgeRestartKeepsParkedItems(t *testing.T) {
	l1 := &fakeL1{}
	chain := newFakeChain()
	chain.refuse = func(m seqtypes.L1EventMsg) error {
		if m.GetSequencerId() == 2 && m.GetNonce() == 1 {
			return errorsmod.Wrap(seqtypes.ErrInvalidAddress, "owner: not an address")
		}
		return nil
	}
	for _, e := range [][2]uint64{{1, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}, {3, 2}} {
		l1.add(e[0], e[1])
	}
	dataDir := t.TempDir()
	stop, addr := runBridge(t, dataDir, l1, chain)
	require.Eventually(t, func() bool {
		n, _ := chain.total()
		_, r := healthz(t, addr)
		return n == 4 && r.OutboxParked == 1 // blocks up to 6: 1/1, 1/2, 3/1, 1/3 applied
	}, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, stop())

	stop, addr = runBridge(t, dataDir, l1, chain)
	defer func() { require.NoError(t, stop()) }()
	_, r := healthz(t, addr)
	require.Equal(t, 1, r.OutboxParked, "parked before the first round")
	require.Len(t, r.Parked, 1)
	require.EqualValues(t, 2, r.Parked[0].SequencerID)
	require.Equal(t, "invalid", r.Parked[0].Reason)
	require.Contains(t, r.Parked[0].Detail, "owner: not an address")
	require.Eventually(t, func() bool { code, _ := healthz(t, addr); return code == http.StatusOK }, 10*time.Second, 5*time.Millisecond)
	resp, err := http.Get("http://" + addr + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Contains(t, string(body), `themis_bridge_outbox_parked{reason="invalid"} 1`)
	n, twice := chain.total()
	require.Equal(t, 4, n, "sequencer 2's nonce 2 waits behind its parked nonce 1")
	require.Zero(t, twice)
}
