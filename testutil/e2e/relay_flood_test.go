//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// TestLocalnetRelayFlood: on a 4-process L1 localnet with its bridges, node3's
// sequencer floods the chain with 1,000 fee-free relays that fail (stale nonces) and
// 1,000 copies of one relay, while an owner relocks on L1. The flood never gets a
// failing transaction into a block, the bridges' relay of the genuine relock is applied
// within 10 chain blocks of its inclusion, and the mean block time stays in the
// benchmark's band (1.0 ± 0.35 s).
func TestLocalnetRelayFlood(t *testing.T) {
	const floodSize = 1_000
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 20 * time.Second, PortOffset: 50, L1: true})
	ln.WaitHeight(3, 90*time.Second)
	ln.waitBridgesCaughtUp(60 * time.Second)
	node := ln.Nodes[0]
	f := newRelayFlooder(t, ln, ln.Nodes[3])
	id := uint64(4) // node3's sequencer
	applied, err := ln.chainSequencer(id)
	require.NoError(t, err)
	nonce, err := strconv.ParseUint(applied.Nonce, 10, 64)
	require.NoError(t, err)
	hStart := node.MustHeight(t)

	floodDone := make(chan error, 1)
	go func() {
		for i := 0; i < floodSize; i++ {
			if err := f.send(f.relock(id, nonce, fmt.Sprintf("0x%064x", 0xf1000+i))); err != nil { // stale: already applied
				floodDone <- err
				return
			}
			if err := f.send(f.relock(id, nonce+1000, fmt.Sprintf("0x%064x", 0xd0001))); err != nil { // one made-up event, 1,000 times
				floodDone <- err
				return
			}
		}
		floodDone <- nil
	}()

	client := ln.L1Client()
	owner := ln.L1Owner(client, 0)
	receipt, err := owner.Relock(context.Background(), 1, big.NewInt(1))
	require.NoError(t, err)
	logIndex := relockLogIndex(t, client, receipt.TxHash)
	waitApplied(t, node, receipt.TxHash, logIndex, time.Now().Add(3*time.Minute))
	require.NoError(t, <-floodDone)
	hEnd := node.MustHeight(t)
	hQueued, err := findEventHeight(node, hStart, hEnd, "Queued", receipt.TxHash, logIndex)
	require.NoError(t, err)
	hApplied, err := findEventHeight(node, hStart, hEnd, "Applied", receipt.TxHash, logIndex)
	require.NoError(t, err)
	require.NotZero(t, hQueued)
	require.NotZero(t, hApplied)

	failed, total := 0, 0
	for h := hStart; h <= hEnd; h++ {
		codes, err := txCodes(node, h)
		require.NoError(t, err)
		for i, code := range codes {
			if i == 0 {
				continue // the injected extended commit, which is not a transaction
			}
			total++
			if code != 0 {
				failed++
			}
		}
	}
	mean, err := meanBlockTime(node, hStart, hEnd)
	require.NoError(t, err)
	t.Logf("flood: %d sent, %d admitted by CheckTx (%d refused: %v); heights %d..%d: %d transactions, %d failed; genuine relock relayed at %d, applied at %d; mean block %s",
		2*floodSize, f.admitted, f.refused, f.reasons, hStart, hEnd, total, failed, hQueued, hApplied, mean)
	require.Zero(t, failed, "a failing transaction got into a block")
	require.LessOrEqual(t, hApplied-hQueued, int64(10), "the genuine event is applied within 10 blocks of its relay")
	require.InDelta(t, 1.0, mean.Seconds(), 0.35, "mean block time under the flood")
}

// relayFlooder signs relays with a node's signer key and broadcasts them without fee,
// with the account sequence the node expects: a refused transaction uses none.
type relayFlooder struct {
	node              *Node
	factory           tx.Factory
	encode            sdk.TxEncoder
	submitter         string
	admitted, refused int
	reasons           map[string]int // codespace/code of CheckTx's refusals
}

