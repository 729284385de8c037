package cmd

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// localnetMpc are the localnet's x/mpc outbound settings: short cadences so a test
// sees batches and replacements within seconds.
type localnetMpc struct {
	firstL2Block   uint64
	batchMinBlocks uint64
	batchMaxBlocks uint64
	stuckBlocks    uint64
}

func addLocalnetMpcFlags(cmd *cobra.Command, o *testnetOptions) {
	cmd.Flags().StringVar(&o.batchInbox, "batch-inbox", "", "the L1 batch inbox (with --l1-rpc): the pool posts L2 batches there once the key is accepted on L1")
	cmd.Flags().Uint64Var(&o.mpc.firstL2Block, "first-l2-block", 0, "the batch inbox's first L2 block (its constructor's firstL2Block)")
	cmd.Flags().Uint64Var(&o.mpc.batchMinBlocks, "batch-min-blocks", 3, "L2 blocks past the last batch before the next is proposed (the cadence)")
	cmd.Flags().Uint64Var(&o.mpc.batchMaxBlocks, "batch-max-blocks", 100, "most L2 blocks in one batch")
	cmd.Flags().Uint64Var(&o.mpc.stuckBlocks, "pool-tx-stuck-blocks", 15, "blocks a signed pool transaction may wait for its receipt before a replacement (bumped fees, same nonce) is signed")
}

// localnetMpcGenesis writes x/mpc's genesis: the default params with the localnet's
// outbound settings.
func localnetMpcGenesis(cdc codec.Codec, appState map[string]json.RawMessage, o testnetOptions) error {
	gs := mpctypes.DefaultGenesis()
	if raw, ok := appState[mpctypes.ModuleName]; ok {
		if err := cdc.UnmarshalJSON(raw, gs); err != nil {
			return err
		}
	}
	if o.batchInbox != "" {
		if !common.IsHexAddress(o.batchInbox) {
			return fmt.Errorf("--batch-inbox %q: a 0x address", o.batchInbox)
		}
		gs.Params.BatchInbox = strings.ToLower(common.HexToAddress(o.batchInbox).Hex())
	}
	gs.Params.BatchMinBlocks, gs.Params.BatchMaxBlocks = o.mpc.batchMinBlocks, o.mpc.batchMaxBlocks
	gs.Params.StuckBlocks = o.mpc.stuckBlocks
	gs.Params.BatchVoteBlocks = 10
	gs.BatchProgress.NextStart = o.mpc.firstL2Block
	if err := gs.Validate(); err != nil {
		return fmt.Errorf("x/mpc localnet genesis: %w", err)
	}
	appState[mpctypes.ModuleName] = cdc.MustMarshalJSON(gs)
	return nil
}
