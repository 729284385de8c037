//go:build e2e

package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/networks/devl1"
)

// TestLocalnetL1Faults: 4 validators, the development L1 and 4 bridges, all real
// processes, through the faults SPEC 8 says the L1 path must survive:
//   - a forged lock broadcast by one validator is voted down and never applied;
//   - every bridge killed (SIGKILL) mid-stream and restarted: no event missed, none applied twice;
//   - an L1 reorg inside the confirmation depth: the dropped event is never applied, a
//     moved event is applied once, from its new block;
//   - the L1 RPC down for a minute: the chain keeps making blocks, the bridges report
//     unhealthy, and every event of the outage is applied once it is back.
func TestLocalnetL1Faults(t *testing.T) {
	ln := StartLocalnet(t, Options{Validators: 4, VotingPeriod: 10 * time.Second, PortOffset: 40, L1: true})
	ln.WaitHeight(3, 90*time.Second)
	f := &l1Faults{ln: ln, client: ln.L1Client()}
	for i := range 4 {
		f.owners = append(f.owners, ln.L1Owner(f.client, i))
		_, err := f.owners[i].Approve(context.Background(), tokens(10_000).BigInt())
		require.NoError(t, err)
	}

	f.forgedLockIsVotedDown(t)
	f.bridgesKilledMidStream(t)
	f.reorgInsideConfirmations(t)
	f.l1RPCDownForAMinute(t)
	requireSameAppHash(t, ln)
}

type l1Faults struct {
	ln     *Localnet
	client *ethclient.Client
	owners []*l1.Owner // owners[i] owns sequencer i+1
}

// forgedLockIsVotedDown: node1's operator relays a Locked event that never happened on
// L1 (a made-up transaction of a whitelisted owner). Every stateless and stateful check
// passes, so it waits for the vote; every validator's L1 says no such log, and it is
// rejected without creating a sequencer.
func (f *l1Faults) forgedLockIsVotedDown(t *testing.T) {
	ln := f.ln
	from := ln.Nodes[0].MustHeight(t) + 1 // verdicts of earlier phases are in blocks up to the current one
	fakeTx := "0x" + randomHex(t, 32)
	head, err := f.client.BlockNumber(context.Background())
	require.NoError(t, err)
	owner := strings.ToLower(crypto.PubkeyToAddress(devl1.OwnerKey(0).PublicKey).Hex())
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	out := ln.CLI(ln.Nodes[1], "tx", "sequencer", "relay-locked", "--from", "signer", "--yes",
		"--event", fmt.Sprintf(`{"tx_hash":%q,"log_index":"0","block_number":"%d"}`, fakeTx, head-3),
		"--sequencer-id", "5", "--owner", owner, "--pub-key", hex.EncodeToString(crypto.FromECDSAPub(&key.PublicKey)[1:]), "--amount", tokens(50_000).String(),
		"--reward-recipient", owner, "--nonce", "1")
	require.Contains(t, out, "code: 0", "the forged event passes the admission checks: %s", out)

	var verdict L1EventRecord
	ln.waitFor(60*time.Second, "a verdict on the forged lock", func() bool {
		for _, v := range ln.L1Verdicts(ln.Nodes[0], from, ln.Nodes[0].MustHeight(t)) {
			if v.TxHash == fakeTx {
				verdict = v
				return true
			}
		}
		return false
	})
	require.Equal(t, "Rejected", verdict.Kind, "the forged lock must be voted down")
	require.Contains(t, verdict.Reason, "does not match L1")
	_, err = ln.chainSequencer(5)
	require.ErrorContains(t, err, "unknown sequencer", "no sequencer was created")
	applied, err := EventApplied(ln.Nodes[2], fakeTx, 0)
	require.NoError(t, err)
	require.False(t, applied)
	t.Logf("forged lock %s rejected at height %d: %s", fakeTx, verdict.Height, verdict.Reason)
}

