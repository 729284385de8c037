package cmd

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
)

// Flags of the signer-key proof.
const (
	flagSignerProof = "signer-proof"
	flagProofFor    = "for"
	flagProofOwner  = "owner"
	flagProofID     = "sequencer-id"
	flagProofNonce  = "nonce"
	flagProofChain  = "l1-chain-id"
)

// provenSigner is a signer key given as its public key and proof instead of a node home.
type provenSigner struct {
	pub64, proof []byte
}

func addSignerFlags(cmd *cobra.Command, homeMeaning string) {
	cmd.Flags().String(flags.FlagHome, "", homeMeaning+": its priv_validator_key.json signs the key proof")
	cmd.Flags().String(flagSignerPubKey, "", "64-byte signer public key as 0x hex, for a key held elsewhere (with --"+flagSignerProof+")")
	cmd.Flags().String(flagSignerProof, "", "the key's 65-byte proof as 0x hex, from 'themisd l1 signer-proof' (with --"+flagSignerPubKey+")")
}

// provenSignerFlags returns the key given by --signer-pubkey and --signer-proof, or nil
// when neither is set (the key then comes from --home).
func provenSignerFlags(cmd *cobra.Command) (*provenSigner, error) {
	pubHex, _ := cmd.Flags().GetString(flagSignerPubKey)
	proofHex, _ := cmd.Flags().GetString(flagSignerProof)
	if pubHex == "" && proofHex == "" {
		return nil, nil
	}
	if pubHex == "" || proofHex == "" {
		return nil, fmt.Errorf("--%s and --%s go together: the contract refuses a key without its proof", flagSignerPubKey, flagSignerProof)
	}
	pub, err := parsePubKey64(pubHex)
	if err != nil {
		return nil, err
	}
	proof, err := hex.DecodeString(strings.TrimPrefix(proofHex, "0x"))
	if err != nil || len(proof) != 65 {
		return nil, fmt.Errorf("--%s must be 65 bytes of hex (r, s, v), got %q", flagSignerProof, proofHex)
	}
	return &provenSigner{pub64: pub, proof: proof}, nil
}

func l1SignerProofCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "signer-proof",
		Short: "Print this node's signer key and its proof, for an owner who locks from a wallet",
		Long: `The staking contract binds a signer key only with the key's signature over
(L1 chain id, staking contract, owner, sequencer id, nonce). This command signs that with
the node's key (--home) and prints the public key and the proof to pass to the contract's
lock(pubkey, amount, rewardRecipient, proof) or updateSigner(id, pubkey, proof).

  --for lock     binds the contract's next sequencer id and nonce 1 (read from L1); if
                 another lock lands first, make a new proof
  --for update   binds --sequencer-id and its current nonce + 1 (read from L1)

Without L1 access give --l1-chain-id, --sequencer-id and --nonce yourself.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := cmd.Flags()
			purpose, _ := f.GetString(flagProofFor)
			ownerHex, _ := f.GetString(flagProofOwner)
			stakingHex, _ := f.GetString(flagStakingContract)
			id, _ := f.GetUint64(flagProofID)
			nonce, _ := f.GetUint64(flagProofNonce)
			chainID, _ := f.GetUint64(flagProofChain)
			if purpose != "lock" && purpose != "update" {
				return fmt.Errorf("--%s must be lock or update, got %q", flagProofFor, purpose)
			}
			if !common.IsHexAddress(ownerHex) {
				return fmt.Errorf("--%s must be the sequencer owner's 0x L1 address, got %q", flagProofOwner, ownerHex)
			}
			if !common.IsHexAddress(stakingHex) {
				return fmt.Errorf("--%s must be the staking contract's 0x address, got %q", flagStakingContract, stakingHex)
			}
			if purpose == "update" && id == 0 {
				return fmt.Errorf("--%s update needs --%s", flagProofFor, flagProofID)
			}
			key, err := nodeSignerKey(cmd)
			if err != nil {
				return err
			}
			cmd.SilenceUsage = true
			if purpose == "lock" && nonce > 1 {
				return fmt.Errorf("a lock's proof binds nonce 1, got --%s %d", flagProofNonce, nonce)
			}
			if chainID == 0 || id == 0 || nonce == 0 {
				// Read from L1 only what was not given.
				l1Chain, l1ID, l1Nonce, err := readProofTarget(cmd, purpose, id)
				if err != nil {
					return err
				}
				chainID, id, nonce = orDefault(chainID, l1Chain), orDefault(id, l1ID), orDefault(nonce, l1Nonce)
			}
			owner, staking := common.HexToAddress(ownerHex), common.HexToAddress(stakingHex)
			digest := contracts.SignerProofDigest(new(big.Int).SetUint64(chainID), staking, owner,
				new(big.Int).SetUint64(id), new(big.Int).SetUint64(nonce))
			proof, err := contracts.SignSignerProof(key, digest)
			if err != nil {
				return err
			}
			cmd.Printf("signer address: %s\n", crypto.PubkeyToAddress(key.PublicKey).Hex())
			cmd.Printf("signer pubkey:  0x%s\n", hex.EncodeToString(contracts.SignerPubKey64(&key.PublicKey)))
			cmd.Printf("proof:          0x%s\n", hex.EncodeToString(proof))
			cmd.Printf("valid for owner %s, sequencer id %d, nonce %d, L1 chain %d, contract %s only\n",
				owner.Hex(), id, nonce, chainID, staking.Hex())
			return nil
		},
	}
	cmd.Flags().String(flagProofFor, "lock", "what the proof is for: lock or update")
	cmd.Flags().String(flagProofOwner, "", "the sequencer owner's L1 address (the account that sends the transaction)")
	cmd.Flags().Uint64(flagProofID, 0, "sequencer id (update: required; lock: default the contract's next id)")
	cmd.Flags().Uint64(flagProofNonce, 0, "the nonce the change will carry (default: read from L1)")
	cmd.Flags().Uint64(flagProofChain, 0, "L1 chain id (default: read from L1)")
	cmd.Flags().String(flags.FlagHome, "", "the node whose signer key is proven")
	return cmd
}

func orDefault(given, fallback uint64) uint64 {
	if given != 0 {
		return given
	}
	return fallback
}

// readProofTarget reads from L1 the chain id and the sequencer id and nonce a proof binds.
func readProofTarget(cmd *cobra.Command, purpose string, id uint64) (chainID, seqID, nonce uint64, err error) {
	rpcURL, _ := cmd.Flags().GetString(flagL1RPC)
	stakingHex, _ := cmd.Flags().GetString(flagStakingContract)
	ctx, cancel := context.WithTimeout(cmd.Context(), time.Minute)
	defer cancel()
	client, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("--%s %q: %w", flagL1RPC, rpcURL, err)
	}
	defer client.Close()
	chain, err := client.ChainID(ctx)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("L1 at %s: %w", rpcURL, err)
	}
	if err := l1.RequireContract(ctx, client, common.HexToAddress(stakingHex)); err != nil {
		return 0, 0, 0, stakingContractHint(err, rpcURL, chain.Uint64())
	}
	reader := l1.NewStakingReader(client, common.HexToAddress(stakingHex))
	if purpose == "lock" {
		next, err := reader.NextSequencerID(ctx)
		if err != nil {
			return 0, 0, 0, err
		}
		return chain.Uint64(), next.Uint64(), 1, nil
	}
	current, err := reader.SequencerNonce(ctx, id)
	if err != nil {
		return 0, 0, 0, err
	}
	return chain.Uint64(), id, current.Uint64() + 1, nil
}
