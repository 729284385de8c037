package sender

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/require"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

type fakeChain struct {
	txs []mpctypes.PoolTx
	out mpctypes.QueryOutboundResponse
	err error
}

func (c *fakeChain) SentPoolTxs(context.Context) ([]mpctypes.PoolTx, error) { return c.txs, c.err }

func (c *fakeChain) Outbound(context.Context) (*mpctypes.QueryOutboundResponse, error) {
	return &c.out, nil
}

type fakeL1 struct {
	mu       sync.Mutex
	sent     []common.Hash
	err      error
	receipts map[common.Hash]*ethtypes.Receipt
}

func (l *fakeL1) SendTransaction(_ context.Context, tx *ethtypes.Transaction) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sent = append(l.sent, tx.Hash())
	return l.err
}

func (l *fakeL1) TransactionReceipt(_ context.Context, h common.Hash) (*ethtypes.Receipt, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.receipts[h]; ok {
		return r, nil
	}
	return nil, errors.New("not found")
}

// signedVersion is a version signed by a test key (the sender checks bytes against
// the recorded hash and nonce, not the signer: the chain checked that).
// testTo is the call's target in the signed versions.
const testTo = "0x00000000000000000000000000000000000000bb"

func signedVersion(t *testing.T, nonce uint64, tip int64) mpctypes.PoolTxVersion {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	to := common.HexToAddress("0xbb")
	tx, err := ethtypes.SignNewTx(key, ethtypes.NewLondonSigner(big.NewInt(1337)), &ethtypes.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: nonce, GasTipCap: big.NewInt(tip), GasFeeCap: big.NewInt(100), Gas: 50_000, To: &to})
	require.NoError(t, err)
	raw, err := tx.MarshalBinary()
	require.NoError(t, err)
	return mpctypes.PoolTxVersion{Raw: raw, TxHash: tx.Hash().Bytes()}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newSender(t *testing.T, chain Chain, l1 L1, cfg Config) (*Sender, *clock, *Metrics) {
	c := &clock{t: time.Unix(1_000, 0)}
	cfg.Now = c.now
	cfg.Metrics = NewMetrics(prometheus.NewRegistry())
	s, err := New(cfg, chain, l1)
	require.NoError(t, err)
	return s, c, cfg.Metrics
}

// The latest version of each SENT transaction goes out, again only after Resend.
func TestSendsTheLatestVersionAndResends(t *testing.T) {
	v0, v1 := signedVersion(t, 7, 1), signedVersion(t, 7, 2)
	chain := &fakeChain{txs: []mpctypes.PoolTx{{Id: 3, Nonce: 7, To: testTo, Gas: 50_000, Status: mpctypes.POOL_TX_STATUS_SENT, Versions: []mpctypes.PoolTxVersion{v0, v1}}}}
	l1 := &fakeL1{receipts: map[common.Hash]*ethtypes.Receipt{}}
	s, clk, m := newSender(t, chain, l1, Config{Resend: 10 * time.Second})
	s.Step(context.Background())
	require.Equal(t, []common.Hash{common.BytesToHash(v1.TxHash)}, l1.sent)
	clk.t = clk.t.Add(5 * time.Second)
	s.Step(context.Background())
	require.Len(t, l1.sent, 1, "not again within Resend")
	clk.t = clk.t.Add(6 * time.Second)
	s.Step(context.Background())
	require.Len(t, l1.sent, 2, "again after Resend: a dropped transaction comes back")
	require.Equal(t, 2.0, value(m.sends.WithLabelValues(resultSent)))
	require.Equal(t, 1.0, value(m.inFlightVer))
}

