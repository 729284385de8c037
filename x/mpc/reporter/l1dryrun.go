package reporter

import (
	"context"
	"errors"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/themis-network/themis/x/mpc/types"
)

// dryRuns runs each call the chain is checking as the pool would send it (eth_call
// from the pool address, with the call's gas) at the confirmed block, the snapshot's.
// A revert or an EVM failure is an answer (the revert's error selector); a failed
// read (timeout, a node error) is no answer for that call alone: the other facts of
// the snapshot stand, and the call is dry-run again next poll.
func (w *L1Watcher) dryRuns(ctx context.Context, want L1Wants, block *big.Int) []types.CallCheck {
	var out []types.CallCheck
	for _, call := range want.Calls {
		msg := ethereum.CallMsg{From: want.Pool, To: &call.To, Gas: call.Gas, Data: call.Data}
		_, err := within(ctx, w.cfg.L1ReadTimeout, func(ctx context.Context) ([]byte, error) { return w.cfg.L1.CallContract(ctx, msg, block) })
		check := types.CallCheck{PoolTx: call.PoolTx}
		if err != nil {
			selector, failed := revertSelector(err)
			if !failed {
				w.cfg.Logger.Debug("dry run of a pool call: no answer", "pool_tx", call.PoolTx, "block", block, "err", err)
				continue
			}
			check.Reverted, check.Selector = true, selector
		}
		out = append(out, check)
	}
	return out
}

// anyErrorData is revert data an L1 node that is not go-ethereum (another error code)
// put in its JSON-RPC error: hex, as go-ethereum does.
func anyErrorData(err error) ([]byte, bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil, false
	}
	data, decErr := hexutil.Decode(s)
	return data, decErr == nil
}

// evmFailures are go-ethereum's messages for a call that failed in the EVM itself
// (core/vm errors): the same at every honest node, so an answer, never a read error.
var evmFailures = []string{"execution reverted", "out of gas", "invalid opcode", "stack underflow", "stack overflow", "invalid jump destination", "write protection"}

// revertSelector tells a call that failed in the EVM from a failed read: an error
// carrying revert data (go-ethereum's "execution reverted", code 3) is a revert, and its selector is the data's first 4 bytes (none when the data is
// shorter: a bare revert); an error naming an EVM failure is one with no selector.
func revertSelector(err error) ([]byte, bool) {
	data, ok := ethclient.RevertErrorData(err)
	if !ok {
		data, ok = anyErrorData(err)
	}
	if ok {
		if len(data) >= types.SelectorLen {
			return data[:types.SelectorLen], true
		}
		return nil, true
	}
	msg := strings.ToLower(err.Error())
	for _, f := range evmFailures {
		if strings.Contains(msg, f) {
			return nil, true
		}
	}
	return nil, false
}
