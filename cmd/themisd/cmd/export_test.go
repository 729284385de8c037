package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cosmossdk.io/log"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// `themisd export` keeps the exported state's vote extension height in the document
// it writes (to a file or to stdout): without it a chain restarted from the export
// would agree on no L1 event (cosmos/cosmos-sdk#26741 drops it in v0.53.8).
func TestExportKeepsVoteExtensions(t *testing.T) {
	// A home per run: the SDK's export leaves its database open (locked).
	newHome := func() string {
		home := t.TempDir()
		require.NoError(t, os.MkdirAll(filepath.Join(home, "config"), 0o700))
		gen := genutiltypes.NewAppGenesisWithVersion("themis-test", json.RawMessage(`{}`))
		require.NoError(t, gen.SaveAs(filepath.Join(home, "config", "genesis.json")))
		return home
	}
	exporter := func(log.Logger, dbm.DB, io.Writer, int64, bool, []string, servertypes.AppOptions, []string) (servertypes.ExportedApp, error) {
		return servertypes.ExportedApp{AppState: json.RawMessage(`{"x":{}}`), Height: 42, ConsensusParams: cmtproto.ConsensusParams{
			Block:     &cmtproto.BlockParams{MaxBytes: 1 << 20, MaxGas: -1},
			Evidence:  &cmtproto.EvidenceParams{MaxAgeNumBlocks: 100, MaxAgeDuration: time.Hour, MaxBytes: 1 << 10},
			Validator: &cmtproto.ValidatorParams{PubKeyTypes: []string{"secp256k1"}},
			Abci:      &cmtproto.ABCIParams{VoteExtensionsEnableHeight: 7},
		}}, nil
	}
	run := func(args ...string) string {
		home := newHome()
		var keep exportVoteExtensions
		root := &cobra.Command{Use: "themisd"}
		root.AddCommand(server.ExportCmd(keep.exporter(exporter), home))
		require.NoError(t, keep.wrap(root))
		sctx := server.NewDefaultContext()
		sctx.Config.SetRoot(home)
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetArgs(append([]string{"export", "--home", home}, args...))
		require.NoError(t, root.ExecuteContext(context.WithValue(context.Background(), server.ServerContextKey, sctx)))
		return out.String()
	}

	doc := filepath.Join(t.TempDir(), "exported.json")
	require.Empty(t, run("--output-document", doc))
	exported, err := genutiltypes.AppGenesisFromFile(doc)
	require.NoError(t, err)
	_, err = os.Stat(doc + ".draft")
	require.True(t, os.IsNotExist(err), "the SDK's draft is renamed into place, not left beside it")
	require.Equal(t, int64(7), exported.Consensus.Params.ABCI.VoteExtensionsEnableHeight)
	require.Equal(t, int64(42), exported.InitialHeight)
	require.Equal(t, int64(1<<20), exported.Consensus.Params.Block.MaxBytes)

	var printed genutiltypes.AppGenesis
	require.NoError(t, json.Unmarshal([]byte(run()), &printed))
	require.Equal(t, int64(7), printed.Consensus.Params.ABCI.VoteExtensionsEnableHeight)
	require.JSONEq(t, `{"x":{}}`, string(printed.AppState))
}