// bridgesKilledMidStream: 4 owners relock once every 400 ms each. As soon as the first of
// those events is applied, every bridge is killed with SIGKILL; two come back 1.5 s
// later while the stream goes on, the other two after it ended (1.5 s after that).
// Every L1 event must be applied exactly once and the chain must end equal to the contract.
func (f *l1Faults) bridgesKilledMidStream(t *testing.T) {
	ln := f.ln
	from := ln.Nodes[0].MustHeight(t) + 1 // verdicts of earlier phases are in blocks up to the current one
	const maxPerOwner = 60                // the stream ends when told; this bounds it if the test fails first
	stop := make(chan struct{})
	var (
		mu   sync.Mutex
		sent []common.Hash
		last time.Time
		wg   sync.WaitGroup
	)
	errs := make(chan error, len(f.owners))
	for i, owner := range f.owners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			nonce, err := f.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(devl1.OwnerKey(i).PublicKey))
			if err != nil {
				errs <- err
				return
			}
			for k := range uint64(maxPerOwner) {
				select {
				case <-stop:
					return
				default:
				}
				h, err := owner.SendRelock(ctx, uint64(i+1), tokens(1).BigInt(), nonce+k)
				if err != nil {
					errs <- fmt.Errorf("owner %d relock %d: %w", i, k, err)
					return
				}
				mu.Lock()
				sent, last = append(sent, h), time.Now()
				mu.Unlock()
				time.Sleep(400 * time.Millisecond)
			}
		}()
	}
	before := f.chainNonces(t)
	ln.waitFor(30*time.Second, "the first streamed event applied", func() bool { return !equalNonces(before, f.chainNonces(t)) })
	killedAt := time.Now()
	for _, n := range ln.Nodes {
		ln.KillBridge(n)
	}
	time.Sleep(1500 * time.Millisecond)
	ln.StartBridge(ln.Nodes[0])
	ln.StartBridge(ln.Nodes[1])
	time.Sleep(1500 * time.Millisecond)
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.True(t, last.After(killedAt), "events were still being sent after the kill")
	time.Sleep(time.Second)
	ln.StartBridge(ln.Nodes[2])
	ln.StartBridge(ln.Nodes[3])

	f.waitMined(t, sent...)
	f.waitChainEqualsL1(t, 90*time.Second)
	f.requireAppliedExactlyOnce(t, from, sent)
	for _, n := range ln.Nodes {
		ln.waitFor(30*time.Second, fmt.Sprintf("node%d's bridge with an empty outbox", n.Index), func() bool {
			r, ok := BridgeHealth(n)
			return ok && r.OutboxPending == 0
		})
	}
	t.Logf("bridges killed mid-stream: %d events, each applied once", len(sent))
}

// reorgInsideConfirmations: with the block timer paused the test decides what each L1
// block holds. A relock of 7 tokens is mined with one confirmation (the chain needs 2)
// and the block is reorged away with its transaction: no bridge relays it and the chain
// never applies it; a relock of 3 tokens takes its nonce and is applied. Then a relock
// of 5 tokens is reorged into a different block: it is applied once, from the new block.
func (f *l1Faults) reorgInsideConfirmations(t *testing.T) {
	ln := f.ln
	ctx := context.Background()
	from := ln.Nodes[0].MustHeight(t) + 1 // verdicts of earlier phases are in blocks up to the current one
	start := f.chainSequencer(t, 1)

	f.admin(t, "/mining", "paused", "true")
	time.Sleep(time.Second) // a tick already under way may still mine
	dropped := f.sendRelock(t, 0, 7)
	f.admin(t, "/mine", "blocks", "1")
	receipt, err := f.client.TransactionReceipt(ctx, dropped)
	require.NoError(t, err, "the relock is mined with one confirmation")
	time.Sleep(4 * time.Second) // 8 bridge polls
	require.Equal(t, start, f.chainSequencer(t, 1), "an event with too few confirmations is not applied")
	require.Empty(t, f.pendingEvents(t), "nor relayed")
	f.admin(t, "/reorg", "depth", "1", "drop", "true")
	_, err = f.client.TransactionReceipt(ctx, dropped)
	require.Error(t, err, "the reorg removed the relock of block %d", receipt.BlockNumber)
	f.admin(t, "/mining", "paused", "false")
	time.Sleep(4 * time.Second)
	require.Equal(t, start, f.chainSequencer(t, 1), "the reorged event is never applied")

	replacement := f.sendRelock(t, 0, 3)
	want := new(big.Int).Add(start.locked, tokens(3).BigInt())
	f.waitMined(t, replacement)
	f.waitChainEqualsL1(t, 30*time.Second)
	require.Equal(t, want.String(), f.chainSequencer(t, 1).locked.String(), "the replacement's 3 tokens, not the dropped 7")

	f.admin(t, "/mining", "paused", "true")
	time.Sleep(time.Second)
	moved := f.sendRelock(t, 0, 5)
	f.admin(t, "/mine", "blocks", "1")
	first, err := f.client.TransactionReceipt(ctx, moved)
	require.NoError(t, err)
	f.admin(t, "/reorg", "depth", "1")
	f.admin(t, "/mining", "paused", "false")
	var second = first
	ln.waitFor(30*time.Second, "the moved relock mined again", func() bool {
		r, err := f.client.TransactionReceipt(ctx, moved)
		if err == nil {
			second = r
		}
		return err == nil && r.BlockHash != first.BlockHash
	})
	f.waitChainEqualsL1(t, 30*time.Second)
	require.Equal(t, new(big.Int).Add(want, tokens(5).BigInt()).String(), f.chainSequencer(t, 1).locked.String())
	f.requireAppliedExactlyOnce(t, from, []common.Hash{replacement, moved})
	for _, v := range ln.L1Verdicts(ln.Nodes[0], from, f.settledHeight(t)) {
		require.NotEqual(t, strings.ToLower(dropped.Hex()), v.TxHash, "the dropped relock never reached a verdict")
		if v.TxHash == strings.ToLower(moved.Hex()) {
			require.Equal(t, second.BlockNumber.Uint64(), v.Block, "the moved relock is applied from its new block")
		}
	}
	t.Logf("reorg: dropped relock %s never applied; moved relock applied from block %d %s (was %s)", dropped, second.BlockNumber, second.BlockHash.TerminalString(), first.BlockHash.TerminalString())
}

