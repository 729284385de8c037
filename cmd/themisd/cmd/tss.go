package cmd

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/preparams"
)

// Flags of `themisd tss ...`.
const (
	flagTSSPassphraseFile = "passphrase-file"
	flagTSSCount          = "count"
	flagTSSConcurrency    = "concurrency"
	flagTSSOut            = "out"
)

// tssStoreDir is where the TSS keystore lives under the node's home.
const tssStoreDir = "tss"

// tssDeps are what the tss commands take from the world, so tests can replace the
// minutes-long preparams generation and the environment.
type tssDeps struct {
	generate func(ctx context.Context, concurrency int) (*keygen.LocalPreParams, error)
	getenv   func(string) string
	now      func() time.Time
}

// TSSCmd is `themisd tss`: this node's threshold-signing key material at rest.
func TSSCmd() *cobra.Command {
	return newTSSCmd(tssDeps{generate: preparams.Generate, getenv: os.Getenv, now: time.Now})
}

func newTSSCmd(deps tssDeps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tss",
		Short: "This node's threshold-signing key material: preparams pool, key shares, backups",
		Long: `The TSS engine's secrets live encrypted in <home>/tss: a pool of preparams (Paillier keys and
safe primes, minutes to generate, one set used per keygen or resharing) and this node's key
shares. They are sealed with a key derived from the node key (config/node_key.json), and
optionally also from a passphrase (--passphrase-file, or the ` + keystore.PassphraseEnv + `
environment variable), which every command and every node start then needs.`,
		RunE: client.ValidateCmd,
	}
	cmd.AddCommand(
		tssInitCmd(deps),
		tssImportCmd(deps),
		tssStatusCmd(deps),
		tssBackupCmd(deps),
		tssRestoreCmd(deps),
		tssGenerateOneCmd(deps),
	)
	return cmd
}

// addTSSFlags adds the flags every tss subcommand shares.
func addTSSFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String(flags.FlagHome, app.DefaultNodeHome, "the node's home directory (its config/node_key.json seals the store in <home>/tss)")
	f.String(flagTSSPassphraseFile, "", "file holding the store's passphrase (default: the "+keystore.PassphraseEnv+" environment variable; none: node-key mode)")
}

// tssEnv is what a tss subcommand resolved from its flags.
type tssEnv struct {
	home, nodeKeyFile, storeDir string
	nodeKey, passphrase         []byte
}

func resolveTSSEnv(cmd *cobra.Command, deps tssDeps) (tssEnv, error) {
	home, _ := cmd.Flags().GetString(flags.FlagHome)
	passFile, _ := cmd.Flags().GetString(flagTSSPassphraseFile)
	env := tssEnv{home: home, nodeKeyFile: tssNodeKeyFile(cmd, home), storeDir: filepath.Join(home, tssStoreDir)}
	var err error
	if env.nodeKey, err = keystore.LoadNodeKey(env.nodeKeyFile); err != nil {
		return env, err
	}
	env.passphrase, err = keystore.ResolvePassphrase(passFile, deps.getenv)
	return env, err
}

// openTSSStore opens (with create: creates) the node's TSS store.
func openTSSStore(cmd *cobra.Command, deps tssDeps, create bool) (*keystore.Store, tssEnv, error) {
	env, err := resolveTSSEnv(cmd, deps)
	if err != nil {
		return nil, env, err
	}
	s, err := keystore.Open(env.storeDir, env.nodeKey, keystore.Options{Passphrase: env.passphrase, Create: create})
	return s, env, err
}

// tssNodeKeyFile is the node's node_key.json, honouring a config.toml that moved it.
func tssNodeKeyFile(cmd *cobra.Command, home string) string {
	if sc := server.GetServerContextFromCmd(cmd); sc != nil && sc.Config != nil {
		cfg := *sc.Config
		cfg.SetRoot(home)
		return cfg.NodeKeyFile()
	}
	return filepath.Join(home, "config", "node_key.json")
}

func describeMode(m keystore.Mode) string {
	if m == keystore.ModeNodeKeyPassphrase {
		return "node key + passphrase"
	}
	return "node key only"
}
