package cmd

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"
	"time"

	"cosmossdk.io/math"
	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	"github.com/cometbft/cometbft/privval"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/bridge/l1"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// Flags of `themisd l1` (flagL1RPC and flagStakingContract are shared with the bridge).
const (
	flagOwnerKeyFile    = "owner-key-file"
	flagRewardRecipient = "reward-recipient"
	flagSignerPubKey    = "signer-pubkey"
)

// L1Cmd holds a sequencer owner's calls to the L1 staking contract. Production owners
// usually sign these with their own wallet (the arguments are what `init` prints); the
// commands serve scripted setups, the localnet and the tests.
func L1Cmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "l1",
		Short: "Lock, relock, withdraw, unlock, claim, withdraw rewards, release escrow, fund the reward reserve, change signer or reward recipient on the L1 staking contract",
	}
	cmd.PersistentFlags().String(flagL1RPC, "http://127.0.0.1:8545", "L1 JSON-RPC endpoint")
	cmd.PersistentFlags().String(flagStakingContract, "", "address of the L1 staking contract (required)")
	cmd.PersistentFlags().String(flagOwnerKeyFile, "", "file holding the owner's hex L1 private key (required)")
	cmd.AddCommand(l1LockCmd(), l1AmountCmd("relock", "Add tokens to a sequencer's lock", (*l1.Owner).Relock),
		l1AmountCmd("withdraw", "Take tokens out of the lock (at least the minimum stays); claim them after the exit delay", (*l1.Owner).Withdraw),
		l1IDCmd("claim-withdrawal", "Claim a pending withdrawal after the exit delay", (*l1.Owner).ClaimWithdrawal),
		l1IDCmd("unlock", "Start the exit delay: the sequencer leaves the active set at once", (*l1.Owner).InitiateUnlock),
		l1IDCmd("claim", "Claim the locked tokens after the exit delay", (*l1.Owner).ClaimUnlock),
		l1IDCmd("withdraw-rewards", "Pay the sequencer's pending L1 rewards (credited by the pool's reward batches) to its reward recipient", (*l1.Owner).WithdrawRewards),
		l1ReleaseEscrowCmd(), l1FundRewardsCmd(),
		l1UpdateSignerCmd(), l1SetRewardRecipientCmd(), l1SignerProofCmd())
	return cmd
}

func l1LockCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lock [amount-in-tokens]",
		Short: "Lock tokens for this node's signer key (or a key proven elsewhere)",
		Long: `Approve and lock the amount (whole tokens, 18 decimals) for the sequencer signer.
The contract accepts a signer key only with the key's own signature over (L1 chain id,
contract, owner, sequencer id, nonce), so nobody can copy a key into another lock. By
default the key and its proof come from the node's priv_validator_key.json under --home.
For a key held on another machine, make the proof there with 'themisd l1 signer-proof'
and pass --signer-pubkey and --signer-proof.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			amount, err := parseTokens(args[0])
			if err != nil {
				return err
			}
			proven, err := provenSignerFlags(cmd)
			if err != nil {
				return err
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, self common.Address) (*gethtypes.Receipt, error) {
				recipient := self
				if v, _ := cmd.Flags().GetString(flagRewardRecipient); v != "" {
					if !common.IsHexAddress(v) {
						return nil, fmt.Errorf("--%s %q is not an L1 address", flagRewardRecipient, v)
					}
					recipient = common.HexToAddress(v)
				}
				if proven != nil {
					return o.LockWithProof(ctx, proven.pub64, proven.proof, amount, recipient)
				}
				key, err := nodeSignerKey(cmd)
				if err != nil {
					return nil, err
				}
				return o.Lock(ctx, key, amount, recipient)
			})
		},
	}
	cmd.Flags().String(flagRewardRecipient, "", "L1 address receiving rewards (default: the owner)")
	addSignerFlags(cmd, "the node whose signer key locks")
	return cmd
}

func l1UpdateSignerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "update-signer [sequencer-id]",
		Short: "Move a sequencer to a new signer key, proven by that key",
		Long: `Bind a new signer key to the sequencer. The key is the one in --home's
