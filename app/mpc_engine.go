package app

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"os"
	"path/filepath"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/cometbft/cometbft/privval"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"

	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/node"
	"github.com/themis-network/themis/x/mpc/reporter"
	"github.com/themis-network/themis/x/voteext"
)

// mpcReportSource starts this node's TSS engine when [themis] tss-listen is set and
// returns x/mpc's report source over it; nil runs no engine.
func mpcReportSource(app *App, appOpts servertypes.AppOptions, cfg ThemisConfig) voteext.ReportSource {
	if src, ok := appOpts.Get(OptMpcReports).(voteext.ReportSource); ok && src != nil {
		return src
	}
	if cfg.TSSListen == "" {
		return nil
	}
	home := castString(appOpts.Get("home"), DefaultNodeHome)
	keyFile := inHome(home, castString(appOpts.Get("priv_validator_key_file"), filepath.Join("config", "priv_validator_key.json")))
	signer, err := signerKeyOf(keyFile)
	if err != nil {
		panic(fmt.Errorf("[themis] tss-listen: the engine needs the validator key: %w", err)) // start-up configuration error
	}
	passphrase, err := keystore.ResolvePassphrase(cfg.TSSPassphraseFile, os.Getenv)
	if err != nil {
		panic(fmt.Errorf("[themis] tss-passphrase-file: %w", err))
	}
	exe, _ := os.Executable()
	ctx, cancel := context.WithCancel(context.Background())
	n, err := node.Start(ctx, node.Config{
		Home: home, ChainID: app.ChainID(), Signer: signer, Listen: cfg.TSSListen, Endpoint: cfg.TSSEndpoint,
		Passphrase: passphrase, PreparamsTarget: cfg.TSSPreparamsTarget, GenerateExe: exe, GenerateArgs: []string{"tss", "generate-one"},
		RoundTimeout: cfg.TSSRoundTimeout, Logger: app.Logger().With("module", "tss"),
	})
	if err != nil {
		cancel()
		panic(fmt.Errorf("[themis] tss engine: %w", err))
	}
	app.stopBackground = append(app.stopBackground, func() { cancel(); n.Stop() })
	app.nodeHealth.TSS = n
	return reporter.New(app.MpcKeeper, n)
}

// signerKeyOf reads the secp256k1 signer key from a priv_validator_key.json.
func signerKeyOf(keyFile string) (*ecdsa.PrivateKey, error) {
	bz, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, err
	}
	var key privval.FilePVKey
	if err := cmtjson.Unmarshal(bz, &key); err != nil {
		return nil, fmt.Errorf("%s: %w", keyFile, err)
	}
	return ethcrypto.ToECDSA(key.PrivKey.Bytes())
}
