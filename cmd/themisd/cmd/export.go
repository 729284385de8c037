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
// file of --output-document, or stdout). The file is written whole or not at all: the
// SDK writes a draft beside it, and the patched document replaces the path by a
// rename, so a failure never leaves a document with vote extensions off behind.
func (v *exportVoteExtensions) wrap(root *cobra.Command) error {
	cmd, _, err := root.Find([]string{"export"})
	if err != nil || cmd == root {
		return fmt.Errorf("no export command to wrap: %v", err)
	}
	run := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		output, _ := cmd.Flags().GetString(flags.FlagOutputDocument)
		if output == "" {
			var doc bytes.Buffer
			out := cmd.OutOrStdout()
			cmd.SetOut(&doc)
			err := run(cmd, args)
			cmd.SetOut(out)
			if err != nil {
				return err
			}
			patched, err := v.patch(doc.Bytes())
			if err != nil {
				return err
			}
			_, err = out.Write(patched)
			return err
		}
		draft := output + ".draft"
		if err := cmd.Flags().Set(flags.FlagOutputDocument, draft); err != nil {
			return err
		}
		defer os.Remove(draft)
		if err := run(cmd, args); err != nil {
			return err
		}
		doc, err := os.ReadFile(draft)
		if err != nil {
			return err
		}
		patched, err := v.patch(doc)
		if err != nil {
			return err
		}
		if err := os.WriteFile(draft, patched, 0o600); err != nil {
			return err
		}
		return os.Rename(draft, output)
	}
	return nil
}

// patch writes the recorded vote extension height into an exported document (no
// ABCI params in the state: vote extensions were never on, and the document's 0 is
// right).
func (v *exportVoteExtensions) patch(doc []byte) ([]byte, error) {
	if !v.known {
		return doc, nil
	}
	var g genutiltypes.AppGenesis
	if err := json.Unmarshal(doc, &g); err != nil {
		return nil, fmt.Errorf("export: reading the exported document back: %w", err)
	}
	if g.Consensus == nil || g.Consensus.Params == nil {
		return nil, fmt.Errorf("export: the exported document has no consensus params")
	}
	g.Consensus.Params.ABCI.VoteExtensionsEnableHeight = v.height
	return json.Marshal(&g)
}