priv_validator_key.json (the new node's home), which signs the proof; or give
--signer-pubkey and --signer-proof made with 'themisd l1 signer-proof --for update'.
Allowed while the sequencer is active or unlocking, also while the contract is paused.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseSequencerID(args[0])
			if err != nil {
				return err
			}
			proven, err := provenSignerFlags(cmd)
			if err != nil {
				return err
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, _ common.Address) (*gethtypes.Receipt, error) {
				if proven != nil {
					return o.UpdateSignerWithProof(ctx, id, proven.pub64, proven.proof)
				}
				key, err := nodeSignerKey(cmd)
				if err != nil {
					return nil, err
				}
				return o.UpdateSigner(ctx, id, key)
			})
		},
	}
	addSignerFlags(cmd, "the node whose signer key becomes the sequencer's")
	return cmd
}

func l1SetRewardRecipientCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "set-reward-recipient [sequencer-id] [0x-address]",
		Short: "Change the L1 address a sequencer's rewards are paid to",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseSequencerID(args[0])
			if err != nil {
				return err
			}
			if !common.IsHexAddress(args[1]) || common.HexToAddress(args[1]) == (common.Address{}) {
				return fmt.Errorf("reward recipient %q is not a non-zero L1 address", args[1])
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, _ common.Address) (*gethtypes.Receipt, error) {
				return o.SetRewardRecipient(ctx, id, common.HexToAddress(args[1]))
			})
		},
	}
}

func l1ReleaseEscrowCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "release-escrow [escrow-id]",
		Short: "Move a slashed escrow whose period is over to the treasury (anyone may; --owner-key-file only pays the gas)",
		Long: `Release an escrow of the staking contract to the treasury once its escrow period
(one year on mainnet) is over. The contract lets anyone do it; the chain's pool does it
too, by itself. The escrow ids are in ` + "`themisd query slashing escrows`" + ` (escrow_id).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || id == 0 {
				return fmt.Errorf("escrow id %q: a positive integer (escrow_id in themisd query slashing escrows)", args[0])
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, _ common.Address) (*gethtypes.Receipt, error) {
				return o.ReleaseEscrow(ctx, id)
			})
		},
	}
}

func l1FundRewardsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "fund-rewards [amount-in-tokens]",
		Short: "Add tokens to the contract's reward reserve, which the pool's reward batches pay from (anyone may; at least 1 token)",
		Long: `Approve and add tokens to the staking contract's reward reserve. The pool's reward
