package devl1

import (
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
	f.Fuzz(func(t *testing.T, body []byte) {
		_, tx, ok := rawTransactionCall(body)
		if ok {
			require.NotNil(t, tx)
		}
	})
}
