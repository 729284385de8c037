package differential

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	// defaultSequences is how many sequences `go test` runs (SPEC issue 10.3: at least 500).
	defaultSequences = 500
	// opsPerSequence: see the README for the measurement behind it.
	opsPerSequence = 10
	// maxFuzzOps bounds a fuzz input's sequence.
	maxFuzzOps = 48
)

// seedOf is sequence i's seed for its keys and offence ids.
func seedOf(i uint64) [32]byte {
	return sha256.Sum256(binary.BigEndian.AppendUint64([]byte("themis differential sequence "), i))
}

// run plays ops against a fresh world and chain and fails t at the first step where the
// chain's sequencer table differs from the contract's, printing the reproduction.
func run(t *testing.T, worlds *Worlds, seed [32]byte, ops []Op, reproduce string) {
	t.Helper()
	ctx := context.Background()
	w, err := worlds.Fresh(ctx)
	require.NoError(t, err)
	seq, err := NewSequence(ctx, t, w, seed)
	require.NoError(t, err)
	check := func(step string, diffs []string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: harness error: %v\n%s\nops:\n%s", step, err, reproduce, seq.Report(ops))
		}
		if len(diffs) > 0 {
			t.Fatalf("%s: the chain differs from the contract:\n  %s\n%s\nops:\n%s", step, joinLines(diffs), reproduce, seq.Report(ops))
		}
	}
	for i, op := range ops {
		diffs, err := seq.Step(op)
		check(fmt.Sprintf("step %d (%s)", i, op), diffs, err)
	}
	if len(ops) > 0 && ops[len(ops)-1].Carried() {
		_, diffs, err := seq.Settle()
		check("after the last step", diffs, err)
	}
}

func joinLines(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n  "
		}
		out += l
	}
	return out
}

// Chain equals contract: random sequences of every L1 operation on the simulated
// backend, relayed through the real listener, decoder, store, processor and keeper;
// after every step the chain's sequencer table equals what the contract says.
//
// GOMAXPROCS workers each own a World (deployed once, forked back per sequence) and take
// the next seed until defaultSequences ran. With THEMIS_DIFFERENTIAL_FOR set (a
// duration; make fuzz passes FUZZTIME) they take the seeds after those instead, 500,
// 501, ..., until that long has passed. A failure stops the sequences not yet started.
func TestChainEqualsContract(t *testing.T) {
	n := uint64(defaultSequences)
	if testing.Short() {
		n = 50
	}
	var extra time.Duration
	if v := os.Getenv("THEMIS_DIFFERENTIAL_FOR"); v != "" {
		d, err := time.ParseDuration(v)
		require.NoError(t, err, "THEMIS_DIFFERENTIAL_FOR")
		extra = d
	}
	var (
		next, ran atomic.Uint64
		failed    atomic.Bool
		wg        sync.WaitGroup
		workers   = runtime.GOMAXPROCS(0)
		start     = time.Now()
	)
	more := func(i uint64) bool { return !failed.Load() && i < n }
	if extra > 0 {
		next.Store(n)
		more = func(uint64) bool { return !failed.Load() && time.Since(start) < extra }
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worlds := &Worlds{}
			defer func() { _ = worlds.Close() }()
			for i := next.Add(1) - 1; more(i); i = next.Add(1) - 1 {
				name := fmt.Sprintf("seed=%d", i)
				reproduce := fmt.Sprintf("reproduce: go test ./testutil/differential -run 'TestChainEqualsContract/%s$' -v", name)
				ok := t.Run(name, func(t *testing.T) {
					run(t, worlds, seedOf(i), RandomOps(i, opsPerSequence), reproduce)
				})
				ran.Add(1)
				if !ok {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("%d sequences of %d ops on %d worlds in %s (%s per sequence)", ran.Load(), opsPerSequence, workers,
		elapsed.Round(time.Millisecond), (elapsed / time.Duration(max(ran.Load(), 1))).Round(time.Microsecond))
}

// FuzzChainEqualsContract is the long form (make fuzz): any input decodes into a
// sequence of up to maxFuzzOps ops (DecodeOps), run like the test's. The seeds are some
// of the test's own sequences, longer.
func FuzzChainEqualsContract(f *testing.F) {
	for i := range uint64(2) {
		f.Add(EncodeOps(RandomOps(1_000_000+i, 24)))
	}
	worlds := &Worlds{}
	f.Cleanup(func() { _ = worlds.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		ops := DecodeOps(data, maxFuzzOps)
		run(t, worlds, sha256.Sum256(data), ops,
			"reproduce: go test ./testutil/differential -run 'FuzzChainEqualsContract/<file in testdata/fuzz/FuzzChainEqualsContract>' -v")
	})
}
