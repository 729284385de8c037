package ante_test

import (
	"fmt"
	"testing"

	"cosmossdk.io/log"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/testutil/abcinet"
	"github.com/themis-network/themis/x/sequencer/ante"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// fixture is a real themis app (abcinet's genesis: validator i is the active sequencer
// i+1 with a chain account; validator 0's account holds 1,000,000 uthemis) for the
// decorators and the proposal guard, each test on its own branch of committed state.
type fixture struct {
	t   *testing.T
	net *abcinet.Net
	app *app.App
	seq map[int]uint64 // the next account sequence each validator signs with
}

func newFixture(t *testing.T) *fixture {
	net := abcinet.New(t, abcinet.Options{Validators: 3, Stake: 50_000, BlockMaxGas: app.BlockMaxGas})
	require.True(t, net.NextBlock().Accepted)
	return &fixture{t: t, net: net, app: net.Validators[0].App, seq: map[int]uint64{}}
}

// ctx is a branch of committed state in mode, as baseapp sets it up for that mode.
func (f *fixture) ctx(mode sdk.ExecMode) sdk.Context {
	ctx := f.app.NewUncachedContext(false, cmtproto.Header{ChainID: abcinet.ChainID, Height: 2}).
		WithConsensusParams(cmtproto.ConsensusParams{Block: &cmtproto.BlockParams{MaxBytes: 1 << 20, MaxGas: app.BlockMaxGas}})
	switch mode { // WithIsCheckTx and WithIsReCheckTx set the mode too, as baseapp uses them
	case sdk.ExecModeCheck:
		ctx = ctx.WithIsCheckTx(true)
	case sdk.ExecModeReCheck:
		ctx = ctx.WithIsReCheckTx(true)
	default:
		ctx = ctx.WithExecMode(mode)
	}
	branch, _ := ctx.CacheContext()
	return branch
}

// tx signs msgs as validator i with its next sequence.
func (f *fixture) tx(i int, fee sdk.Coins, gas uint64, msgs ...sdk.Msg) []byte {
	bz := f.net.SignedTxBy(i, f.seq[i], fee, gas, msgs...)
	f.seq[i]++
	return bz
}

// ante runs the app's ante handler for a transaction as baseapp does: on a branch of
// ctx, kept only if it passes.
func (f *fixture) ante(ctx sdk.Context, bz []byte) error {
	tx, err := f.app.TxConfig().TxDecoder()(bz)
	require.NoError(f.t, err)
	txCtx, write := ctx.WithTxBytes(bz).WithGasMeter(storetypes.NewInfiniteGasMeter()).CacheContext()
	if _, err := f.app.AnteHandler()(txCtx, tx, false); err != nil {
		return err
	}
	write()
	return nil
}

func (f *fixture) guard() ante.ProposalGuard {
	return ante.ProposalGuard{
		Decoder:  f.app.TxConfig().TxDecoder(),
		Ante:     f.app.AnteHandler(),
		Router:   f.app.MsgServiceRouter(),
		Relayers: f.app.SequencerKeeper,
		Policy:   app.FeePolicy(),
		Logger:   log.NewNopLogger(),
	}
}

func (f *fixture) account(i int) string { return f.net.SubmitterOf(i) }

// relock is validator i's relay of sequencer id's relock with nonce, from L1 log hash.
func (f *fixture) relock(i int, id, nonce uint64, hash string) *sequencertypes.MsgRelocked {
	return &sequencertypes.MsgRelocked{
		Submitter:   f.account(i),
		Event:       sequencertypes.L1EventRef{TxHash: hash, LogIndex: 1, BlockNumber: 100},
		SequencerId: id,
		Amount:      math.NewInt(1),
		Total:       math.NewInt(50_000).Mul(sequencertypes.OneToken).AddRaw(1),
		Nonce:       nonce,
	}
}

// fresh is a valid relay of validator i about its own sequencer, never seen before.
func (f *fixture) fresh(i int, n int) *sequencertypes.MsgRelocked {
	return f.relock(i, uint64(i+1), uint64(2+n), l1Hash(i, n))
}

// stale is a relay that fails: its nonce is the one applied at genesis.
func (f *fixture) stale(i int, n int) *sequencertypes.MsgRelocked {
	return f.relock(i, uint64(i+1), 1, l1Hash(100+i, n))
}

func l1Hash(a, b int) string { return fmt.Sprintf("0x%032x%032x", a, b) }

func fee(gas uint64) sdk.Coins { return sdk.NewCoins(policy.MinFee(gas)) }

// relayAs is validator i's relay of the same event as m (a second bridge's copy).
func (f *fixture) relayAs(i int, m *sequencertypes.MsgRelocked) *sequencertypes.MsgRelocked {
	c := *m
	c.Submitter = f.account(i)
	return &c
}
