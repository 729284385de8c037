package app

import (
	"encoding/json"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// ExportAppStateAndValidators exports the state for a genesis file. themis has no
// x/staking, so there is no zero-height jailing or delegation reset to do: the
// validator set follows from x/sequencer's exported records at import.
func (app *App) ExportAppStateAndValidators(forZeroHeight bool, _, modulesToExport []string) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})
	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
	}
	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	set, err := app.SequencerKeeper.ActiveValidatorSet(ctx)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      genesisValidators(set),
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

func genesisValidators(set sequencertypes.ValidatorSet) []cmttypes.GenesisValidator {
	out := make([]cmttypes.GenesisValidator, 0, len(set.Validators))
	for _, v := range set.Validators {
		pub := cmtsecp.PubKey(v.PubKey)
		out = append(out, cmttypes.GenesisValidator{Address: pub.Address(), PubKey: pub, Power: v.Power})
	}
	return out
}