// l1RPCDownForAMinute: 8 relocks are queued, the L1 RPC is switched off and they are mined
// while every validator and bridge is cut off. For a minute the chain keeps making
// blocks (vote extensions abstain on transport errors rather than vote no) and the
// bridges report unhealthy; once it is back, every event is applied, each once.
func (f *l1Faults) l1RPCDownForAMinute(t *testing.T) {
	ln := f.ln
	from := ln.Nodes[0].MustHeight(t) + 1 // verdicts of earlier phases are in blocks up to the current one
	f.admin(t, "/mining", "paused", "true")
	time.Sleep(time.Second)
	var sent []common.Hash
	for i := range f.owners {
		sent = append(sent, f.sendRelock(t, i, 2), f.sendRelock(t, i, 2))
	}
	before := f.chainNonces(t)
	f.admin(t, "/rpc", "down", "true")
	f.admin(t, "/mine", "blocks", "3")
	f.admin(t, "/mining", "paused", "false")
	downHeight := ln.Nodes[0].MustHeight(t)
	time.Sleep(time.Minute)
	upHeight := ln.Nodes[0].MustHeight(t)
	require.GreaterOrEqual(t, upHeight-downHeight, int64(30), "the chain keeps making blocks while the L1 is unreachable")
	require.Equal(t, before, f.chainNonces(t), "nothing can be verified, so nothing is applied")
	for _, n := range ln.Nodes {
		r, ok := BridgeHealth(n)
		require.False(t, ok, "node%d's bridge reports the L1 outage", n.Index)
		require.Contains(t, strings.Join(r.Reasons, "; "), "l1", "node%d's bridge names the L1", n.Index)
	}
	f.admin(t, "/rpc", "down", "false")
	f.waitMined(t, sent...)
	f.waitChainEqualsL1(t, 60*time.Second)
	f.requireAppliedExactlyOnce(t, from, sent)
	t.Logf("L1 RPC down from height %d to %d; %d events applied after it came back", downHeight, upHeight, len(sent))
}

func (f *l1Faults) sendRelock(t *testing.T, owner int, whole int64) common.Hash {
	t.Helper()
	ctx := context.Background()
	nonce, err := f.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(devl1.OwnerKey(owner).PublicKey))
	require.NoError(t, err)
	h, err := f.owners[owner].SendRelock(ctx, uint64(owner+1), tokens(whole).BigInt(), nonce)
	require.NoError(t, err)
	return h
}

