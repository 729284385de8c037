package l2sim

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/crypto"
)

// testKey is a fresh signer key.
func testKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func memberOf(id uint64, k *ecdsa.PrivateKey) Member {
	return Member{SequencerID: id, Signer: crypto.PubkeyToAddress(k.PublicKey)}
}

func producerOf(m Member, start, end uint64) Producer {
	return Producer{SequencerID: m.SequencerID, Signer: m.Signer, StartHeight: start, EndHeight: end}
}

const testChainID = 59902

// fast intervals keep the network tests short; sync runs faster than production so a
// block spreads before the next one is due.
const (
	testBlockInterval = 40 * time.Millisecond
	testSyncInterval  = 15 * time.Millisecond
)

// startNode builds a node on a loopback port chosen by the OS and runs it until the test
// ends (or stop is called). The returned stop waits for Run to return.
func startNode(t *testing.T, cfg Config) (*Node, func()) {
	t.Helper()
	if cfg.ChainID == 0 {
		cfg.ChainID = testChainID
	}
	cfg.Listen = "127.0.0.1:0"
	if cfg.BlockInterval == 0 {
		cfg.BlockInterval = testBlockInterval
	}
	if cfg.SyncInterval == 0 {
		cfg.SyncInterval = testSyncInterval
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewTestLoggerError(t)
	}
	n, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- n.Run(ctx) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
	}
	t.Cleanup(stop)
	return n, stop
}

// eventually polls cond until it holds or the timeout passes.
// describe, if given, adds the state to the failure message.
func eventually(t *testing.T, timeout time.Duration, what string, cond func() bool, describe ...func() string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			var state string
			for _, d := range describe {
				state += d()
			}
			t.Fatalf("timed out after %s waiting for: %s%s", timeout, what, state)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// checkChain re-verifies a node's whole chain against the schedule: every block by the
// producer scheduled for its height, correctly linked, with the correct state root.
func checkChain(t *testing.T, n *Node, sched Schedule) {
	t.Helper()
	head := n.Head()
	prev, _ := n.BlockAt(0)
	if prev.Hash != Genesis(n.cfg.ChainID).Hash {
		t.Fatalf("node %s: block 0 is not the genesis", n.Signer())
	}
	for h := uint64(1); h <= head.Height(); h++ {
		b, ok := n.BlockAt(h)
		if !ok {
			t.Fatalf("node %s: no block %d below head %d", n.Signer(), h, head.Height())
		}
		p, ok, err := sched.ProducerAt(context.Background(), h)
		if err != nil || !ok {
			t.Fatalf("node %s: block %d exists but nobody is scheduled (%v)", n.Signer(), h, err)
		}
		if err := VerifyBlock(&b, &prev, p); err != nil {
			t.Fatalf("node %s: block %d: %v", n.Signer(), h, err)
		}
		prev = b
	}
}

func hasFault(n *Node, kind FaultKind, producerID uint64) bool {
	for _, f := range n.Faults() {
		if f.Kind == kind && f.ProducerID == producerID {
			return true
		}
	}
	return false
}

var errTest = errors.New("test error")

func nopLogger() log.Logger { return log.NewNopLogger() }
