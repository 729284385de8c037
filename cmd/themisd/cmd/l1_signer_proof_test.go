package cmd

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/cometbft/cometbft/privval"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/contracts"
)

// An owner who locks from a wallet gets the node key's proof from `themisd l1
// signer-proof`; offline (chain id, id and nonce given) it must be exactly the proof the
// contract checks: recovering the digest gives the node's signer address.
func TestSignerProofCommandPrintsTheContractsProof(t *testing.T) {
	home, priv := newSignerHome(t)
	key, err := crypto.ToECDSA(priv.Bytes())
	require.NoError(t, err)

	owner := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	staking := common.HexToAddress("0x00000000000000000000000000000000000000b2")
	run := func(args ...string) (string, error) {
		cmd := L1Cmd()
		var out bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetErr(&out)
		cmd.SetArgs(append([]string{"signer-proof", "--home", home, "--owner", owner.Hex(), "--staking-contract", staking.Hex()}, args...))
		err := cmd.Execute()
		return out.String(), err
	}
	out, err := run("--for", "update", "--sequencer-id", "7", "--nonce", "4", "--l1-chain-id", "1337")
	require.NoError(t, err)
	proofHex := regexp.MustCompile(`proof:\s+0x([0-9a-f]{130})`).FindStringSubmatch(out)
	require.Len(t, proofHex, 2, "output: %s", out)
	proof, err := hex.DecodeString(proofHex[1])
	require.NoError(t, err)
	require.Contains(t, out, "0x"+hex.EncodeToString(contracts.SignerPubKey64(&key.PublicKey)))

	digest := contracts.SignerProofDigest(big.NewInt(1337), staking, owner, big.NewInt(7), big.NewInt(4))
	sig := append([]byte{}, proof...)
	sig[64] -= 27
	pub, err := crypto.SigToPub(digest.Bytes(), sig)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), crypto.PubkeyToAddress(*pub))

	// Clear errors for what cannot make a usable proof.
	_, err = run("--for", "lock", "--nonce", "2", "--sequencer-id", "3", "--l1-chain-id", "1")
	require.ErrorContains(t, err, "binds nonce 1")
	_, err = run("--for", "update", "--l1-chain-id", "1", "--nonce", "2")
	require.ErrorContains(t, err, "needs --sequencer-id")
	_, err = run("--for", "unlock")
	require.ErrorContains(t, err, "must be lock or update")
}

// newSignerHome is a node home holding only a fresh secp256k1 signer key.
func newSignerHome(t *testing.T) (string, cmtsecp.PrivKey) {
	t.Helper()
	home := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(home, "config"), 0o700))
	require.NoError(t, os.MkdirAll(filepath.Join(home, "data"), 0o700))
	priv := cmtsecp.GenPrivKey()
	privval.NewFilePV(priv, filepath.Join(home, "config", "priv_validator_key.json"), filepath.Join(home, "data", "priv_validator_state.json")).Save()
	return home, priv
}
