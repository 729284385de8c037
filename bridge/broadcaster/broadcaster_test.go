package broadcaster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"cosmossdk.io/math"
	"cosmossdk.io/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/std"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/sequencer/ante"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

type encoding struct {
	registry codectypes.InterfaceRegistry
	txConfig client.TxConfig
	cdc      codec.Codec
}

func newEncoding(t *testing.T) encoding {
	t.Helper()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.NewBech32Codec("themis"),
			ValidatorAddressCodec: address.NewBech32Codec("themisvaloper"),
		},
	})
	require.NoError(t, err)
	std.RegisterInterfaces(registry)
	seqtypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	return encoding{registry: registry, cdc: cdc, txConfig: authtx.NewTxConfig(cdc, authtx.DefaultSignModes)}
}

// fakeChain is a chain with one account whose CheckTx checks what x/auth's ante
// handler checks of an unordered transaction (flag set, sequence 0, a timeout within
// the chain's limit, one nonce per timeout), answers per message, and a mempool whose
// ordered transactions (the operator's own, from the CLI) must survive the relays.
type fakeChain struct {
	t   *testing.T
	enc encoding

	mu           sync.Mutex
	accNum       uint64
	gasPerMsg    uint64
	simDown      bool
	msgErr       func(seqtypes.L1EventMsg) error
	execErr      func(i int, m seqtypes.L1EventMsg) error
	neverInclude bool
	accountErr   error
	clockSkew    time.Duration // the chain's clock minus the host's
	noUnordered  bool          // unordered transactions disabled

	accountReads int
	simulations  int
	broadcasts   []sdk.Tx
	nonces       map[int64]bool
	results      map[string]error
}

func (f *fakeChain) now() time.Time { return time.Now().Add(f.clockSkew) }

func (f *fakeChain) ChainTime(context.Context) (time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now().Add(-time.Second), nil // the latest block is a moment old
}

func (f *fakeChain) AccountNumber(context.Context, sdk.AccAddress) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.accountReads++
	if f.accountErr != nil {
		return 0, f.accountErr
	}
	return f.accNum, nil
}

// checkUnordered is x/auth's ante handler on an unordered transaction, at time now.
func (f *fakeChain) checkUnordered(bz []byte, now time.Time) (sdk.Tx, error) {
	tx, err := f.enc.txConfig.TxDecoder()(bz)
	require.NoError(f.t, err)
	sigs, err := tx.(authsigning.SigVerifiableTx).GetSignaturesV2()
	require.NoError(f.t, err)
	require.Len(f.t, sigs, 1)
	utx := tx.(sdk.TxWithUnordered)
	switch timeout := utx.GetTimeoutTimeStamp(); {
	case f.noUnordered && utx.GetUnordered():
		return nil, NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrNotSupported.ABCICode(), "unordered transactions are not enabled: feature not supported")
	case !utx.GetUnordered():
		return nil, wrongSeq(42, sigs[0].Sequence) // the account's sequence is the operator's
	case sigs[0].Sequence != 0:
		return nil, NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrInvalidRequest.ABCICode(), "sequence is not allowed for unordered transactions")
	case !timeout.After(now) || timeout.After(now.Add(10*time.Minute)):
		return nil, NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrInvalidRequest.ABCICode(), "unordered tx timeout out of range")
	}
	return tx, nil
}

func wrongSeq(expected, got uint64) error {
	return NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrWrongSequence.ABCICode(),
		fmt.Sprintf("account sequence mismatch, expected %d, got %d: incorrect account sequence", expected, got))
}

func (f *fakeChain) Simulate(_ context.Context, bz []byte) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.simulations++
	if f.simDown {
		return 0, errors.New("connection refused")
	}
	tx, err := f.checkUnordered(bz, f.now())
	if err != nil {
		return 0, err
	}
	for i, m := range tx.GetMsgs() {
		if f.msgErr != nil {
			if err := f.msgErr(m.(seqtypes.L1EventMsg)); err != nil {
				var ce *ChainError
				require.True(f.t, errors.As(err, &ce))
				return 0, NewChainError(ce.Codespace, ce.Code, fmt.Sprintf("failed to simulate tx: failed to execute message; message index: %d: %s", i, ce.Log))
			}
		}
	}
	return f.gasPerMsg * uint64(len(tx.GetMsgs())), nil
}