// waitMined waits until every transaction has a receipt, so that comparing the chain
// with the L1 head includes their events.
func (f *l1Faults) waitMined(t *testing.T, txs ...common.Hash) {
	t.Helper()
	for _, h := range txs {
		f.ln.waitFor(30*time.Second, "L1 transaction "+h.Hex()+" mined", func() bool {
			_, err := f.client.TransactionReceipt(context.Background(), h)
			return err == nil
		})
	}
}

func (f *l1Faults) admin(t *testing.T, path string, kv ...string) {
	t.Helper()
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Set(kv[i], kv[i+1])
	}
	require.NoError(t, f.ln.L1.Do(path, q))
}

type chainSeq struct {
	locked *big.Int
	nonce  string
}

func (f *l1Faults) chainSequencer(t *testing.T, id uint64) chainSeq {
	t.Helper()
	s, err := f.ln.chainSequencer(id)
	require.NoError(t, err)
	locked, ok := new(big.Int).SetString(s.Locked, 10)
	require.True(t, ok, "locked %q", s.Locked)
	return chainSeq{locked: locked, nonce: s.Nonce}
}

func (f *l1Faults) chainNonces(t *testing.T) []string {
	var out []string
	for id := range uint64(len(f.owners)) {
		out = append(out, f.chainSequencer(t, id+1).nonce)
	}
	return out
}

func equalNonces(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }

// waitChainEqualsL1 waits until every sequencer's locked amount and nonce on the chain
// equal the staking contract's at the L1 head.
func (f *l1Faults) waitChainEqualsL1(t *testing.T, timeout time.Duration) {
	t.Helper()
	diff := "not compared yet"
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		diff = ""
		for id := range uint64(len(f.owners)) {
			onL1 := f.ln.L1SequencerState(f.client, id+1)
			onChain := f.chainSequencer(t, id+1)
			if onL1.Locked.Cmp(onChain.locked) != 0 || fmt.Sprint(onL1.Nonce) != onChain.nonce {
				diff = fmt.Sprintf("sequencer %d: L1 %s nonce %d, chain %s nonce %s", id+1, onL1.Locked, onL1.Nonce, onChain.locked, onChain.nonce)
				break
			}
		}
		if diff == "" {
			return
		}
	}
	t.Fatalf("after %s the chain still differs from the L1 contract: %s", timeout, diff)
}

// requireAppliedExactlyOnce checks the verdicts since height from: each sent
// transaction's event applied once, nothing rejected, nothing else applied.
func (f *l1Faults) requireAppliedExactlyOnce(t *testing.T, from int64, sent []common.Hash) {
	t.Helper()
	want := map[string]bool{}
	for _, h := range sent {
		want[strings.ToLower(h.Hex())] = true
	}
	seen := map[string]int{}
	to := f.settledHeight(t)
	for _, v := range f.ln.L1Verdicts(f.ln.Nodes[0], from, to) {
		require.Equal(t, "Applied", v.Kind, "no rejection expected: %+v", v)
		require.True(t, want[v.TxHash], "an event nobody sent was applied: %+v", v)
		seen[v.TxHash]++
	}
	for _, h := range sent {
		require.Equal(t, 1, seen[strings.ToLower(h.Hex())], "event of %s applied once in heights %d..%d", h, from, to)
	}
}

// settledHeight returns the highest height any running node has committed, once node 0
// has it too. The chain state the phases compare with L1 is read from node 1, which may
// be a block ahead of node 0, whose block results are scanned.
func (f *l1Faults) settledHeight(t *testing.T) int64 {
	t.Helper()
	var top int64
	for _, n := range f.ln.Nodes {
		if n.cmd != nil {
			top = max(top, n.MustHeight(t))
		}
	}
	f.ln.WaitHeight(top, 30*time.Second)
	return top
}

func (f *l1Faults) pendingEvents(t *testing.T) []json.RawMessage {
	t.Helper()
	var resp struct {
		Events []json.RawMessage `json:"events"`
	}
	require.NoError(t, GetJSON(f.ln.Nodes[0].REST+"/themis/sequencer/v1/pending_events", &resp))
	return resp.Events
}

func randomHex(t *testing.T, n int) string {
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}
