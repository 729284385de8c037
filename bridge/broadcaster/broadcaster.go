// Package broadcaster signs relay messages with the operator's chain key and sends them
// to the chain: batched (up to 40 messages a transaction), zero fee (relays of active
// sequencers are fee-exempt, within x/sequencer/ante's bounds: at most 50 messages,
// 32 KiB and 200k + 80k per message of gas (3M at most) a transaction, 4 such
// transactions per block and 16 waiting in a node's mempool per sender), gas from
// simulation x 1.3 plus what only CheckTx charges, within that bound, broadcast in sync mode over
// CometBFT RPC, then followed to inclusion.
//
// Relay transactions are unordered (x/auth's unordered transactions: a timeout
// timestamp instead of the account sequence). The operator's key also signs the
// operator's own transactions (governance votes, unjail, ...), and relays race the
// other bridges for the same events: a relay that loses the race fails when CometBFT
// re-checks its mempool after the block, and with sequences that failure would evict
// every later transaction of the key, the operator's vote included, silently (CheckTx
// had accepted it). Unordered relays take no sequence, so they neither wait for nor
// knock out anything else the key signs, and a retry never needs a resync.
package broadcaster

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/log"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/themis-network/themis/bridge/health"
	"github.com/themis-network/themis/x/sequencer/ante"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Backend is the network side of the broadcaster (the real one is RPCBackend).
// Errors the chain returned are *ChainError values; others are transport errors.
type Backend interface {
	// AccountNumber returns the account's number (committed state): all an unordered
	// transaction's signature needs of the account.
	AccountNumber(ctx context.Context, addr sdk.AccAddress) (uint64, error)
	// ChainTime returns the latest block time: relay timeouts are set by the chain's
	// clock, which is what the chain checks them against.
	ChainTime(ctx context.Context) (time.Time, error)
	// Simulate runs the transaction without committing it and returns the gas used.
	Simulate(ctx context.Context, txBytes []byte) (gasUsed uint64, err error)
	// BroadcastSync submits the transaction and returns after CheckTx.
	BroadcastSync(ctx context.Context, txBytes []byte) error
	// TxResult looks the transaction up: included is false while it is not in a block;
	// err is its execution failure once included.
	TxResult(ctx context.Context, hash []byte) (included bool, err error)
}

// ChainError is an error the chain returned (simulation, CheckTx or block execution).
// It unwraps to the chain's registered error, so errors.Is(err, seqtypes.ErrNotSequencer)
// and errorsmod.ABCIInfo work across the wire.
type ChainError struct {
	Codespace string
	Code      uint32
	Log       string
	err       error
}

// NewChainError rebuilds a chain error from its ABCI codespace, code and log.
func NewChainError(codespace string, code uint32, log string) *ChainError {
	return &ChainError{Codespace: codespace, Code: code, Log: log, err: errorsmod.ABCIError(codespace, code, log)}
}

func (e *ChainError) Error() string { return e.err.Error() }

// Unwrap gives the registered error (errors.Is).
func (e *ChainError) Unwrap() error { return e.err }

// Cause gives the registered error (errorsmod.ABCIInfo).
func (e *ChainError) Cause() error { return e.err }

// ErrNotIncluded: the transaction was accepted but not seen in a block in time.
var ErrNotIncluded = errors.New("relay transaction not included in time")

// ErrBatchReverted: another message of the same transaction failed, so this one was
// not executed; it is retried.
var ErrBatchReverted = errors.New("relay transaction reverted by another message")

// ErrUnorderedRefused: the chain refused the relay's unordered form (unordered
// transactions disabled, or the timeout out of its range): no relay can go through
// until the operator acts, so it is reported on the health endpoint.
var ErrUnorderedRefused = errors.New("the chain refused the relay transaction's unordered form")