func (f *fakeChain) BroadcastSync(_ context.Context, bz []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	tx, err := f.checkUnordered(bz, f.now())
	if err != nil {
		return err
	}
	nonce := tx.(sdk.TxWithUnordered).GetTimeoutTimeStamp().UnixNano()
	if f.nonces[nonce] {
		return NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrInvalidRequest.ABCICode(), "failed to add unordered nonce: already used")
	}
	if f.nonces == nil {
		f.nonces = map[int64]bool{}
	}
	f.nonces[nonce] = true
	f.broadcasts = append(f.broadcasts, tx)
	h := sha256.Sum256(bz)
	var execErr error
	if f.execErr != nil {
		for i, m := range tx.GetMsgs() {
			if err := f.execErr(i, m.(seqtypes.L1EventMsg)); err != nil {
				var ce *ChainError
				require.True(f.t, errors.As(err, &ce))
				execErr = NewChainError(ce.Codespace, ce.Code, fmt.Sprintf("failed to execute message; message index: %d: %s", i, ce.Log))
				break
			}
		}
	}
	if f.results == nil {
		f.results = map[string]error{}
	}
	f.results[string(h[:])] = execErr
	return nil
}

func (f *fakeChain) TxResult(_ context.Context, hash []byte) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.neverInclude {
		return false, nil
	}
	err, ok := f.results[string(hash)]
	return ok, err
}

type fixture struct {
	chain     *fakeChain
	b         *Broadcaster
	submitter string
}

func newFixture(t *testing.T, mut func(*Config)) fixture {
	t.Helper()
	enc := newEncoding(t)
	kr := keyring.NewInMemory(enc.cdc)
	priv := secp256k1.GenPrivKey()
	require.NoError(t, kr.ImportPrivKeyHex("signer", hex.EncodeToString(priv.Bytes()), string(hd.Secp256k1Type)))
	chain := &fakeChain{t: t, enc: enc, accNum: 7, gasPerMsg: 50_000}
	cfg := Config{ChainID: "themis-test", Keyring: kr, KeyName: "signer", TxConfig: enc.txConfig,
		InclusionTimeout: 200 * time.Millisecond, PollInterval: 5 * time.Millisecond}
	if mut != nil {
		mut(&cfg)
	}
	b, err := New(cfg, chain)
	require.NoError(t, err)
	sub, err := address.NewBech32Codec("themis").BytesToString(b.Address())
	require.NoError(t, err)
	return fixture{chain: chain, b: b, submitter: sub}
}

func (fx fixture) msgs(n int) []seqtypes.L1EventMsg {
	out := make([]seqtypes.L1EventMsg, n)
	for i := range out {
		ref := seqtypes.L1EventRef{TxHash: fmt.Sprintf("0x%064x", i+1), LogIndex: uint64(i), BlockNumber: uint64(i + 1)}
		out[i] = &seqtypes.MsgRelocked{Submitter: fx.submitter, Event: ref, SequencerId: 1, Nonce: uint64(i + 2), Amount: math.NewInt(1), Total: math.NewInt(2)}
	}
	return out
}

func gasOf(tx sdk.Tx) uint64 { return tx.(sdk.FeeTx).GetGas() }

func TestBatchesAndGas(t *testing.T) {
	fx := newFixture(t, nil)
	errs := fx.b.Relay(context.Background(), fx.msgs(85))
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, fx.chain.broadcasts, 3)
	require.Len(t, fx.chain.broadcasts[0].GetMsgs(), 40)
	require.Len(t, fx.chain.broadcasts[2].GetMsgs(), 5)
	require.EqualValues(t, 2_600_000+CheckTxGasOverhead, gasOf(fx.chain.broadcasts[0]), "simulated 40 x 50k, times 1.3, plus CheckTx's own")
	require.True(t, fx.chain.broadcasts[0].(sdk.FeeTx).GetFee().IsZero(), "zero fee")
}

