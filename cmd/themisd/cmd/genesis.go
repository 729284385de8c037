package cmd

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/types/module"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/app"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// GenesisCmd groups the genesis-file tools. There are no gentxs: the validator set
// comes from x/sequencer's genesis sequencers.
func GenesisCmd(mbm module.BasicManager) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "genesis",
		Short:                      "Genesis-file tools",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		genutilcli.AddGenesisAccountCmd(app.DefaultNodeHome, authcodec.NewBech32Codec(app.Bech32Prefix)),
		genutilcli.ValidateGenesisCmd(mbm),
		AddGenesisSequencerCmd(),
	)
	return cmd
}

// AddGenesisSequencerCmd adds an active sequencer (and whitelists its owner) in genesis.
func AddGenesisSequencerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add-sequencer [id] [0x-owner] [amount-base-units] [0x-64-byte-pubkey]",
		Short: "Add an active sequencer to genesis and whitelist its owner",
		Long: `Add an active sequencer to genesis, as if it had locked on L1 before the chain started.
The public key is the 64-byte uncompressed signer key that 'themisd init' printed.
The amount is in base units (10^18 per token) and must be at least min_lock.`,
		Args: cobra.ExactArgs(4),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd)
			cfg := server.GetServerContextFromCmd(cmd).Config
			cfg.SetRoot(clientCtx.HomeDir)
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || id == 0 {
				return fmt.Errorf("id %q must be a positive integer", args[0])
			}
			amount, ok := math.NewIntFromString(args[2])
			if !ok {
				return fmt.Errorf("amount %q is not an integer number of base units", args[2])
			}
			pub, err := hex.DecodeString(strings.TrimPrefix(args[3], "0x"))
			if err != nil {
				return fmt.Errorf("public key is not hex: %w", err)
			}
			genFile := cfg.GenesisFile()
			appState, appGenesis, err := genutiltypes.GenesisStateFromGenFile(genFile)
			if err != nil {
				return fmt.Errorf("read %s: %w", genFile, err)
			}
			if err := updateSequencerGenesis(clientCtx.Codec, appState, func(gs *sequencertypes.GenesisState) error {
				return addGenesisSequencer(gs, id, args[1], pub, amount)
			}); err != nil {
				return err
			}
			appGenesis.AppState, err = json.MarshalIndent(appState, "", "  ")
			if err != nil {
				return err
			}
			return genutil.ExportGenesisFile(appGenesis, genFile)
		},
	}
	return cmd
}

func updateSequencerGenesis(cdc codec.JSONCodec, appState map[string]json.RawMessage, edit func(*sequencertypes.GenesisState) error) error {
	var gs sequencertypes.GenesisState
	if err := cdc.UnmarshalJSON(appState[sequencertypes.ModuleName], &gs); err != nil {
		return err
	}
	if err := edit(&gs); err != nil {
		return err
	}
	if err := gs.Validate(); err != nil {
		return err
	}
	bz, err := cdc.MarshalJSON(&gs)
	if err != nil {
		return err
	}
	appState[sequencertypes.ModuleName] = bz
	return nil
}

// addGenesisSequencer records an active sequencer and whitelists its owner.
func addGenesisSequencer(gs *sequencertypes.GenesisState, id uint64, owner string, pub64 []byte, amount math.Int) error {
	owner, err := sequencertypes.NormalizeL1Address(owner)
	if err != nil {
		return err
	}
	key, err := sequencertypes.ParseSignerKey(pub64)
	if err != nil {
		return err
	}
	if amount.LT(gs.L1Config.MinLock) {
		return fmt.Errorf("amount %s is below min_lock %s", amount, gs.L1Config.MinLock)
	}
	seq := sequencertypes.Sequencer{
		Id:               id,
		Owner:            owner,
		Signer:           key.L1Address(),
		PubKey:           key.Bytes(),
		Locked:           amount,
		RewardRecipient:  owner,
		Status:           sequencertypes.SEQUENCER_STATUS_ACTIVE,
		ActivationHeight: 1,
		L1Nonce:          1,
	}
	gs.Sequencers = append(gs.Sequencers, seq)
	for _, w := range gs.Whitelist {
		if w == owner {
			return nil
		}
	}
	gs.Whitelist = append(gs.Whitelist, owner)
	return nil
}