// Defaults.
const (
	// DefaultBatchSize: a round of the processor (up to 512 events) is 13 transactions,
	// within the 16 fee-free transactions a node's mempool holds per sender, and 40
	// relays ask about 2.2-2.4M gas, within the 3M of a fee-free transaction.
	DefaultBatchSize     = 40
	DefaultGasAdjustment = 1.3
	// CheckTxGasOverhead is added to every estimate: what CheckTx, the proposal checks
	// and block execution charge a fee-free unordered relay and simulation does not
	// (the quota's and the precheck's relayer lookups, about 8k gas each, and the
	// unordered nonce's store read and write, about 4k). Measured by
	// testutil/abcinet TestRelayGasEstimateCoversCheckTx.
	CheckTxGasOverhead = 25_000
	// DefaultFallbackGas is the gas per message when simulation is unavailable.
	DefaultFallbackGas = 400_000
	// DefaultMaxGas keeps a relay transaction within the chain's fee exemption
	// (x/sequencer/ante.DefaultMaxFreeGas).
	DefaultMaxGas           = 3_000_000
	DefaultInclusionTimeout = 30 * time.Second
	// DefaultTxTTL is how long a relay transaction stays valid (its timeout timestamp).
	// The chain refuses more than 10 minutes ahead of its block time
	// (x/auth/ante.DefaultMaxTimeoutDuration); the broadcaster stops waiting after
	// InclusionTimeout and relays again what did not land, so a short life keeps the
	// superseded copies from lingering.
	DefaultTxTTL = 2 * time.Minute
)

// Config of a Broadcaster.
type Config struct {
	ChainID  string
	Keyring  keyring.Keyring
	KeyName  string
	TxConfig client.TxConfig

	BatchSize        int     // messages per transaction (default 40)
	GasAdjustment    float64 // times simulated gas (default 1.3)
	FallbackGas      uint64  // per message, when simulation fails for transport reasons (default 400k)
	MaxGas           uint64  // per transaction; larger batches are split (default 3M)
	InclusionTimeout time.Duration
	PollInterval     time.Duration // of the inclusion check (default 500 ms)
	TxTTL            time.Duration // of a relay transaction (default 2 min)

	Logger  log.Logger
	Monitor *health.Monitor
}

// Broadcaster sends relay messages. Relay calls are serialised.
type Broadcaster struct {
	cfg     Config
	backend Backend
	addr    sdk.AccAddress

	mu     sync.Mutex
	synced bool
	accNum uint64
	// lastTimeout is the newest timeout timestamp used: the chain keeps one unordered
	// nonce per (signer, timeout), so each transaction needs its own.
	lastTimeout time.Time
	// clockOffset is the chain's latest block time minus the local clock when last
	// read (at each Relay call): timeouts follow the chain's clock, not the host's.
	clockOffset time.Duration
}

// New checks the config; the key must exist in the keyring.
func New(cfg Config, backend Backend) (*Broadcaster, error) {
	if backend == nil || cfg.Keyring == nil || cfg.TxConfig == nil {
		return nil, errors.New("broadcaster: nil backend, keyring or tx config")
	}
	if cfg.ChainID == "" {
		return nil, errors.New("broadcaster: chain id not set")
	}
	rec, err := cfg.Keyring.Key(cfg.KeyName)
	if err != nil {
		return nil, fmt.Errorf("key %q not found in the keyring: %w (import the node's signer key with 'themisd keys import-signer %s')", cfg.KeyName, err, cfg.KeyName)
	}
	addr, err := rec.GetAddress()
	if err != nil {
		return nil, err
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.GasAdjustment <= 0 {
		cfg.GasAdjustment = DefaultGasAdjustment
	}
	if cfg.FallbackGas == 0 {
		cfg.FallbackGas = DefaultFallbackGas
	}
	if cfg.MaxGas == 0 {
		cfg.MaxGas = DefaultMaxGas
	}
	if cfg.InclusionTimeout <= 0 {
		cfg.InclusionTimeout = DefaultInclusionTimeout
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 500 * time.Millisecond
	}
	if cfg.TxTTL <= 0 {
		cfg.TxTTL = DefaultTxTTL
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewNopLogger()
	}
	return &Broadcaster{cfg: cfg, backend: backend, addr: addr}, nil
}

// Address is the signing account.
func (b *Broadcaster) Address() sdk.AccAddress { return b.addr }

type inflight struct {
	idx  []int
	hash []byte
}

// Relay implements processor.Relayer: it submits all batches first (so they can land
// in the same block), then waits for each.
func (b *Broadcaster) Relay(ctx context.Context, msgs []seqtypes.L1EventMsg) []error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.readChainClock(ctx)
	errs := make([]error, len(msgs))
	var sent []inflight
	var stop error
	for start := 0; start < len(msgs); start += b.cfg.BatchSize {
		idx := make([]int, 0, b.cfg.BatchSize)
		for i := start; i < len(msgs) && i < start+b.cfg.BatchSize; i++ {
			idx = append(idx, i)
		}
		if stop != nil {
			for _, i := range idx {
				errs[i] = stop
			}
			continue
		}
		stop = b.submit(ctx, msgs, idx, errs, &sent)
	}
	for _, s := range sent {
		b.await(ctx, s, errs)
	}
	return errs
}

