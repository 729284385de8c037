// Package sender carries the pool's signed L1 transactions out: it reads the pool
// transactions the chain marks SENT and sends each one's latest signed version to
// this operator's own L1 node, again every resend interval while it stays SENT.
//
// The sender decides nothing. The chain built and the pool signed every byte; the
// chain learns the outcome from the validators' own L1 nodes (x/mpc's mpc-l1 report),
// never from a bridge. So any number of bridges may send the same bytes (all but the
// first get "already known"), a bridge that lies or stays silent changes nothing but
// how soon L1 sees the transaction, and a transaction the L1 mempool dropped comes
// back at the next resend or, after stuck_blocks, as the chain's replacement.
package sender

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"cosmossdk.io/log"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	mpctypes "github.com/themis-network/themis/x/mpc/types"
)

// Defaults.
const (
	DefaultInterval = 2 * time.Second
	DefaultResend   = 12 * time.Second
	// callTimeout bounds one chain query or L1 call.
	callTimeout = 10 * time.Second
)

// Chain is the part of the chain the sender reads (x/mpc queries).
type Chain interface {
	// SentPoolTxs returns the pool transactions in status SENT.
	SentPoolTxs(ctx context.Context) ([]mpctypes.PoolTx, error)
	// Outbound returns the agreed L1 view (the pool's balance and its alarm).
	Outbound(ctx context.Context) (*mpctypes.QueryOutboundResponse, error)
}

// L1 is the part of the operator's L1 node the sender uses.
type L1 interface {
	SendTransaction(ctx context.Context, tx *ethtypes.Transaction) error
	TransactionReceipt(ctx context.Context, hash common.Hash) (*ethtypes.Receipt, error)
}

// Config configures a sender.
type Config struct {
	Interval time.Duration // how often the chain is read
	Resend   time.Duration // how often one version is sent again while SENT
	// DropVersions, for e2e tests only, makes the sender never send the versions of
	// index below it: a transaction "dropped from the mempool", which the chain must
	// replace.
	DropVersions uint32
	Logger       log.Logger
	Metrics      *Metrics
	Now          func() time.Time
}

// Sender is the loop; Run drives it.
type Sender struct {
	cfg   Config
	chain Chain
	l1    L1

	mu sync.Mutex
	// sent records when each version (by hash) was last handed to L1, and followed
	// the versions whose receipt is still awaited (logged once when found).
	sent     map[common.Hash]time.Time
	followed map[common.Hash]followed
}

type followed struct {
	id      uint64
	version int
	nonce   uint64
}

