package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// --standby writes extra node homes that share the genesis and the peers but are not
// sequencers in it: they follow the chain until their signer is locked on L1.
func TestTestnetStandbyNodes(t *testing.T) {
	a, testnet := testnetRunner(t)
	dir := filepath.Join(t.TempDir(), "net")
	out, err := testnet("--validators", "2", "--standby", "1", "--output-dir", dir)
	require.NoError(t, err)
	require.Contains(t, out, "wrote 3 nodes")
	require.Contains(t, out, "node2  signer")
	require.Contains(t, out, "standby")

	genesis := func(i int) []byte {
		bz, err := os.ReadFile(filepath.Join(dir, "node"+string(rune('0'+i)), "config", "genesis.json"))
		require.NoError(t, err)
		return bz
	}
	require.Equal(t, genesis(0), genesis(2), "one genesis for all")
	var gs sequencertypes.GenesisState
	moduleGenesis(t, a, filepath.Join(dir, "node2"), sequencertypes.ModuleName, &gs)
	require.Len(t, gs.Sequencers, 2, "the standby node is not a sequencer")
	standby, err := os.ReadFile(filepath.Join(dir, "node2", "config", "priv_validator_key.json"))
	require.NoError(t, err)
	for i := 0; i < 2; i++ {
		v, err := os.ReadFile(filepath.Join(dir, "node"+string(rune('0'+i)), "config", "priv_validator_key.json"))
		require.NoError(t, err)
		require.NotEqual(t, v, standby, "a signer key of its own")
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "node2", "config", "config.toml"))
	require.NoError(t, err)
	require.Contains(t, string(cfg), "persistent_peers = \"", "it peers with the validators")

	_, err = testnet("--validators", "2", "--standby", "-1", "--output-dir", filepath.Join(t.TempDir(), "bad"))
	require.ErrorContains(t, err, "--standby")
}