// submit sends one batch. It returns a non-nil error when no further batch should be
// tried in this call (this operator may not relay, or the chain is unreachable).
func (b *Broadcaster) submit(ctx context.Context, msgs []seqtypes.L1EventMsg, idx []int, errs []error, sent *[]inflight) error {
	remaining := append([]int(nil), idx...)
	failAll := func(err error) {
		for _, i := range remaining {
			errs[i] = err
		}
	}
	for attempt := 0; len(remaining) > 0; attempt++ {
		if attempt > len(idx)+3 {
			failAll(errors.New("broadcaster: too many retries"))
			return nil
		}
		if err := ctx.Err(); err != nil {
			failAll(err)
			return err
		}
		if err := b.sync(ctx); err != nil {
			failAll(err)
			return err
		}
		batch := pick(msgs, remaining)
		timeout := b.nextTimeout()
		simTx, err := b.simTx(batch, timeout)
		if err != nil {
			failAll(err)
			return err
		}
		gasUsed, simErr := b.backend.Simulate(ctx, simTx)
		var limit uint64
		switch {
		case simErr == nil:
			limit = uint64(math.Ceil(float64(gasUsed)*b.cfg.GasAdjustment)) + CheckTxGasOverhead
		case isChainError(simErr):
			if i, ok := messageIndex(simErr); ok && i < len(remaining) {
				errs[remaining[i]] = simErr
				if errors.Is(simErr, seqtypes.ErrNotSequencer) {
					failAll(simErr)
					return simErr
				}
				remaining = append(remaining[:i:i], remaining[i+1:]...)
				continue
			}
			// A transaction-level refusal (no message index): the account does not
			// exist, fees, the unordered form, ...: it holds for every batch.
			simErr = b.explainUnordered(simErr, timeout)
			failAll(simErr)
			return simErr
		default:
			b.cfg.Monitor.Error(health.EndpointChain, simErr)
			limit = min(b.cfg.FallbackGas*uint64(len(remaining)), b.maxGasFor(len(remaining)))
			b.cfg.Logger.Info("broadcaster: simulation failed; using the fallback gas limit", "err", simErr, "gas", limit)
		}
		if limit > b.maxGasFor(len(remaining)) && len(remaining) > 1 {
			// Too much for one fee-exempt transaction: send it as two.
			half := len(remaining) / 2
			first, second := append([]int(nil), remaining[:half]...), append([]int(nil), remaining[half:]...)
			if stop := b.submit(ctx, msgs, first, errs, sent); stop != nil {
				for _, i := range second {
					errs[i] = stop
				}
				return stop
			}
			return b.submit(ctx, msgs, second, errs, sent)
		}
		// One relay asks far less than the bound; keep within it in any case (it is free
		// only within it, and it does not need more).
		limit = min(limit, b.maxGasFor(len(remaining)))
		txBytes, err := b.sign(ctx, batch, limit, timeout)
		if err != nil {
			failAll(err)
			return err
		}
		err = b.backend.BroadcastSync(ctx, txBytes)
		switch {
		case err == nil, errors.Is(err, sdkerrors.ErrTxInMempoolCache):
		case isChainError(err):
			if errors.Is(err, seqtypes.ErrNotSequencer) || errors.Is(err, sdkerrors.ErrUnknownAddress) {
				failAll(err)
				return err
			}
			if err = b.explainUnordered(err, timeout); errors.Is(err, ErrUnorderedRefused) {
				failAll(err)
				return err
			}
			failAll(err)
			return nil
		default:
			// The transaction may or may not have reached the mempool; relaying the
			// events again later is safe (a second copy fails as a duplicate).
			b.cfg.Monitor.Error(health.EndpointChain, err)
			failAll(err)
			return err
		}
		b.cfg.Monitor.OK(health.EndpointChain)
		hash := sha256.Sum256(txBytes)
		*sent = append(*sent, inflight{idx: remaining, hash: hash[:]})
		b.cfg.Logger.Debug("broadcaster: relay transaction sent", "hash", fmt.Sprintf("%X", hash), "messages", len(remaining), "gas", limit)
		return nil
	}
	return nil
}