// TestRelaysAreUnordered: every relay transaction is unordered with its own timeout, so
// relays take no account sequence and never sit in a sequence chain with the operator's
// own transactions (a relay that fails its re-check would evict those behind it).
func TestRelaysAreUnordered(t *testing.T) {
	fx := newFixture(t, func(c *Config) { c.TxTTL = time.Minute })
	start := time.Now()
	for round := 0; round < 3; round++ {
		errs := fx.b.Relay(context.Background(), fx.msgs(85))
		for _, err := range errs {
			require.NoError(t, err)
		}
	}
	require.Len(t, fx.chain.broadcasts, 9)
	seen := map[int64]bool{}
	for _, tx := range fx.chain.broadcasts {
		utx := tx.(sdk.TxWithUnordered)
		require.True(t, utx.GetUnordered())
		timeout := utx.GetTimeoutTimeStamp()
		require.False(t, seen[timeout.UnixNano()], "one nonce per timeout")
		seen[timeout.UnixNano()] = true
		require.WithinDuration(t, start.Add(time.Minute), timeout, 10*time.Second)
		sigs, err := tx.(authsigning.SigVerifiableTx).GetSignaturesV2()
		require.NoError(t, err)
		require.Zero(t, sigs[0].Sequence)
	}
	require.Equal(t, 1, fx.chain.accountReads, "the account number is read once: no sequence to follow")
}

// TestTimeoutsFollowTheChainsClock: a host clock minutes off the chain's still sets
// timeouts the chain accepts (it checks them against its own block time).
func TestTimeoutsFollowTheChainsClock(t *testing.T) {
	for _, skew := range []time.Duration{-15 * time.Minute, 15 * time.Minute} {
		fx := newFixture(t, nil)
		fx.chain.clockSkew = skew
		for _, err := range fx.b.Relay(context.Background(), fx.msgs(3)) {
			require.NoError(t, err, "chain clock %s from the host's", skew)
		}
		timeout := fx.chain.broadcasts[0].(sdk.TxWithUnordered).GetTimeoutTimeStamp()
		require.WithinDuration(t, time.Now().Add(skew+DefaultTxTTL), timeout, 5*time.Second)
	}
}

// TestUnorderedRefusedIsExplained: a chain that refuses unordered transactions (an
// older themisd) stops the round with an error that says what to do.
func TestUnorderedRefusedIsExplained(t *testing.T) {
	fx := newFixture(t, nil)
	fx.chain.noUnordered = true
	errs := fx.b.Relay(context.Background(), fx.msgs(45))
	for _, err := range errs {
		require.ErrorIs(t, err, ErrUnorderedRefused)
		require.ErrorIs(t, err, sdkerrors.ErrNotSupported, "the chain's error is kept for the processor")
		require.ErrorContains(t, err, "upgrade the chain before its bridges")
	}
	require.Equal(t, 1, fx.chain.simulations, "one refusal stops the round")
	require.Empty(t, fx.chain.broadcasts)
}

// TestTimeoutsNeverRepeat: timeouts increase strictly even when the clock does not move.
func TestTimeoutsNeverRepeat(t *testing.T) {
	fx := newFixture(t, nil)
	last := time.Time{}
	for i := 0; i < 1000; i++ {
		next := fx.b.nextTimeout()
		require.True(t, next.After(last))
		require.WithinDuration(t, time.Now().Add(DefaultTxTTL), next, time.Second)
		last = next
	}
}

func TestPerMessageSimulationErrors(t *testing.T) {
	fx := newFixture(t, nil)
	msgs := fx.msgs(4)
	fx.chain.msgErr = func(m seqtypes.L1EventMsg) error {
		if m.GetNonce() == 3 {
			return NewChainError(seqtypes.ModuleName, seqtypes.ErrEventAlreadyApplied.ABCICode(), "0x..:1")
		}
		return nil
	}
	errs := fx.b.Relay(context.Background(), msgs)
	require.NoError(t, errs[0])
	require.ErrorIs(t, errs[1], seqtypes.ErrEventAlreadyApplied)
	require.NoError(t, errs[2])
	require.NoError(t, errs[3])
	require.Len(t, fx.chain.broadcasts, 1)
	require.Len(t, fx.chain.broadcasts[0].GetMsgs(), 3)
}

func TestNotSequencerStopsEarly(t *testing.T) {
	fx := newFixture(t, nil)
	fx.chain.msgErr = func(seqtypes.L1EventMsg) error {
		return NewChainError(seqtypes.ModuleName, seqtypes.ErrNotSequencer.ABCICode(), "only active sequencers relay")
	}
	errs := fx.b.Relay(context.Background(), fx.msgs(45))
	for _, err := range errs {
		require.ErrorIs(t, err, seqtypes.ErrNotSequencer)
	}
	require.Equal(t, 1, fx.chain.simulations)
	require.Empty(t, fx.chain.broadcasts)

	// No account yet: the same answer, from the account query.
	fx = newFixture(t, nil)
	fx.chain.accountErr = NewChainError(sdkerrors.RootCodespace, sdkerrors.ErrUnknownAddress.ABCICode(), "account does not exist")
	errs = fx.b.Relay(context.Background(), fx.msgs(2))
	require.ErrorIs(t, errs[0], sdkerrors.ErrUnknownAddress)
	require.ErrorIs(t, errs[1], sdkerrors.ErrUnknownAddress)
}

