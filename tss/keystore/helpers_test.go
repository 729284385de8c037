package keystore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"
)

// fastScrypt keeps passphrase tests quick; production stores use DefaultScryptN.
const fastScrypt = minScryptN

func newNodeKey() []byte { return ed25519.GenPrivKey().Bytes() }

// openNew creates a store in a fresh directory.
func openNew(t *testing.T, nodeKey, passphrase []byte) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "tss"), nodeKey, Options{Create: true, Passphrase: passphrase, ScryptN: fastScrypt})
	require.NoError(t, err)
	return s
}

// errCrash plays a process that dies at the hooked point: the write stops there and
// leaves whatever it had written on disk.
var errCrash = errors.New("simulated crash")

func crashAt(s *Store) { s.beforeCommit = func(string) error { return errCrash } }

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
