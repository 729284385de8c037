package abcinet

import (
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cometbft/cometbft/privval"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/reporter"
)

// L2Heads is a validator's view of the L2 for its vote extensions: a head it can move
// and an L2 node it can take down.
type L2Heads struct {
	mu   sync.Mutex
	head reporter.Head
	has  bool
	down bool
	// rejected are the sealed headers (RLP) its L2 node refused, newest first.
	rejected [][]byte
}

// SetRejected makes the validator's L2 watcher hold the refused blocks rlps (newest
// first), as it caches them from themis_rejectedBlocks.
func (l *L2Heads) SetRejected(rlps ...[]byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rejected = rlps
}

// Rejected implements reporter.Rejections.
func (l *L2Heads) Rejected() [][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([][]byte(nil), l.rejected...)
}

// Set makes the validator's L2 node see head height h.
func (l *L2Heads) Set(h uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.head = reporter.Head{Height: h, Hash: sha256.Sum256(binary.BigEndian.AppendUint64(nil, h)), Time: 1_700_000_000 + h}
	l.has = true
}

// SetDown takes the validator's L2 node down (true) or brings it back.
func (l *L2Heads) SetDown(down bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.down = down
}

// Head implements reporter.Heads.
func (l *L2Heads) Head() (reporter.Head, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.head, l.has
}

// LastSuccess implements reporter.Heads: now while the L2 node is up.
func (l *L2Heads) LastSuccess() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.down {
		return time.Time{}
	}
	return time.Now()
}

// writeValidatorKey writes the validator's consensus key where the node reads it.
func writeValidatorKey(t testing.TB, home string, k Key) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Join(home, "config"), 0o700))
	require.NoError(t, os.MkdirAll(filepath.Join(home, "data"), 0o700))
	privval.NewFilePV(k.Priv, filepath.Join(home, "config", "priv_validator_key.json"), filepath.Join(home, "data", "priv_validator_state.json")).Save()
}