func TestFallbackGasAndSplit(t *testing.T) {
	fx := newFixture(t, nil)
	fx.chain.simDown = true
	errs := fx.b.Relay(context.Background(), fx.msgs(2))
	require.NoError(t, errs[0])
	require.EqualValues(t, ante.DefaultFreeGasBase+2*ante.DefaultFreeGasPerMsg, gasOf(fx.chain.broadcasts[0]),
		"400k per message without simulation, within the fee-free bound of 2 messages")

	// Simulated gas above the fee-exempt limit: the batch is split.
	fx = newFixture(t, func(c *Config) { c.MaxGas = 160_000 }) // 2 messages: 130k + the overhead
	errs = fx.b.Relay(context.Background(), fx.msgs(8))
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, fx.chain.broadcasts, 4)
	for _, tx := range fx.chain.broadcasts {
		require.LessOrEqual(t, gasOf(tx), uint64(160_000))
	}
}

func TestExecutionFailureAttribution(t *testing.T) {
	fx := newFixture(t, nil)
	fx.chain.execErr = func(i int, m seqtypes.L1EventMsg) error {
		if i == 1 {
			return NewChainError(seqtypes.ModuleName, seqtypes.ErrQueueFull.ABCICode(), "1000 waiting")
		}
		return nil
	}
	errs := fx.b.Relay(context.Background(), fx.msgs(3))
	require.ErrorIs(t, errs[0], ErrBatchReverted)
	require.ErrorIs(t, errs[1], seqtypes.ErrQueueFull)
	require.ErrorIs(t, errs[2], ErrBatchReverted)
}

func TestNotIncluded(t *testing.T) {
	fx := newFixture(t, nil)
	fx.chain.neverInclude = true
	errs := fx.b.Relay(context.Background(), fx.msgs(1))
	require.ErrorIs(t, errs[0], ErrNotIncluded)

	// Relayed again, it is a new transaction (a new nonce), accepted beside the first.
	errs = fx.b.Relay(context.Background(), fx.msgs(1))
	require.ErrorIs(t, errs[0], ErrNotIncluded)
	require.Len(t, fx.chain.broadcasts, 2)
}

func TestNewErrors(t *testing.T) {
	enc := newEncoding(t)
	kr := keyring.NewInMemory(enc.cdc)
	_, err := New(Config{ChainID: "x", Keyring: kr, KeyName: "signer", TxConfig: enc.txConfig}, &fakeChain{})
	require.ErrorContains(t, err, "import-signer")
	_, err = New(Config{Keyring: kr, KeyName: "signer", TxConfig: enc.txConfig}, &fakeChain{})
	require.ErrorContains(t, err, "chain id")
}

func TestParseGasUsed(t *testing.T) {
	g, err := parseGasUsed([]byte(`{"gas_info":{"gas_wanted":"0","gas_used":"81234"},"result":{}}`))
	require.NoError(t, err)
	require.EqualValues(t, 81234, g)
	_, err = parseGasUsed([]byte(`{}`))
	require.Error(t, err)
	i, ok := messageIndex(errors.New("failed to execute message; message index: 12: boom"))
	require.True(t, ok)
	require.Equal(t, 12, i)
	_, ok = messageIndex(errors.New("out of gas"))
	require.False(t, ok)
}

// FuzzChainResponses: the parsers of what the chain answers never panic.
func FuzzChainResponses(f *testing.F) {
	f.Add([]byte(`{"gas_info":{"gas_used":"81234"}}`), "failed to execute message; message index: 3: x")
	f.Add([]byte(`{"gas_info":{"gas_used":81234}}`), "failed to add unordered nonce: message index: 99999999999999999999999")
	f.Add([]byte(`null`), "message index: -1")
	f.Fuzz(func(t *testing.T, sim []byte, log string) {
		_, _ = parseGasUsed(sim)
		if i, ok := messageIndex(errors.New(log)); ok {
			require.GreaterOrEqual(t, i, 0)
		}
	})
}