func newRelayFlooder(t *testing.T, ln *Localnet, n *Node) *relayFlooder {
	app.SetAddressPrefixes()
	enc := app.MakeEncodingConfig()
	kr, err := keyring.New(sdk.KeyringServiceName(), keyring.BackendTest, n.Home, nil, enc.Codec)
	require.NoError(t, err)
	rec, err := kr.Key("signer")
	require.NoError(t, err)
	addr, err := rec.GetAddress()
	require.NoError(t, err)
	var acc struct {
		Account struct {
			Number   string `json:"account_number"`
			Sequence string `json:"sequence"`
		} `json:"account"`
	}
	require.NoError(t, GetJSON(fmt.Sprintf("%s/cosmos/auth/v1beta1/accounts/%s", n.REST, addr), &acc))
	number, err := strconv.ParseUint(acc.Account.Number, 10, 64)
	require.NoError(t, err)
	seq, err := strconv.ParseUint(acc.Account.Sequence, 10, 64)
	require.NoError(t, err)
	var status struct {
		Result struct {
			NodeInfo struct {
				Network string `json:"network"`
			} `json:"node_info"`
		} `json:"result"`
	}
	require.NoError(t, GetJSON(n.RPC+"/status", &status))
	f := tx.Factory{}.WithTxConfig(enc.TxConfig).WithKeybase(kr).WithFromName("signer").
		WithChainID(status.Result.NodeInfo.Network).WithAccountNumber(number).WithSequence(seq).WithGas(200_000)
	return &relayFlooder{node: n, reasons: map[string]int{}, factory: f, encode: enc.TxConfig.TxEncoder(), submitter: addr.String()}
}

func (f *relayFlooder) relock(id, nonce uint64, txHash string) sdk.Msg {
	return &sequencertypes.MsgRelocked{
		Submitter:   f.submitter,
		Event:       sequencertypes.L1EventRef{TxHash: txHash, LogIndex: 1, BlockNumber: 1},
		SequencerId: id,
		Amount:      math.NewInt(1),
		Total:       math.NewInt(50_000).Mul(sequencertypes.OneToken).AddRaw(1),
		Nonce:       nonce,
	}
}

// send signs and broadcasts one relay (from the flooding goroutine: it returns errors
// rather than failing the test). Like a persistent attacker it re-signs once with the
// sequence the node expects when its own was wrong.
func (f *relayFlooder) send(msg sdk.Msg) error {
	refusal, expected, err := f.broadcast(msg)
	if err == nil && expected >= 0 {
		f.factory = f.factory.WithSequence(uint64(expected))
		refusal, _, err = f.broadcast(msg)
	}
	if err != nil {
		return err
	}
	if refusal != "" {
		f.refused++
		f.reasons[refusal]++
		return nil
	}
	f.admitted++
	f.factory = f.factory.WithSequence(f.factory.Sequence() + 1)
	return nil
}

var expectedSeq = regexp.MustCompile(`expected (\d+), got`)

// broadcast sends msg once. It returns CheckTx's refusal as codespace/code ("" when
// admitted) and, for a wrong sequence, the sequence the node expects (else -1).
func (f *relayFlooder) broadcast(msg sdk.Msg) (string, int64, error) {
	builder, err := f.factory.BuildUnsignedTx(msg)
	if err != nil {
		return "", -1, err
	}
	if err := tx.Sign(context.Background(), f.factory, "signer", builder, true); err != nil {
		return "", -1, err
	}
	bz, err := f.encode(builder.GetTx())
	if err != nil {
		return "", -1, err
	}
	req, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "broadcast_tx_sync",
		"params": map[string]string{"tx": base64.StdEncoding.EncodeToString(bz)}})
	resp, err := http.Post(f.node.RPC, "application/json", bytes.NewReader(req))
	if err != nil {
		return "", -1, err
	}
	defer resp.Body.Close()
	var out struct {
		Result struct {
			Code      uint32 `json:"code"`
			Codespace string `json:"codespace"`
			Log       string `json:"log"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", -1, err
	}
	if out.Result.Code == 0 {
		return "", -1, nil
	}
	refusal := fmt.Sprintf("%s/%d", out.Result.Codespace, out.Result.Code)
	if m := expectedSeq.FindStringSubmatch(out.Result.Log); m != nil && refusal == "sdk/32" {
		seq, err := strconv.ParseInt(m[1], 10, 64)
		return refusal, seq, err
	}
	return refusal, -1, nil
}

// txCodes are the result codes of the transactions of block h, in block order.
func txCodes(n *Node, h int64) ([]uint32, error) {
	var res struct {
		Result struct {
			TxsResults []struct {
				Code uint32 `json:"code"`
			} `json:"txs_results"`
		} `json:"result"`
	}
	if err := GetJSON(fmt.Sprintf("%s/block_results?height=%d", n.RPC, h), &res); err != nil {
		return nil, err
	}
	codes := make([]uint32, len(res.Result.TxsResults))
	for i, r := range res.Result.TxsResults {
		codes[i] = r.Code
	}
	return codes, nil
}