// await follows one transaction to its block.
func (b *Broadcaster) await(ctx context.Context, s inflight, errs []error) {
	deadline := time.Now().Add(b.cfg.InclusionTimeout)
	for {
		included, execErr := b.backend.TxResult(ctx, s.hash)
		if included {
			b.cfg.Monitor.OK(health.EndpointChain)
			if execErr == nil {
				for _, i := range s.idx {
					errs[i] = nil
				}
				return
			}
			failed, ok := messageIndex(execErr)
			for k, i := range s.idx {
				switch {
				case !ok || k == failed:
					errs[i] = execErr
				default:
					errs[i] = fmt.Errorf("%w (message %d failed: %v)", ErrBatchReverted, failed, execErr)
				}
			}
			return
		}
		if execErr != nil {
			b.cfg.Monitor.Error(health.EndpointChain, execErr)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			err := fmt.Errorf("%w: %X after %s", ErrNotIncluded, s.hash, b.cfg.InclusionTimeout)
			if ctx.Err() != nil {
				err = ctx.Err()
			}
			for _, i := range s.idx {
				errs[i] = err
			}
			return
		}
		t := time.NewTimer(b.cfg.PollInterval)
		select {
		case <-ctx.Done():
		case <-t.C:
		}
		t.Stop()
	}
}

// sync loads the account number (it signs every transaction; unordered ones need no
// sequence) when it is not known. An account's number never changes.
func (b *Broadcaster) sync(ctx context.Context) error {
	if b.synced {
		return nil
	}
	num, err := b.backend.AccountNumber(ctx, b.addr)
	if err != nil {
		if !isChainError(err) && !errors.Is(err, sdkerrors.ErrUnknownAddress) {
			b.cfg.Monitor.Error(health.EndpointChain, err)
		}
		return err
	}
	b.cfg.Monitor.OK(health.EndpointChain)
	b.accNum, b.synced = num, true
	return nil
}

// readChainClock measures the chain's clock against the local one (the latest block
// time; a failure keeps the last offset: the simulation will report the chain down).
func (b *Broadcaster) readChainClock(ctx context.Context) {
	t, err := b.backend.ChainTime(ctx)
	if err != nil || t.IsZero() {
		return
	}
	b.clockOffset = time.Until(t)
}

// nextTimeout is the timeout timestamp of the next transaction: TxTTL after the
// chain's clock, and later than every one used before (one unordered nonce per signer
// and timeout), unless the clocks stepped back by more than a TTL.
func (b *Broadcaster) nextTimeout() time.Time {
	t := time.Now().Add(b.clockOffset + b.cfg.TxTTL).UTC()
	if !t.After(b.lastTimeout) && b.lastTimeout.Sub(t) < b.cfg.TxTTL {
		t = b.lastTimeout.Add(time.Microsecond)
	}
	b.lastTimeout = t
	return t
}

