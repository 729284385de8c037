package cmd

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/themis-network/themis/networks/devl1"
)

// DevnetCmd holds development-only services of the localnet.
func DevnetCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Development-only services of the localnet (never for production)",
	}
	cmd.AddCommand(devL1Cmd(), devOwnerKeyCmd())
	return cmd
}

func devOwnerKeyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "owner-key [i]",
		Short: "Print development owner i's L1 private key (hex), or its address with --address",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			i, err := strconv.Atoi(args[0])
			if err != nil || i < 0 || i > 100 {
				return fmt.Errorf("owner index must be 0..100, got %q", args[0])
			}
			key := devl1.OwnerKey(i)
			if addr, _ := cmd.Flags().GetBool("address"); addr {
				cmd.Println(strings.ToLower(crypto.PubkeyToAddress(key.PublicKey).Hex()))
				return nil
			}
			cmd.Println(hex.EncodeToString(crypto.FromECDSA(key)))
			return nil
		},
	}
	cmd.Flags().Bool("address", false, "print the owner's L1 address instead of its key")
	return cmd
}

func devL1Cmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "l1",
		Short: "Run an in-process development L1 with the themis contracts deployed",
		Long: `Runs go-ethereum's simulated chain (chain id 1337) serving JSON-RPC on loopback,
mining every --block-time, with the staking token, staking contract and batch inbox
deployed and --accounts funded with ETH and test tokens. The chain lives in memory.

An admin endpoint on --admin-addr produces faults and development actions:
  GET  /info                                  chain id, contract addresses, head
  POST /mine?blocks=N                         mine N blocks now
  POST /reorg?depth=N[&drop=true]             replace the newest N blocks
  POST /rpc?down=true|false                   switch the JSON-RPC endpoint off / on
  POST /mempool?address=0x..&for=5m           drop that sender's transactions from the mempool
                                              (accepted, never mined; for=0s ends it)
  POST /mining?paused=true|false              stop / resume the block timer (/mine still mines)
  POST /time?advance=1h                       mine one block that much later
  POST /whitelist?address=0x..[&allowed=false] change the L1 whitelist (as owner)
  POST /lock-limits?min=UNITS&max=UNITS        set the contract's lock limits (as owner)
  POST /fund?address=0x..&eth=WEI&tokens=UNITS send ETH and mint test tokens
  POST /propose-pool?address=0x..             propose the pool address (as bootstrap owner)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, adminAddr, infoFile, err := devL1ConfigFromFlags(cmd)
			if err != nil {
				return err
			}
			node, err := devl1.Start(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			defer node.Close()
			ln, err := net.Listen("tcp", adminAddr)
			if err != nil {
				return fmt.Errorf("--admin-addr %s: %w", adminAddr, err)
			}
			admin := &http.Server{Handler: node.AdminHandler(), ReadHeaderTimeout: 5 * time.Second}
			go func() { _ = admin.Serve(ln) }()
			defer admin.Close()
			info, err := node.Info(cmd.Context())
			if err != nil {
				return err
			}
			out, _ := json.MarshalIndent(info, "", "  ")
			if infoFile != "" {
				if err := os.WriteFile(infoFile, append(out, '\n'), 0o644); err != nil {
					return err
				}
			}
			cmd.Printf("development L1 ready (admin on http://%s):\n%s\n", ln.Addr(), out)
			stop := make(chan os.Signal, 1)
			signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
			<-stop
			return nil
		},
	}
	cmd.Flags().String("rpc-addr", "127.0.0.1:8545", "JSON-RPC listen address (loopback)")
	cmd.Flags().String("admin-addr", "127.0.0.1:8546", "admin endpoint listen address (loopback)")
	cmd.Flags().Duration("block-time", time.Second, "block interval (0: mine only on /mine)")
	cmd.Flags().StringSlice("accounts", nil, "L1 accounts to fund (comma-separated 0x addresses)")
	cmd.Flags().Int("dev-owners", 0, "also fund and whitelist the first N development owner keys (the localnet's operators)")
	cmd.Flags().Int("unlisted-dev-owners", 0, "of the --dev-owners, fund the last N but do not whitelist them: they join once themis governance whitelists them (the pool whitelists them on L1)")
	cmd.Flags().String("tokens", strconv.Itoa(devl1.DefaultTokens), "test tokens minted to each account (whole tokens)")
	cmd.Flags().StringSlice("whitelist", nil, "L1 accounts allowed to lock (default: --accounts)")
	cmd.Flags().String("min-lock", strconv.Itoa(devl1.DefaultMinLock), "minimum lock (whole tokens)")
	cmd.Flags().String("max-lock", strconv.Itoa(devl1.DefaultMaxLock), "maximum lock (whole tokens)")
	cmd.Flags().Duration("exit-delay", 7*24*time.Hour, "delay between unlock (or a partial withdrawal) and its claim (the contract's minimum is seven days; POST /time jumps the clock)")
	cmd.Flags().String("info-file", "", "write the /info JSON to this file once ready")
	return cmd
}

func devL1ConfigFromFlags(cmd *cobra.Command) (devl1.Config, string, string, error) {
	f := cmd.Flags()
	rpcAddr, _ := f.GetString("rpc-addr")
	adminAddr, _ := f.GetString("admin-addr")
	blockTime, _ := f.GetDuration("block-time")
	exitDelay, _ := f.GetDuration("exit-delay")
	infoFile, _ := f.GetString("info-file")
	accountsRaw, _ := f.GetStringSlice("accounts")
	whitelistRaw, _ := f.GetStringSlice("whitelist")
	accounts, err := parseL1Addresses("--accounts", accountsRaw)
	if err != nil {
		return devl1.Config{}, "", "", err
	}
	whitelist, err := parseL1Addresses("--whitelist", whitelistRaw)
	if err != nil {
		return devl1.Config{}, "", "", err
	}
	owners, _ := f.GetInt("dev-owners")
	if owners < 0 || owners > 100 {
		return devl1.Config{}, "", "", fmt.Errorf("--dev-owners must be 0..100, got %d", owners)
	}
	unlisted, _ := f.GetInt("unlisted-dev-owners")
	if unlisted < 0 || unlisted > owners {
		return devl1.Config{}, "", "", fmt.Errorf("--unlisted-dev-owners must be 0..--dev-owners (%d), got %d", owners, unlisted)
	}
	if unlisted > 0 && len(whitelistRaw) > 0 {
		return devl1.Config{}, "", "", fmt.Errorf("--unlisted-dev-owners and --whitelist exclude each other: list the whitelist in full")
	}
	amounts := map[string]*big.Int{}
	for _, name := range []string{"tokens", "min-lock", "max-lock"} {
		v, _ := f.GetString(name)
		if amounts[name], err = parseTokens(v); err != nil {
			return devl1.Config{}, "", "", fmt.Errorf("--%s: %w", name, err)
		}
	}
	if blockTime < 0 || exitDelay < 0 {
		return devl1.Config{}, "", "", fmt.Errorf("--block-time and --exit-delay must not be negative")
	}
	// With only --dev-owners and --exit-delay this is devl1.OwnersConfig: the localnet's L1,
	// which the e2e tests also deploy on geth --dev.
	cfg := devl1.OwnersConfig(owners, exitDelay)
	cfg.RPCAddr, cfg.BlockTime = rpcAddr, blockTime
	cfg.Accounts = append(accounts, cfg.Accounts...)
	cfg.Contracts.Whitelist = whitelist
	if len(whitelistRaw) == 0 {
		cfg.Contracts.Whitelist = cfg.Accounts[:len(cfg.Accounts)-unlisted]
	}
	cfg.Tokens, cfg.Contracts.MinLock, cfg.Contracts.MaxLock = amounts["tokens"], amounts["min-lock"], amounts["max-lock"]
	return cfg, adminAddr, infoFile, nil
}

func parseL1Addresses(flag string, raw []string) ([]common.Address, error) {
	out := make([]common.Address, 0, len(raw))
	for _, v := range raw {
		v = strings.TrimSpace(v)
		if !common.IsHexAddress(v) {
			return nil, fmt.Errorf("%s: %q is not a 0x L1 address", flag, v)
		}
		out = append(out, common.HexToAddress(v))
	}
	return out, nil
}
