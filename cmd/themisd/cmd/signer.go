package cmd

import (
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/cometbft/cometbft/privval"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// The signer key is the node's CometBFT consensus key. It is a secp256k1 key so that
// the same key is the sequencer's L1 signer (registered by the lock call) and its
// themis account.

// ensureSignerKey creates a secp256k1 priv_validator_key.json unless one exists.
func ensureSignerKey(keyFile, stateFile string) (cmtsecp.PrivKey, error) {
	if _, err := os.Stat(keyFile); err == nil {
		pv := privval.LoadFilePV(keyFile, stateFile)
		priv, ok := pv.Key.PrivKey.(cmtsecp.PrivKey)
		if !ok {
			return nil, fmt.Errorf("%s holds a %s key; themis needs secp256k1 (move it away and run init again)", keyFile, pv.Key.PrivKey.Type())
		}
		return priv, nil
	}
	for _, dir := range []string{filepath.Dir(keyFile), filepath.Dir(stateFile)} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	priv := cmtsecp.GenPrivKey()
	privval.NewFilePV(priv, keyFile, stateFile).Save()
	return priv, nil
}

// signerInfo is what an operator needs for the L1 lock call.
type signerInfo struct {
	L1Address string
	PubKey64  string
	Account   string
}

// signerKeyOf derives the L1-form public key of a consensus private key.
func signerKeyOf(priv cmtsecp.PrivKey) (sequencertypes.SignerKey, error) {
	ecdsaKey, err := crypto.ToECDSA(priv.Bytes())
	if err != nil {
		return sequencertypes.SignerKey{}, err
	}
	return sequencertypes.ParseSignerKey(crypto.FromECDSAPub(&ecdsaKey.PublicKey)[1:])
}

func describeSigner(priv cmtsecp.PrivKey) (signerInfo, error) {
	key, err := signerKeyOf(priv)
	if err != nil {
		return signerInfo{}, err
	}
	pub64 := key.Bytes()
	return signerInfo{
		L1Address: key.L1Address(),
		PubKey64:  "0x" + hex.EncodeToString(pub64),
		Account:   key.AccAddress().String(),
	}, nil
}

func printSignerInfo(w io.Writer, info signerInfo, keyFile string) {
	fmt.Fprintf(w, `
Sequencer signer key (also this node's consensus key and themis account):
  signer address (L1):   %s
  public key (L1 lock):  %s
  themis account:        %s

Pass the signer address and the 64-byte public key above to the L1 staking contract's lock call.
BACK UP %s NOW: it is the only copy of this key; losing it loses the sequencer's identity.
`, info.L1Address, info.PubKey64, info.Account, keyFile)
}

// ImportSignerCmd imports the node's signer key into the keyring so the sequencer can
// sign themis transactions (governance votes, description edits) with it.
func ImportSignerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import-signer [name]",
		Short: "Import this node's signer (consensus) key into the keyring",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			cfg := server.GetServerContextFromCmd(cmd).Config
			cfg.SetRoot(clientCtx.HomeDir)
			keyFile := cfg.PrivValidatorKeyFile()
			if _, err := os.Stat(keyFile); err != nil {
				return fmt.Errorf("no signer key at %s: run 'themisd init' first", keyFile)
			}
			pv := privval.LoadFilePV(keyFile, cfg.PrivValidatorStateFile())
			priv, ok := pv.Key.PrivKey.(cmtsecp.PrivKey)
			if !ok {
				return fmt.Errorf("%s is not a secp256k1 key", keyFile)
			}
			if err := clientCtx.Keyring.ImportPrivKeyHex(args[0], hex.EncodeToString(priv.Bytes()), string(hd.Secp256k1Type)); err != nil {
				return fmt.Errorf("import into keyring: %w", err)
			}
			info, err := describeSigner(priv)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported signer %s as %q (account %s)\n", info.L1Address, args[0], info.Account)
			return nil
		},
	}
	flags.AddKeyringFlags(cmd.Flags())
	return cmd
}
