package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/client/flags"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/spf13/cobra"
)

// exportVoteExtensions keeps the vote extensions of an exported chain on.
//
// cosmos-sdk v0.53.8's `export` rebuilds the genesis consensus params from the block,
// evidence and validator params only and leaves vote_extensions_enable_height at 0
// (cosmos/cosmos-sdk#26741, fixed upstream after that release). A chain restarted from
// such a genesis would run without vote extensions: no L1 event, L2 head or pool
// report would ever be agreed. The exporter records the height the exported state
// holds, and the command writes it back into the document.
type exportVoteExtensions struct {
	height int64
	known  bool
}

// exporter wraps the app's exporter to record the exported vote extension height.
func (v *exportVoteExtensions) exporter(next servertypes.AppExporter) servertypes.AppExporter {
	return func(logger log.Logger, db dbm.DB, traceStore io.Writer, height int64, forZeroHeight bool,
		jailAllowedAddrs []string, appOpts servertypes.AppOptions, modulesToExport []string,
	) (servertypes.ExportedApp, error) {
		exported, err := next(logger, db, traceStore, height, forZeroHeight, jailAllowedAddrs, appOpts, modulesToExport)
		if err == nil && exported.ConsensusParams.Abci != nil {
			v.height, v.known = exported.ConsensusParams.Abci.VoteExtensionsEnableHeight, true
		}
		return exported, err
	}
}

// wrap makes the export command write the recorded height into its document (the
// file of --output-document, or stdout).
func (v *exportVoteExtensions) wrap(root *cobra.Command) error {
	cmd, _, err := root.Find([]string{"export"})
	if err != nil || cmd == root {
		return fmt.Errorf("no export command to wrap: %v", err)
	}
	run := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		output, _ := cmd.Flags().GetString(flags.FlagOutputDocument)
		var stdout bytes.Buffer
		out := cmd.OutOrStdout()
		cmd.SetOut(&stdout)
		err := run(cmd, args)
		cmd.SetOut(out)
		if err != nil {
			return err
		}
		if !v.known {
			return fmt.Errorf("export: the exported state has no consensus params to keep vote extensions from")
		}
		doc := stdout.Bytes()
		if output != "" {
			if doc, err = os.ReadFile(output); err != nil {
				return err
			}
		}
		var g genutiltypes.AppGenesis
		if err := json.Unmarshal(doc, &g); err != nil {
			return fmt.Errorf("export: reading the exported document back: %w", err)
		}
		if g.Consensus == nil || g.Consensus.Params == nil {
			return fmt.Errorf("export: the exported document has no consensus params")
		}
		g.Consensus.Params.ABCI.VoteExtensionsEnableHeight = v.height
		if output != "" {
			return g.SaveAs(output)
		}
		bz, err := json.Marshal(&g)
		if err != nil {
			return err
		}
		_, err = out.Write(bz)
		return err
	}
	return nil
}