// explainUnordered turns the chain's refusal of the unordered form into
// ErrUnorderedRefused with what to do, and reports it on the health endpoint. Other
// errors pass unchanged.
func (b *Broadcaster) explainUnordered(err error, timeout time.Time) error {
	var why string
	switch {
	case errors.Is(err, sdkerrors.ErrNotSupported):
		why = "the chain does not accept unordered transactions: run a themisd that enables them (upgrade the chain before its bridges)"
	case errors.Is(err, sdkerrors.ErrTxTimeout),
		errors.Is(err, sdkerrors.ErrInvalidRequest) && strings.Contains(err.Error(), "unordered"):
		why = fmt.Sprintf("timeout %s refused (the chain's clock read %s from this host's); check the node's and this host's clocks (NTP)",
			timeout.Format(time.RFC3339Nano), b.clockOffset.Round(time.Millisecond))
	default:
		return err
	}
	wrapped := fmt.Errorf("%w: %s: %w", ErrUnorderedRefused, why, err)
	b.cfg.Monitor.Error(health.EndpointChain, wrapped)
	return wrapped
}

// maxGasFor is the largest gas limit a fee-free relay transaction of n messages may ask
// (x/sequencer/ante's FreeGasLimit, with the chain's defaults), within MaxGas.
func (b *Broadcaster) maxGasFor(n int) uint64 {
	free := ante.Policy{MaxFreeGas: b.cfg.MaxGas, FreeGasBase: ante.DefaultFreeGasBase, FreeGasPerMsg: ante.DefaultFreeGasPerMsg}
	return free.FreeGasLimit(n)
}

// factory builds unordered transactions (sequence 0, a timeout timestamp).
func (b *Broadcaster) factory(gas uint64, timeout time.Time) tx.Factory {
	return tx.Factory{}.
		WithTxConfig(b.cfg.TxConfig).
		WithKeybase(b.cfg.Keyring).
		WithFromName(b.cfg.KeyName).
		WithChainID(b.cfg.ChainID).
		WithAccountNumber(b.accNum).
		WithUnordered(true).
		WithTimeoutTimestamp(timeout).
		WithGas(gas).
		WithSimulateAndExecute(true)
}

// simTx builds the simulation form of a batch (no signature); it is unordered too, so
// the simulated gas counts the chain's charge for the unordered nonce.
func (b *Broadcaster) simTx(msgs []sdk.Msg, timeout time.Time) ([]byte, error) {
	return b.factory(0, timeout).BuildSimTx(msgs...)
}

func (b *Broadcaster) sign(ctx context.Context, msgs []sdk.Msg, gas uint64, timeout time.Time) ([]byte, error) {
	f := b.factory(gas, timeout)
	builder, err := f.BuildUnsignedTx(msgs...)
	if err != nil {
		return nil, err
	}
	if err := tx.Sign(ctx, f, b.cfg.KeyName, builder, true); err != nil {
		return nil, fmt.Errorf("sign relay transaction: %w", err)
	}
	return b.cfg.TxConfig.TxEncoder()(builder.GetTx())
}

func pick(msgs []seqtypes.L1EventMsg, idx []int) []sdk.Msg {
	out := make([]sdk.Msg, len(idx))
	for k, i := range idx {
		out[k] = msgs[i]
	}
	return out
}

func isChainError(err error) bool {
	var ce *ChainError
	return errors.As(err, &ce)
}

var msgIndexRe = regexp.MustCompile(`message index: (\d+)`)

// messageIndex finds which message of a transaction failed, from the SDK's
// "failed to execute message; message index: N" wrapping.
func messageIndex(err error) (int, bool) {
	m := msgIndexRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, false
	}
	i, perr := strconv.Atoi(m[1])
	if perr != nil || i < 0 {
		return 0, false
	}
	return i, true
}
