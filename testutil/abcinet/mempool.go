package abcinet

import (
	"bytes"
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
)

// Mempool plays CometBFT's mempool in front of one app, as a node runs it: a
// transaction enters only if CheckTx accepts it, the proposer reaps in arrival order
// (FIFO), and after each block the committed transactions leave and the rest are
// re-checked against the new state (CheckTx of type Recheck), losing those that fail.
type Mempool struct {
	net *Net
	app *app.App
	txs [][]byte
}

// NewMempool is validator i's mempool.
func (net *Net) NewMempool(i int) *Mempool {
	return &Mempool{net: net, app: net.Validators[i].App}
}

// Add runs CheckTx; the transaction enters the mempool only if it passes.
func (m *Mempool) Add(tx []byte) error {
	resp, err := m.app.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
	require.NoError(m.net.t, err)
	if resp.Code != 0 {
		return fmt.Errorf("CheckTx refused the transaction: code %d (%s): %s", resp.Code, resp.Codespace, resp.Log)
	}
	m.txs = append(m.txs, tx)
	return nil
}

// Txs are the transactions waiting, in arrival order (what the proposer reaps).
func (m *Mempool) Txs() [][]byte { return m.txs }

// Len is the number of transactions waiting.
func (m *Mempool) Len() int { return len(m.txs) }

// Update removes the transactions of a committed block and re-checks the rest. It
// returns how many the recheck evicted.
func (m *Mempool) Update(block [][]byte) int {
	var rest [][]byte
	for _, tx := range m.txs {
		if !containsTx(block, tx) {
			rest = append(rest, tx)
		}
	}
	m.txs = m.txs[:0]
	evicted := 0
	for _, tx := range rest {
		resp, err := m.app.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_Recheck})
		require.NoError(m.net.t, err)
		if resp.Code != 0 {
			evicted++
			continue
		}
		m.txs = append(m.txs, tx)
	}
	return evicted
}

func containsTx(txs [][]byte, tx []byte) bool {
	for _, b := range txs {
		if bytes.Equal(b, tx) {
			return true
		}
	}
	return false
}