// Bytes that do not hash to the recorded hash, or carry another nonce or another call
// than the chain's, are refused.
func TestRefusesBytesThatAreNotThePoolTransaction(t *testing.T) {
	v := signedVersion(t, 7, 1)
	other := signedVersion(t, 7, 5)
	forged := mpctypes.PoolTxVersion{Raw: other.Raw, TxHash: v.TxHash}
	wrongNonce := signedVersion(t, 8, 1)
	chain := &fakeChain{txs: []mpctypes.PoolTx{
		{Id: 1, Nonce: 7, Versions: []mpctypes.PoolTxVersion{forged}},
		{Id: 2, Nonce: 7, Versions: []mpctypes.PoolTxVersion{wrongNonce}},
		{Id: 3, Nonce: 7, Versions: []mpctypes.PoolTxVersion{{Raw: []byte{1, 2, 3}, TxHash: v.TxHash}}},
		{Id: 4, Nonce: 7},
		{Id: 5, Nonce: 7, To: testTo, Gas: 60_000, Versions: []mpctypes.PoolTxVersion{v}},                                       // another gas
		{Id: 6, Nonce: 7, To: "0x00000000000000000000000000000000000000cc", Gas: 50_000, Versions: []mpctypes.PoolTxVersion{v}}, // another target
		{Id: 7, Nonce: 7, To: testTo, Gas: 50_000, Data: []byte{9}, Versions: []mpctypes.PoolTxVersion{v}},                      // other data
	}}
	l1 := &fakeL1{}
	s, _, m := newSender(t, chain, l1, Config{})
	s.Step(context.Background())
	require.Empty(t, l1.sent)
	require.Equal(t, 7.0, value(m.sends.WithLabelValues(resultRefused)))
}

// Another bridge's send, a landed nonce, an underpriced earlier version: benign.
func TestClassify(t *testing.T) {
	for msg, want := range map[string]string{
		"already known": resultKnown,
		"nonce too low: next nonce 8, tx nonce 7": resultLanded,
		"replacement transaction underpriced":     resultPriced,
		"transaction underpriced":                 resultPriced,
		"connection refused":                      resultFailed,
	} {
		require.Equal(t, want, Classify(errors.New(msg)), msg)
	}
	require.Equal(t, resultSent, Classify(nil))
}

// The e2e fault: versions below DropVersions never go out.
func TestDropVersionsFault(t *testing.T) {
	v0, v1 := signedVersion(t, 7, 1), signedVersion(t, 7, 2)
	tx := mpctypes.PoolTx{Id: 3, Nonce: 7, To: testTo, Gas: 50_000, Versions: []mpctypes.PoolTxVersion{v0}}
	chain := &fakeChain{txs: []mpctypes.PoolTx{tx}}
	l1 := &fakeL1{}
	s, _, _ := newSender(t, chain, l1, Config{DropVersions: 1})
	s.Step(context.Background())
	require.Empty(t, l1.sent)
	chain.txs[0].Versions = append(chain.txs[0].Versions, v1)
	s.Step(context.Background())
	require.Equal(t, []common.Hash{common.BytesToHash(v1.TxHash)}, l1.sent)
}

// Receipts are followed (metrics), and the balance and its alarm exported.
func TestFollowsReceiptsAndBalance(t *testing.T) {
	v := signedVersion(t, 7, 1)
	chain := &fakeChain{txs: []mpctypes.PoolTx{{Id: 3, Nonce: 7, To: testTo, Gas: 50_000, Versions: []mpctypes.PoolTxVersion{v}}}}
	chain.out.L1View = mpctypes.L1View{L1Height: 10, PoolBalance: big.NewInt(5).Bytes(), LowBalance: true}
	l1 := &fakeL1{receipts: map[common.Hash]*ethtypes.Receipt{}}
	s, _, m := newSender(t, chain, l1, Config{})
	s.Step(context.Background())
	l1.receipts[common.BytesToHash(v.TxHash)] = &ethtypes.Receipt{Status: ethtypes.ReceiptStatusFailed, BlockNumber: big.NewInt(9)}
	s.Step(context.Background())
	require.Equal(t, 1.0, value(m.mines.WithLabelValues("reverted")))
	require.Equal(t, 5.0, value(m.balanceWei))
	require.Equal(t, 1.0, value(m.balanceLow))
}

// A failed chain read is counted and nothing is sent.
func TestChainErrorCounted(t *testing.T) {
	chain := &fakeChain{err: errors.New("node down")}
	l1 := &fakeL1{}
	s, _, m := newSender(t, chain, l1, Config{})
	s.Step(context.Background())
	require.Empty(t, l1.sent)
	require.Equal(t, 1.0, value(m.chainErrors))
}

// value reads a counter or gauge.
func value(c prometheus.Metric) float64 {
	var d dto.Metric
	if err := c.Write(&d); err != nil {
		panic(err)
	}
	if d.Counter != nil {
		return d.Counter.GetValue()
	}
	return d.Gauge.GetValue()
}
