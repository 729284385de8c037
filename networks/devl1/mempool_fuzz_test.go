package devl1

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"
)

// FuzzRawTransactionCall: the fault switch's decoder of JSON-RPC bodies never panics,
// and what it accepts is a single eth_sendRawTransaction with one decodable transaction.
func FuzzRawTransactionCall(f *testing.F) {
	to := common.HexToAddress("0x00000000000000000000000000000000000000f1")
	tx, err := types.SignNewTx(DeployerKey(), types.LatestSignerForChainID(new(big.Int).SetUint64(ChainID)), &types.DynamicFeeTx{
		ChainID: new(big.Int).SetUint64(ChainID), GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(params.GWei), Gas: params.TxGas, To: &to})
	require.NoError(f, err)
	raw, err := tx.MarshalBinary()
	require.NoError(f, err)
	good := `{"jsonrpc":"2.0","id":7,"method":"eth_sendRawTransaction","params":["` + hexutil.Encode(raw) + `"]}`
	f.Add([]byte(good))
	f.Add([]byte(`[` + good + `]`))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`))
	f.Add([]byte(`{"method":"eth_sendRawTransaction","params":["0x02"]}`))
	f.Add([]byte(`{"method":"eth_sendRawTransaction","params":["0x00","0x00"]}`))
	f.Add([]byte(`nope`))
	id, got, ok := rawTransactionCall([]byte(good))
	require.True(f, ok)
	require.Equal(f, "7", string(id))
	require.Equal(f, tx.Hash(), got.Hash())
	for _, other := range []string{`[` + good + `]`, `{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`} {
		_, _, ok := rawTransactionCall([]byte(other))
		require.False(f, ok, other)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, tx, ok := rawTransactionCall(body)
		if !ok {
			return
		}
		// Accepted: one JSON object calling eth_sendRawTransaction with exactly the
		// transaction's encoding.
		var call struct {
			Method string          `json:"method"`
			Params []hexutil.Bytes `json:"params"`
		}
		require.NoError(t, json.Unmarshal(body, &call))
		require.Equal(t, "eth_sendRawTransaction", call.Method)
		require.Len(t, call.Params, 1)
		again := new(types.Transaction)
		require.NoError(t, again.UnmarshalBinary(call.Params[0]))
		require.Equal(t, tx.Hash(), again.Hash())
	})
}
