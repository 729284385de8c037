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

// fakeChain is a chain with one account: committed and mempool (check-state)
// sequences, simulation and CheckTx that check the sequence as the SDK's ante handler
// does, and per-message answers.
type fakeChain struct {
	t   *testing.T
	enc encoding

	mu           sync.Mutex
	accNum       uint64
	committedSeq uint64
	checkSeq     uint64
	gasPerMsg    uint64
	simDown      bool
	simNoSeq     bool // simulation does not check the sequence (forces the CheckTx path)
	msgErr       func(seqtypes.L1EventMsg) error
	execErr      func(i int, m seqtypes.L1EventMsg) error
	neverInclude bool
	accountErr   error

	simulations int
	broadcasts  []sdk.Tx
	results     map[string]error
}

func (f *fakeChain) Account(context.Context, sdk.AccAddress) (uint64, uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.accountErr != nil {
		return 0, 0, f.accountErr
	}
	return f.accNum, f.committedSeq, nil
}

func (f *fakeChain) decode(bz []byte) (sdk.Tx, uint64) {
	tx, err := f.enc.txConfig.TxDecoder()(bz)
	require.NoError(f.t, err)
	sigs, err := tx.(authsigning.SigVerifiableTx).GetSignaturesV2()
	require.NoError(f.t, err)
	require.Len(f.t, sigs, 1)
	return tx, sigs[0].Sequence
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
	tx, seq := f.decode(bz)
	if !f.simNoSeq && seq != f.checkSeq {
		return 0, wrongSeq(f.checkSeq, seq)
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
	tx, seq := f.decode(bz)
	if seq != f.checkSeq {
		return wrongSeq(f.checkSeq, seq)
	}
	f.checkSeq++
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
	if ok {
		f.committedSeq++
	}
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
	require.EqualValues(t, 2_600_000, gasOf(fx.chain.broadcasts[0]), "simulated 40 x 50k, times 1.3")
	require.True(t, fx.chain.broadcasts[0].(sdk.FeeTx).GetFee().IsZero(), "zero fee")
	require.EqualValues(t, 3, fx.b.seq)
}

func TestSequenceMismatchResync(t *testing.T) {
	// The mempool holds two transactions of this key that the broadcaster did not send
	// (an operator's vote from the CLI): the committed sequence is behind.
	fx := newFixture(t, nil)
	fx.chain.checkSeq = 2
	errs := fx.b.Relay(context.Background(), fx.msgs(3))
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, fx.chain.broadcasts, 1)
	require.EqualValues(t, 3, fx.b.seq)

	// A mismatch at CheckTx (simulation passed): resync from the error, re-sign, resend.
	fx.chain.simNoSeq = true
	fx.chain.checkSeq = 10
	errs = fx.b.Relay(context.Background(), fx.msgs(2))
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, fx.chain.broadcasts, 2)
	require.EqualValues(t, 11, fx.b.seq)

	// A mismatch without a parsable expectation: re-read the account.
	fx.b.resync(context.Background(), errors.New("account sequence mismatch"))
	require.EqualValues(t, fx.chain.committedSeq, fx.b.seq)
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
	fx = newFixture(t, func(c *Config) { c.MaxGas = 150_000 })
	errs = fx.b.Relay(context.Background(), fx.msgs(8))
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Len(t, fx.chain.broadcasts, 4)
	for _, tx := range fx.chain.broadcasts {
		require.LessOrEqual(t, gasOf(tx), uint64(150_000))
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
	require.False(t, fx.b.synced, "the sequence is re-read before the next relay")
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
	f.Add([]byte(`{"gas_info":{"gas_used":81234}}`), "account sequence mismatch, expected 99999999999999999999999, got 1")
	f.Add([]byte(`null`), "message index: -1")
	f.Fuzz(func(t *testing.T, sim []byte, log string) {
		_, _ = parseGasUsed(sim)
		if i, ok := messageIndex(errors.New(log)); ok {
			require.GreaterOrEqual(t, i, 0)
		}
	})
}
