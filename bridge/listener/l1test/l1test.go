// Package l1test answers the listener's JSON-RPC batches from an in-memory L1 node, for
// tests. A batch goes to one node and is answered in order, as go-ethereum's RPC server
// does; results pass through JSON, as over the wire.
package l1test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Node is the part of an L1 node a batch may call.
type Node interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*gethtypes.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]gethtypes.Log, error)
}

// Batch answers b from n, element by element. Method errors go to the element's Error,
// as a node reports them; Batch itself fails only on a call it does not serve.
func Batch(ctx context.Context, n Node, b []rpc.BatchElem) error {
	for i := range b {
		e := &b[i]
		res, err := call(ctx, n, e.Method, e.Args)
		if errors.Is(err, errUnsupported) {
			return err
		}
		if err != nil {
			e.Error = err
			continue
		}
		bz, err := json.Marshal(res)
		if err != nil {
			return err
		}
		if e.Result != nil {
			if err := json.Unmarshal(bz, e.Result); err != nil {
				e.Error = err
			}
		}
	}
	return nil
}

var errUnsupported = errors.New("l1test: method not served")

func call(ctx context.Context, n Node, method string, args []any) (any, error) {
	switch method {
	case "eth_blockNumber":
		h, err := n.BlockNumber(ctx)
		return hexutil.Uint64(h), err
	case "eth_getBlockByNumber":
		if len(args) == 0 {
			return nil, errors.New("missing block")
		}
		num, err := blockArg(args[0])
		if err != nil {
			return nil, err
		}
		h, err := n.HeaderByNumber(ctx, num)
		if errors.Is(err, ethereum.NotFound) {
			return nil, nil // JSON null: the node does not have the block
		}
		return h, err
	case "eth_getLogs":
		if len(args) == 0 {
			return nil, errors.New("missing filter")
		}
		q, err := filterArg(args[0])
		if err != nil {
			return nil, err
		}
		logs, err := n.FilterLogs(ctx, q)
		if logs == nil {
			logs = []gethtypes.Log{}
		}
		return logs, err
	}
	return nil, fmt.Errorf("%w: %s", errUnsupported, method)
}

func blockArg(a any) (*big.Int, error) {
	s, ok := a.(string)
	if !ok {
		return nil, fmt.Errorf("block argument %v is not a string", a)
	}
	var bn rpc.BlockNumber
	if err := bn.UnmarshalJSON([]byte(`"` + s + `"`)); err != nil {
		return nil, err
	}
	return big.NewInt(bn.Int64()), nil
}

func filterArg(a any) (ethereum.FilterQuery, error) {
	bz, err := json.Marshal(a)
	if err != nil {
		return ethereum.FilterQuery{}, err
	}
	var f struct {
		FromBlock *hexutil.Big     `json:"fromBlock"`
		ToBlock   *hexutil.Big     `json:"toBlock"`
		Address   []common.Address `json:"address"`
		Topics    [][]common.Hash  `json:"topics"`
	}
	if err := json.Unmarshal(bz, &f); err != nil {
		return ethereum.FilterQuery{}, err
	}
	if f.FromBlock == nil || f.ToBlock == nil {
		return ethereum.FilterQuery{}, errors.New("filter without fromBlock/toBlock")
	}
	return ethereum.FilterQuery{FromBlock: f.FromBlock.ToInt(), ToBlock: f.ToBlock.ToInt(), Addresses: f.Address, Topics: f.Topics}, nil
}

// Header is a well-formed header of block number on a fork: headers of one fork have
// one hash per number, another fork's differ.
func Header(number uint64, fork byte) *gethtypes.Header {
	return &gethtypes.Header{
		Number: new(big.Int).SetUint64(number), Difficulty: new(big.Int), Extra: []byte{fork},
		ParentHash: common.BigToHash(new(big.Int).SetUint64(number)),
	}
}
