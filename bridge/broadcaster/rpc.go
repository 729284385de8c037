package broadcaster

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// CometRPC is the part of the CometBFT RPC client the backend uses.
type CometRPC interface {
	ABCIQueryWithOptions(ctx context.Context, path string, data cmtbytes.HexBytes, opts rpcclient.ABCIQueryOptions) (*coretypes.ResultABCIQuery, error)
	BroadcastTxSync(ctx context.Context, tx cmttypes.Tx) (*coretypes.ResultBroadcastTx, error)
	Tx(ctx context.Context, hash []byte, prove bool) (*coretypes.ResultTx, error)
	Status(ctx context.Context) (*coretypes.ResultStatus, error)
}

// RPCBackend is the real Backend: CometBFT RPC for simulation (the /app/simulate ABCI
// query, which keeps the error's codespace and code), broadcast and transaction
// lookup; gRPC for the account.
type RPCBackend struct {
	RPC      CometRPC
	Auth     authtypes.QueryClient
	Registry codectypes.InterfaceRegistry
}

var (
	_ Backend  = RPCBackend{}
	_ CometRPC = (*rpchttp.HTTP)(nil)
)

// AccountNumber implements Backend. An unknown account is reported as the chain's
// ErrUnknownAddress (the account of a sequencer is created when it becomes active).
func (r RPCBackend) AccountNumber(ctx context.Context, addr sdk.AccAddress) (uint64, error) {
	res, err := r.Auth.Account(ctx, &authtypes.QueryAccountRequest{Address: addr.String()})
	if status.Code(err) == codes.NotFound {
		return 0, NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrUnknownAddress.ABCICode(), fmt.Sprintf("account %s does not exist", addr))
	}
	if err != nil {
		return 0, fmt.Errorf("query account %s: %w", addr, err)
	}
	var acc sdk.AccountI
	if err := r.Registry.UnpackAny(res.Account, &acc); err != nil {
		return 0, fmt.Errorf("decode account %s: %w", addr, err)
	}
	return acc.GetAccountNumber(), nil
}

// ChainTime implements Backend: the node's latest block time.
func (r RPCBackend) ChainTime(ctx context.Context) (time.Time, error) {
	st, err := r.RPC.Status(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("status: %w", err)
	}
	return st.SyncInfo.LatestBlockTime, nil
}

// Simulate implements Backend.
func (r RPCBackend) Simulate(ctx context.Context, txBytes []byte) (uint64, error) {
	res, err := r.RPC.ABCIQueryWithOptions(ctx, "/app/simulate", txBytes, rpcclient.ABCIQueryOptions{})
	if err != nil {
		return 0, fmt.Errorf("simulate: %w", err)
	}
	if res.Response.Code != 0 {
		return 0, NewChainError(res.Response.Codespace, res.Response.Code, res.Response.Log)
	}
	return parseGasUsed(res.Response.Value)
}

// parseGasUsed reads gas_info.gas_used from a JSON SimulationResponse (proto JSON
// writes 64-bit integers as strings).
func parseGasUsed(bz []byte) (uint64, error) {
	var sim struct {
		GasInfo struct {
			GasUsed json.RawMessage `json:"gas_used"`
		} `json:"gas_info"`
	}
	if err := json.Unmarshal(bz, &sim); err != nil {
		return 0, fmt.Errorf("decode simulation result: %w", err)
	}
	s := strings.Trim(string(sim.GasInfo.GasUsed), `"`)
	if s == "" {
		return 0, fmt.Errorf("simulation result without gas_used")
	}
	return strconv.ParseUint(s, 10, 64)
}

// BroadcastSync implements Backend.
func (r RPCBackend) BroadcastSync(ctx context.Context, txBytes []byte) error {
	res, err := r.RPC.BroadcastTxSync(ctx, txBytes)
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "tx already exists in cache") {
			return NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrTxInMempoolCache.ABCICode(), err.Error())
		}
		return fmt.Errorf("broadcast: %w", err)
	}
	if res.Code != 0 {
		return NewChainError(res.Codespace, res.Code, res.Log)
	}
	return nil
}

// TxResult implements Backend.
func (r RPCBackend) TxResult(ctx context.Context, hash []byte) (bool, error) {
	res, err := r.RPC.Tx(ctx, hash, false)
	if err != nil {
		if strings.Contains(err.Error(), "not found") {
			return false, nil
		}
		return false, fmt.Errorf("tx %X: %w", hash, err)
	}
	if res.TxResult.Code != 0 {
		return true, NewChainError(res.TxResult.Codespace, res.TxResult.Code, res.TxResult.Log)
	}
	return true, nil
}
