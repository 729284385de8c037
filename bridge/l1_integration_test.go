package bridge

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/networks/devl1"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

func tokens(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), devl1.Ether) }

func healthz(t *testing.T, addr string) (int, health.Report) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	defer resp.Body.Close()
	var r health.Report
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	return resp.StatusCode, r
}

// The bridge against the real staking contract on the development L1 (go-ethereum's
// simulated backend behind JSON-RPC), with the real decoder: a lock and a relock are
// relayed with every field; the L1 RPC goes down (health says so) and comes back; a
// relock in a block that a reorg inside the confirmation depth removes is never relayed.
func TestStakingContractOnDevL1(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a development L1")
	}
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	owner := crypto.PubkeyToAddress(key.PublicKey)
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", Accounts: []common.Address{owner}, Tokens: tokens(1_000_000),
		Contracts: contracts.DeployConfig{MinLock: tokens(20_000), MaxLock: tokens(100_000), ExitDelay: contracts.MinExitDelaySeconds, Whitelist: []common.Address{owner}}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = node.Close() })
	// The owner talks to the chain directly: the RPC fault switch is the bridge's only.
	o, err := l1.NewOwner(ctx, node.Client(), key, node.Deployment().Staking)
	require.NoError(t, err)
	o.Mine = func() { node.Mine(1) }

	rpc, err := ethclient.DialContext(ctx, node.RPCURL())
	require.NoError(t, err)
	defer rpc.Close()
	chain := newFakeChain()
	cfg := DefaultConfig(t.TempDir())
	cfg.L1RPC = node.RPCURL()
	cfg.StartBlock = node.Deployment().StakingBlock
	params := seqtypes.Params{StakingContract: strings.ToLower(node.Deployment().Staking.Hex()), L1Confirmations: 3, L1ChainId: devl1.ChainID}
	stop, addr := startBridge(t, cfg, params, Deps{
		L1: rpc, Decode: l1.DecodeStakingLog, Topics: l1.StakingEventTopics(), NotStakingEvent: l1.ErrNotStakingEvent,
		Chain: chain, Relayer: chain,
	})
	defer func() { require.NoError(t, stop()) }()

	signer, err := crypto.GenerateKey()
	require.NoError(t, err)
	_, err = o.Lock(ctx, signer, tokens(30_000), owner)
	require.NoError(t, err)
	_, err = o.Relock(ctx, 1, tokens(5_000))
	require.NoError(t, err)
	// Each call is two blocks (approve, then the call): the lock has 3 confirmations,
	// the relock only 1.
	require.Eventually(t, func() bool { return len(sequencerMsgs(chain)) == 1 }, 10*time.Second, 10*time.Millisecond)
	time.Sleep(100 * time.Millisecond)
	require.Len(t, sequencerMsgs(chain), 1, "the relock is not confirmed yet")
	node.Mine(2)
	require.Eventually(t, func() bool { return len(sequencerMsgs(chain)) == 2 }, 10*time.Second, 10*time.Millisecond)
	// The configuration events since deployment (constructor: bootstrap, treasury, limits,
	// exit delay; then the whitelisting) are relayed too, in configNonce order.
	var nonces []uint64
	for _, m := range chain.appliedMsgs() {
		if c, ok := m.(*seqtypes.MsgConfigChanged); ok {
			nonces = append(nonces, c.ConfigNonce)
		}
	}
	require.Equal(t, []uint64{1, 2, 3, 4, 5}, nonces)
	msgs := sequencerMsgs(chain)
	lock, ok := msgs[0].(*seqtypes.MsgLocked)
	require.True(t, ok)
	require.EqualValues(t, 1, lock.SequencerId)
	require.Equal(t, strings.ToLower(owner.Hex()), lock.Owner)
	require.Equal(t, crypto.FromECDSAPub(&signer.PublicKey)[1:], lock.PubKey)
	require.True(t, lock.Amount.Equal(math.NewIntFromBigInt(tokens(30_000))))
	relock, ok := msgs[1].(*seqtypes.MsgRelocked)
	require.True(t, ok)
	require.EqualValues(t, 2, relock.Nonce)
	require.True(t, relock.Total.Equal(math.NewIntFromBigInt(tokens(35_000))))
	require.Eventually(t, func() bool { code, _ := healthz(t, addr); return code == http.StatusOK }, 10*time.Second, 10*time.Millisecond)

	// L1 RPC down: unhealthy, nothing lost; back: caught up.
	node.SetRPCDown(true)
	_, err = o.Relock(ctx, 1, tokens(1_000))
	require.NoError(t, err)
	node.Mine(3)
	require.Eventually(t, func() bool {
		code, r := healthz(t, addr)
		return code == http.StatusServiceUnavailable && strings.Contains(strings.Join(r.Reasons, ";"), "l1 unreachable")
	}, 10*time.Second, 10*time.Millisecond)
	node.SetRPCDown(false)
	require.Eventually(t, func() bool { return len(sequencerMsgs(chain)) == 3 }, 40*time.Second, 10*time.Millisecond)

	// A relock that a reorg removes before it has 3 confirmations is never relayed;
	// the next relock (the same nonce, another log) is.
	_, err = o.Relock(ctx, 1, tokens(2_000))
	require.NoError(t, err)
	require.NoError(t, node.Reorg(ctx, 1, true))
	_, err = o.Relock(ctx, 1, tokens(7_000))
	require.NoError(t, err)
	node.Mine(3)
	require.Eventually(t, func() bool { return len(sequencerMsgs(chain)) == 4 }, 10*time.Second, 10*time.Millisecond)
	last := sequencerMsgs(chain)[3].(*seqtypes.MsgRelocked)
	require.EqualValues(t, 4, last.Nonce)
	require.True(t, last.Amount.Equal(math.NewIntFromBigInt(tokens(7_000))), "the reorged-out relock of 2,000 never reached the chain")
}

// sequencerMsgs are the applied per-sequencer events, without the configuration changes.
func sequencerMsgs(c *fakeChain) []seqtypes.L1EventMsg {
	var out []seqtypes.L1EventMsg
	for _, m := range c.appliedMsgs() {
		if _, config := m.(*seqtypes.MsgConfigChanged); !config {
			out = append(out, m)
		}
	}
	return out
}