batches credit the sequencers from it; while it is short the chain holds the next batch
and raises EventRewardReserveLow (see reward_reserve and reserve_needed in
` + "`themisd query slashing reward-state`" + `). Anyone may fund it; --owner-key-file is the key whose
tokens are taken.`,
		Example: "themisd l1 fund-rewards 10000 --owner-key-file treasury.key --staking-contract 0x... --l1-rpc http://127.0.0.1:8545",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			amount, err := parseTokens(args[0])
			if err != nil {
				return err
			}
			if amount.Cmp(sequencertypes.OneToken.BigInt()) < 0 {
				return fmt.Errorf("amount %s: the contract takes at least 1 token a funding (MIN_REWARD_FUNDING)", args[0])
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, _ common.Address) (*gethtypes.Receipt, error) {
				return o.FundRewards(ctx, amount)
			})
		},
	}
}

func l1AmountCmd(use, short string, call func(*l1.Owner, context.Context, uint64, *big.Int) (*gethtypes.Receipt, error)) *cobra.Command {
	return &cobra.Command{
		Use:   use + " [sequencer-id] [amount-in-tokens]",
		Short: short,
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseSequencerID(args[0])
			if err != nil {
				return err
			}
			amount, err := parseTokens(args[1])
			if err != nil {
				return err
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, _ common.Address) (*gethtypes.Receipt, error) {
				return call(o, ctx, id, amount)
			})
		},
	}
}

func l1IDCmd(use, short string, call func(*l1.Owner, context.Context, uint64) (*gethtypes.Receipt, error)) *cobra.Command {
	return &cobra.Command{
		Use:   use + " [sequencer-id]",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseSequencerID(args[0])
			if err != nil {
				return err
			}
			return withOwner(cmd, func(ctx context.Context, o *l1.Owner, _ common.Address) (*gethtypes.Receipt, error) {
				return call(o, ctx, id)
			})
		},
	}
}

// withOwner connects as the owner, runs one call and prints its transaction.
func withOwner(cmd *cobra.Command, call func(context.Context, *l1.Owner, common.Address) (*gethtypes.Receipt, error)) error {
	cmd.SilenceUsage = true // the arguments parsed; what fails now is L1's answer, not usage
	rpcURL, _ := cmd.Flags().GetString(flagL1RPC)
	stakingHex, _ := cmd.Flags().GetString(flagStakingContract)
	keyFile, _ := cmd.Flags().GetString(flagOwnerKeyFile)
	if !common.IsHexAddress(stakingHex) {
		return fmt.Errorf("--%s must be the staking contract's 0x address, got %q", flagStakingContract, stakingHex)
	}
	key, err := readOwnerKey(keyFile)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(cmd.Context(), 2*time.Minute)
	defer cancel()
	client, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return fmt.Errorf("--%s %q: %w", flagL1RPC, rpcURL, err)
	}
	defer client.Close()
	owner, err := l1.NewOwner(ctx, client, key, common.HexToAddress(stakingHex))
	if err != nil {
		var chainID uint64
		if chain, idErr := client.ChainID(ctx); idErr == nil {
			chainID = chain.Uint64()
		}
		return stakingContractHint(err, rpcURL, chainID)
	}
	receipt, err := call(ctx, owner, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return err
	}
	cmd.Printf("mined: tx %s in block %d\n", receipt.TxHash.Hex(), receipt.BlockNumber)
	return nil
}

// stakingContractHint says which flag to fix when the staking address holds no contract.
func stakingContractHint(err error, rpcURL string, chainID uint64) error {
	if !errors.Is(err, l1.ErrNoContract) {
		return err
	}
	return fmt.Errorf("%w (L1 chain %d at %s): give --%s the staking contract's address from its deployment, or --%s the L1 it is deployed on",
		err, chainID, rpcURL, flagStakingContract, flagL1RPC)
}

func readOwnerKey(path string) (*ecdsa.PrivateKey, error) {
	if path == "" {
		return nil, fmt.Errorf("--%s is required: a file with the owner's hex L1 private key", flagOwnerKeyFile)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", flagOwnerKeyFile, err)
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil {
		return nil, fmt.Errorf("--%s %s does not hold a hex secp256k1 private key: %w", flagOwnerKeyFile, path, err)
	}
	return key, nil
}

// nodeSignerKey reads the signer key of the node under --home.
func nodeSignerKey(cmd *cobra.Command) (*ecdsa.PrivateKey, error) {
	home, _ := cmd.Flags().GetString(flags.FlagHome)
	if home == "" {
		return nil, fmt.Errorf("give --%s (the node whose signer key is bound), or --%s with --%s", flags.FlagHome, flagSignerPubKey, flagSignerProof)
	}
	keyFile := home + "/config/priv_validator_key.json"
	if _, err := os.Stat(keyFile); err != nil {
		return nil, fmt.Errorf("no signer key at %s (run `themisd init` first): %w", keyFile, err)
	}
	// Only the key is needed; a missing signing-state file must not end the process.
	pv := privval.LoadFilePVEmptyState(keyFile, home+"/data/priv_validator_state.json")
	priv, ok := pv.Key.PrivKey.(cmtsecp.PrivKey)
	if !ok {
		return nil, fmt.Errorf("%s holds a %s key; themis needs secp256k1", keyFile, pv.Key.PrivKey.Type())
	}
	key, err := crypto.ToECDSA(priv.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", keyFile, err)
	}
	return key, nil
}

func parsePubKey64(v string) ([]byte, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(v, "0x"))
	if err != nil {
		return nil, fmt.Errorf("signer public key %q is not hex: %w", v, err)
	}
	if _, err := sequencertypes.ParseSignerKey(raw); err != nil {
		return nil, fmt.Errorf("signer public key: %w (want the 64-byte key `themisd init` prints)", err)
	}
	return raw, nil
}

func parseSequencerID(v string) (uint64, error) {
	id, err := strconv.ParseUint(v, 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("sequencer id must be a positive integer, got %q", v)
	}
	return id, nil
}

// parseTokens reads a whole or decimal token amount ("30000", "1.5") into base units.
func parseTokens(v string) (*big.Int, error) {
	dec, err := math.LegacyNewDecFromStr(v)
	if err != nil || !dec.IsPositive() {
		return nil, fmt.Errorf("amount must be a positive number of tokens, got %q", v)
	}
	units := dec.MulInt(sequencertypes.OneToken)
	if !units.IsInteger() {
		return nil, fmt.Errorf("amount %q has more than 18 decimals", v)
	}
	return units.TruncateInt().BigInt(), nil
}
