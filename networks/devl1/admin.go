package devl1

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/contracts/bindings/testtoken"
)

// Info describes a running development L1 (GET /info on the admin endpoint).
type Info struct {
	ChainID      uint64 `json:"chain_id"`
	RPC          string `json:"rpc"`
	Head         uint64 `json:"head"`
	Deployer     string `json:"deployer"`
	Token        string `json:"token"`
	Staking      string `json:"staking"`
	BatchInbox   string `json:"batch_inbox"`
	StakingBlock uint64 `json:"staking_block"`
	// EvictedTxs are the hashes of the sends the mempool fault swallowed (newest 256).
	EvictedTxs []string `json:"evicted_txs"`
}

// Info returns the node's description.
func (n *Node) Info(ctx context.Context) (Info, error) {
	head, err := n.Head(ctx)
	if err != nil {
		return Info{}, err
	}
	d := n.deployment
	return Info{ChainID: ChainID, RPC: n.rpcURL, Head: head, Deployer: crypto.PubkeyToAddress(n.deployer.PublicKey).Hex(),
		Token: d.Token.Hex(), Staking: d.Staking.Hex(), BatchInbox: d.BatchInbox.Hex(), StakingBlock: d.StakingBlock,
		EvictedTxs: hexes(n.Evicted())}, nil
}

// Whitelist allows (or disallows) an L1 account to lock, as the contract owner.
func (n *Node) Whitelist(ctx context.Context, account common.Address, allowed bool) error {
	calldata := staking.NewThemisStaking().PackSetWhitelist(account, allowed)
	return n.ownerTransact(ctx, n.deployment.Staking, calldata, nil)
}

// SetLockLimits sets the contract's lock limits (base units) as its administrator, the
// deployer during bootstrap; the chain learns them from the LockLimitsUpdated event.
func (n *Node) SetLockLimits(ctx context.Context, minLock, maxLock *big.Int) error {
	calldata := staking.NewThemisStaking().PackSetLockLimits(minLock, maxLock)
	return n.ownerTransact(ctx, n.deployment.Staking, calldata, nil)
}

// ProposePool proposes the pool's threshold-key address as the staking contract's
// bootstrap owner (the deployer): step one of the pool address's two-step handover;
// the pool accepts it with its own signature (x/mpc's accept_pool_address).
func (n *Node) ProposePool(ctx context.Context, pool common.Address) error {
	calldata := staking.NewThemisStaking().PackProposePoolAddress(pool)
	return n.ownerTransact(ctx, n.deployment.Staking, calldata, nil)
}

// ProposePoolRecovery proposes a new pool address as the staking contract's owner,
// after the pool key was lost (proposePoolRecovery): the new pool completes it itself
// once the contract's recovery delay passed (/time advances the clock).
func (n *Node) ProposePoolRecovery(ctx context.Context, pool common.Address) error {
	calldata := staking.NewThemisStaking().PackProposePoolRecovery(pool)
	return n.ownerTransact(ctx, n.deployment.Staking, calldata, nil)
}

// Fund sends eth wei and mints tokens (base units) to account.
func (n *Node) Fund(ctx context.Context, account common.Address, eth, tokens *big.Int) error {
	if eth != nil && eth.Sign() > 0 {
		if err := n.ownerTransact(ctx, account, nil, eth); err != nil {
			return err
		}
	}
	if tokens != nil && tokens.Sign() > 0 {
		return n.ownerTransact(ctx, n.deployment.Token, testtoken.NewTestToken().PackMint(account, tokens), nil)
	}
	return nil
}

// ownerTransact sends one transaction from the deployer, mines it and checks it succeeded.
func (n *Node) ownerTransact(ctx context.Context, to common.Address, calldata []byte, value *big.Int) error {
	client := n.backend.Client()
	opts := bind.NewKeyedTransactor(n.deployer, new(big.Int).SetUint64(ChainID))
	opts.Context, opts.Value = ctx, value
	if len(calldata) == 0 {
		// A plain transfer: bind refuses to estimate gas for an address without code.
		opts.GasLimit = params.TxGas
	}
	// RawTransact only needs an address: the calldata is already packed.
	contract := bind.NewBoundContract(to, abi.ABI{}, client, client, client)
	tx, err := contract.RawTransact(opts, calldata)
	if err != nil {
		return err
	}
	n.Mine(1)
	receipt, err := bind.WaitMined(ctx, client, tx.Hash())
	if err != nil {
		return err
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return fmt.Errorf("devl1: transaction %s to %s reverted", tx.Hash(), to)
	}
	return nil
}

