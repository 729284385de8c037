package cmd

import (
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/app"
)

// InitCmd is the SDK's init with a secp256k1 signer key, printed in L1 form.
func InitCmd(mbm module.BasicManager, home string) *cobra.Command {
	cmd := genutilcli.InitCmd(mbm, home)
	cmd.Short = "Create the node's config, genesis and secp256k1 signer key; print the key for the L1 lock call"
	algo := cmd.Flags().Lookup(genutilcli.FlagConsensusKeyAlgo)
	algo.DefValue = "secp256k1"
	_ = algo.Value.Set("secp256k1")
	_ = cmd.Flags().Set(genutilcli.FlagDefaultBondDenom, app.BondDenom)

	sdkRun := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		clientCtx := client.GetClientContextFromCmd(cmd)
		cfg := server.GetServerContextFromCmd(cmd).Config
		cfg.SetRoot(clientCtx.HomeDir)
		// Made before the SDK's init so that it loads this key instead of an ed25519 one.
		priv, err := ensureSignerKey(cfg.PrivValidatorKeyFile(), cfg.PrivValidatorStateFile())
		if err != nil {
			return err
		}
		if err := sdkRun(cmd, args); err != nil {
			return err
		}
		if err := setConsensusParams(cfg.GenesisFile()); err != nil {
			return err
		}
		info, err := describeSigner(priv)
		if err != nil {
			return err
		}
		printSignerInfo(cmd.OutOrStdout(), info, cfg.PrivValidatorKeyFile())
		return nil
	}
	return cmd
}

// setConsensusParams writes the chain's consensus params (app.ConsensusParams) into
// the new genesis: secp256k1 validator keys, ABCI++ vote extensions from the first
// height (the chain's only path for outside facts, SPEC 4) and a finite block max_gas.
func setConsensusParams(genFile string) error {
	appGenesis, err := genutiltypes.AppGenesisFromFile(genFile)
	if err != nil {
		return err
	}
	appGenesis.Consensus.Params = app.ConsensusParams()
	return genutil.ExportGenesisFile(appGenesis, genFile)
}