// New builds a sender.
func New(cfg Config, chain Chain, l1 L1) (*Sender, error) {
	if chain == nil || l1 == nil {
		return nil, errors.New("sender: chain and l1 are required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Resend <= 0 {
		cfg.Resend = DefaultResend
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Sender{cfg: cfg, chain: chain, l1: l1, sent: map[common.Hash]time.Time{}, followed: map[common.Hash]followed{}}, nil
}

// Run sends until ctx ends. Failures are logged and counted; the loop goes on.
func (s *Sender) Run(ctx context.Context) error {
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		s.Step(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Step runs one round: send what is due, follow receipts, read the pool's balance.
func (s *Sender) Step(ctx context.Context) {
	cctx, cancel := context.WithTimeout(ctx, callTimeout)
	txs, err := s.chain.SentPoolTxs(cctx)
	cancel()
	if err != nil {
		s.cfg.Logger.Error("sender: reading the pool's SENT transactions", "err", err)
		s.cfg.Metrics.chainError()
	} else {
		s.sendDue(ctx, txs)
	}
	s.followReceipts(ctx)
	s.watchBalance(ctx)
}

// sendDue sends each SENT transaction's latest version unless sent within Resend.
func (s *Sender) sendDue(ctx context.Context, txs []mpctypes.PoolTx) {
	now := s.cfg.Now()
	for _, ptx := range txs {
		version, tx, err := latestSigned(ptx)
		if err != nil {
			s.cfg.Logger.Error("sender: refusing a pool transaction the chain serves", "id", ptx.Id, "err", err)
			s.cfg.Metrics.sendResult(resultRefused)
			continue
		}
		if uint32(version) < s.cfg.DropVersions {
			continue // test fault: this version "never reaches" L1
		}
		s.cfg.Metrics.inFlight(ptx.Id, ptx.Nonce, version)
		s.mu.Lock()
		last, ok := s.sent[tx.Hash()]
		s.mu.Unlock()
		if ok && now.Sub(last) < s.cfg.Resend {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, callTimeout)
		err = s.l1.SendTransaction(cctx, tx)
		cancel()
		class := Classify(err)
		s.cfg.Metrics.sendResult(class)
		switch class {
		case resultSent, resultKnown, resultLanded:
			s.mu.Lock()
			s.sent[tx.Hash()] = now
			s.followed[tx.Hash()] = followed{id: ptx.Id, version: version, nonce: ptx.Nonce}
			s.mu.Unlock()
			if class == resultSent {
				s.cfg.Logger.Info("sender: pool transaction sent to L1", "id", ptx.Id, "purpose", ptx.Purpose, "nonce", ptx.Nonce,
					"version", version, "hash", tx.Hash().Hex())
			}
		default:
			s.cfg.Logger.Error("sender: L1 refused a pool transaction", "id", ptx.Id, "nonce", ptx.Nonce, "version", version, "err", err)
		}
	}
	s.forgetOld(now)
}

// latestSigned decodes the last version of a SENT transaction and checks its bytes
// hash to the hash the chain recorded (a lying node cannot make this bridge send
// anything but the pool's own transaction).
func latestSigned(ptx mpctypes.PoolTx) (int, *ethtypes.Transaction, error) {
	if len(ptx.Versions) == 0 {
		return 0, nil, errors.New("SENT without a version")
	}
	i := len(ptx.Versions) - 1
	v := ptx.Versions[i]
	if len(v.Raw) == 0 || len(v.TxHash) != common.HashLength {
		return i, nil, fmt.Errorf("version %d is not signed", i)
	}
	tx := new(ethtypes.Transaction)
	if err := tx.UnmarshalBinary(v.Raw); err != nil {
		return i, nil, fmt.Errorf("version %d: %w", i, err)
	}
	if h := tx.Hash(); !bytes.Equal(h.Bytes(), v.TxHash) {
		return i, nil, fmt.Errorf("version %d: bytes hash to %s, the chain says %x", i, h.Hex(), v.TxHash)
	}
	if tx.Nonce() != ptx.Nonce {
		return i, nil, fmt.Errorf("version %d: nonce %d, the chain says %d", i, tx.Nonce(), ptx.Nonce)
	}
	// The call too: a node serving a consistent but foreign (hash, bytes) pair still
	// cannot make this bridge relay another call.
	if tx.To() == nil || !common.IsHexAddress(ptx.To) || *tx.To() != common.HexToAddress(ptx.To) || !bytes.Equal(tx.Data(), ptx.Data) || tx.Gas() != ptx.Gas {
		return i, nil, fmt.Errorf("version %d: the signed call is not the chain's (to %v, %d bytes of data, gas %d)", i, tx.To(), len(tx.Data()), tx.Gas())
	}
	return i, tx, nil
}

// followReceipts logs the receipt of each followed version once it exists.
func (s *Sender) followReceipts(ctx context.Context) {
	s.mu.Lock()
	hashes := make([]common.Hash, 0, len(s.followed))
	for h := range s.followed {
		hashes = append(hashes, h)
	}
	s.mu.Unlock()
	for _, h := range hashes {
		cctx, cancel := context.WithTimeout(ctx, callTimeout)
		r, err := s.l1.TransactionReceipt(cctx, h)
		cancel()
		if err != nil || r == nil {
			continue // not mined yet (or the node is away): asked again next round
		}
		s.mu.Lock()
		f := s.followed[h]
		delete(s.followed, h)
		s.mu.Unlock()
		if r.Status == ethtypes.ReceiptStatusSuccessful {
			s.cfg.Logger.Info("sender: pool transaction mined", "id", f.id, "nonce", f.nonce, "version", f.version, "hash", h.Hex(), "block", r.BlockNumber)
			s.cfg.Metrics.mined(false)
		} else {
			s.cfg.Logger.Error("sender: pool transaction REVERTED on L1", "id", f.id, "nonce", f.nonce, "version", f.version, "hash", h.Hex(), "block", r.BlockNumber)
			s.cfg.Metrics.mined(true)
		}
	}
}

// forgetOld drops send times older than a few resend intervals (the transaction left
// SENT long ago), so the map stays small.
func (s *Sender) forgetOld(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for h, at := range s.sent {
		if now.Sub(at) > 10*s.cfg.Resend {
			delete(s.sent, h)
			delete(s.followed, h)
		}
	}
}

// watchBalance exports the pool's agreed L1 balance and warns while it is low.
func (s *Sender) watchBalance(ctx context.Context) {
	cctx, cancel := context.WithTimeout(ctx, callTimeout)
	out, err := s.chain.Outbound(cctx)
	cancel()
	if err != nil || out == nil {
		return
	}
	s.cfg.Metrics.balance(mpctypes.Wei(out.L1View.PoolBalance), out.L1View.LowBalance)
	if out.L1View.LowBalance && out.L1View.L1Height > 0 {
		s.cfg.Logger.Warn("sender: the pool's L1 balance is below min_pool_balance; fund the pool address",
			"balance_wei", mpctypes.Wei(out.L1View.PoolBalance).String())
	}
}