// AdminHandler serves the development controls over HTTP on loopback:
//
//	GET  /info
//	POST /mine?blocks=N
//	POST /reorg?depth=N[&drop=true]
//	POST /rpc?down=true|false
//	POST /mempool?address=0x..&for=30s   (drop that sender's transactions; for=0s ends it)
//	POST /mining?paused=true|false
//	POST /time?advance=1h
//	POST /whitelist?address=0x..[&allowed=false]
//	POST /lock-limits?min=UNITS&max=UNITS
//	POST /fund?address=0x..[&eth=WEI][&tokens=UNITS]
//	POST /propose-pool?address=0x..
//	POST /propose-recovery?address=0x..
func (n *Node) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /info", func(w http.ResponseWriter, r *http.Request) {
		info, err := n.Info(r.Context())
		reply(w, info, err)
	})
	mux.HandleFunc("POST /mine", func(w http.ResponseWriter, r *http.Request) {
		blocks, err := intParam(r, "blocks", 1)
		if err == nil {
			n.Mine(blocks)
		}
		reply(w, map[string]int{"mined": blocks}, err)
	})
	mux.HandleFunc("POST /reorg", func(w http.ResponseWriter, r *http.Request) {
		depth, err := intParam(r, "depth", 1)
		if err == nil {
			err = n.Reorg(r.Context(), depth, r.URL.Query().Get("drop") == "true")
		}
		reply(w, map[string]int{"depth": depth}, err)
	})
	mux.HandleFunc("POST /rpc", func(w http.ResponseWriter, r *http.Request) {
		down, err := strconv.ParseBool(r.URL.Query().Get("down"))
		if err == nil {
			n.SetRPCDown(down)
		}
		reply(w, map[string]bool{"down": down}, err)
	})
	mux.HandleFunc("POST /mempool", func(w http.ResponseWriter, r *http.Request) {
		addr, err := addressParam(r)
		var d time.Duration
		if err == nil {
			d, err = time.ParseDuration(r.URL.Query().Get("for"))
		}
		if err == nil {
			n.EvictFrom(addr, d)
		}
		reply(w, map[string]any{"address": addr.Hex(), "for": d.String()}, err)
	})
	mux.HandleFunc("POST /mining", func(w http.ResponseWriter, r *http.Request) {
		paused, err := strconv.ParseBool(r.URL.Query().Get("paused"))
		if err == nil {
			n.SetMiningPaused(paused)
		}
		reply(w, map[string]bool{"paused": paused}, err)
	})
	mux.HandleFunc("POST /time", func(w http.ResponseWriter, r *http.Request) {
		d, err := time.ParseDuration(r.URL.Query().Get("advance"))
		if err == nil {
			err = n.AdvanceTime(d)
		}
		reply(w, map[string]string{"advanced": d.String()}, err)
	})
	mux.HandleFunc("POST /whitelist", func(w http.ResponseWriter, r *http.Request) {
		addr, err := addressParam(r)
		allowed := r.URL.Query().Get("allowed") != "false"
		if err == nil {
			err = n.Whitelist(r.Context(), addr, allowed)
		}
		reply(w, map[string]any{"address": addr.Hex(), "allowed": allowed}, err)
	})
	mux.HandleFunc("POST /lock-limits", func(w http.ResponseWriter, r *http.Request) {
		minLock, err := bigParam(r, "min")
		var maxLock *big.Int
		if err == nil {
			maxLock, err = bigParam(r, "max")
		}
		if err == nil && (minLock == nil || maxLock == nil) {
			err = fmt.Errorf("min and max are both required (base units)")
		}
		if err == nil {
			err = n.SetLockLimits(r.Context(), minLock, maxLock)
		}
		reply(w, map[string]string{"min": fmt.Sprint(minLock), "max": fmt.Sprint(maxLock)}, err)
	})
	mux.HandleFunc("POST /fund", func(w http.ResponseWriter, r *http.Request) {
		addr, err := addressParam(r)
		var eth, tokens *big.Int
		if err == nil {
			eth, err = bigParam(r, "eth")
		}
		if err == nil {
			tokens, err = bigParam(r, "tokens")
		}
		if err == nil {
			err = n.Fund(r.Context(), addr, eth, tokens)
		}
		reply(w, map[string]string{"address": addr.Hex()}, err)
	})
	mux.HandleFunc("POST /propose-pool", func(w http.ResponseWriter, r *http.Request) {
		addr, err := addressParam(r)
		if err == nil {
			err = n.ProposePool(r.Context(), addr)
		}
		reply(w, map[string]string{"proposed": addr.Hex()}, err)
	})
	mux.HandleFunc("POST /propose-recovery", func(w http.ResponseWriter, r *http.Request) {
		addr, err := addressParam(r)
		if err == nil {
			err = n.ProposePoolRecovery(r.Context(), addr)
		}
		reply(w, map[string]string{"proposed": addr.Hex()}, err)
	})
	return mux
}

func hexes(hs []common.Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Hex()
	}
	return out
}

func reply(w http.ResponseWriter, body any, err error) {
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		body = map[string]string{"error": err.Error()}
	}
	_ = json.NewEncoder(w).Encode(body)
}

func intParam(r *http.Request, name string, fallback int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 || n > 10_000 {
		return 0, fmt.Errorf("%s must be an integer in [1, 10000], got %q", name, v)
	}
	return n, nil
}

func addressParam(r *http.Request) (common.Address, error) {
	v := r.URL.Query().Get("address")
	if !common.IsHexAddress(v) {
		return common.Address{}, fmt.Errorf("address must be a 0x L1 address, got %q", v)
	}
	return common.HexToAddress(v), nil
}

func bigParam(r *http.Request, name string) (*big.Int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return nil, nil
	}
	b, ok := new(big.Int).SetString(v, 10)
	if !ok || b.Sign() < 0 {
		return nil, fmt.Errorf("%s must be a non-negative decimal integer, got %q", name, v)
	}
	return b, nil
}
