//go:build e2e

package e2e

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// TestLocalnetInitPrintsL1LockArguments: `themisd init` prints the signer address and
// the 64-byte public key exactly as the L1 lock call takes them, and they belong together.
func TestLocalnetInitPrintsL1LockArguments(t *testing.T) {
	ln := &Localnet{t: t, Binary: binary(t)}
	home := filepath.Join(t.TempDir(), "node")
	out := ln.Run("init", "op-1", "--chain-id", "themis-test", "--home", home)

	addr := regexp.MustCompile(`signer address \(L1\):\s+(0x[0-9a-f]{40})`).FindStringSubmatch(out)
	pub := regexp.MustCompile(`public key \(L1 lock\):\s+0x([0-9a-f]{128})\b`).FindStringSubmatch(out)
	require.NotNil(t, addr, out)
	require.NotNil(t, pub, out)
	raw, err := hex.DecodeString(pub[1])
	require.NoError(t, err)
	require.Len(t, raw, 64, "no 04 prefix")
	key, err := crypto.UnmarshalPubkey(append([]byte{4}, raw...))
	require.NoError(t, err)
	require.Equal(t, common.HexToAddress(addr[1]), crypto.PubkeyToAddress(*key))
	require.Contains(t, out, "BACK UP")

	genesis, err := os.ReadFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.Regexp(t, `"pub_key_types":\s*\[\s*"secp256k1"\s*\]`, string(genesis))
	require.Regexp(t, `"vote_extensions_enable_height":\s*"1"`, string(genesis))

	// A second init keeps the key: the operator's identity is never silently replaced.
	again := ln.Run("init", "op-1", "--chain-id", "themis-test", "--home", home, "--overwrite")
	require.Contains(t, again, pub[1])
}
