package voteext_test

import (
	"context"
	"errors"
	"testing"

	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

const reportModule = "heads"

// recordingReporter accepts payloads that start with 'R', records what it applied and
// writes a marker to the store so that a failed apply can be seen to leave nothing.
type recordingReporter struct {
	fail    error
	applied [][]byte
	height  int64
}

func (r *recordingReporter) Module() string { return reportModule }

func (r *recordingReporter) CheckReport(p []byte) error {
	if len(p) == 0 || p[0] != 'R' {
		return errors.New("not an R report")
	}
	return nil
}

func (r *recordingReporter) ApplyReports(ctx sdk.Context, height int64, _ voteext.ValidatorSet, reports []voteext.ValidatorReport) error {
	r.height = height
	r.applied = nil
	for _, vr := range reports {
		r.applied = append(r.applied, vr.Payload)
	}
	ctx.KVStore(storeKeyOf(ctx)).Set([]byte("reports-applied"), []byte{1})
	return r.fail
}

var currentKey storetypes.StoreKey

func storeKeyOf(sdk.Context) storetypes.StoreKey { return currentKey }

type fixedSource []byte

func (s fixedSource) Report(context.Context, sdk.Context, int64) ([]byte, error) { return s, nil }

func withReports(e types.VoteExtension, reports ...*types.ModuleReport) *types.VoteExtension {
	e.Reports = reports
	return &e
}

func TestReportsAreCheckedStrictly(t *testing.T) {
	checks := voteext.ReportChecks{reportModule: (&recordingReporter{}).CheckReport}
	modules := voteext.NewModuleSet(testModule)
	ok := withReports(ext(7), &types.ModuleReport{Module: reportModule, Payload: []byte("R1")})
	_, err := voteext.DecodeAndCheck(mustEncode(t, *ok), 7, modules, checks)
	require.NoError(t, err)
	for name, tc := range map[string]struct {
		e    *types.VoteExtension
		want error
	}{
		"unknown module":  {withReports(ext(7), &types.ModuleReport{Module: "nobody", Payload: []byte("R")}), voteext.ErrUnknownModule},
		"module rejects":  {withReports(ext(7), &types.ModuleReport{Module: reportModule, Payload: []byte("x")}), voteext.ErrBadReport},
		"two of a module": {withReports(ext(7), &types.ModuleReport{Module: reportModule, Payload: []byte("R")}, &types.ModuleReport{Module: reportModule, Payload: []byte("R")}), voteext.ErrBadReport},
		"unsorted":        {withReports(ext(7), &types.ModuleReport{Module: "z", Payload: []byte("R")}, &types.ModuleReport{Module: "a", Payload: []byte("R")}), voteext.ErrBadReport},
		"empty name":      {withReports(ext(7), &types.ModuleReport{Payload: []byte("R")}), voteext.ErrBadReport},
		"too large":       {withReports(ext(7), &types.ModuleReport{Module: reportModule, Payload: append([]byte("R"), make([]byte, voteext.MaxReportBytes)...)}), voteext.ErrBadReport},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := voteext.DecodeAndCheck(mustEncode(t, *tc.e), 7, modules, checks)
			require.ErrorIs(t, err, tc.want)
		})
	}
	// Without report checks (a node that registered no reporter) any report is refused.
	_, err = voteext.DecodeAndCheck(mustEncode(t, *ok), 7, modules, nil)
	require.ErrorIs(t, err, voteext.ErrUnknownModule)
}

func TestExtendVoteCarriesOwnReport(t *testing.T) {
	e := newEnv(t, 10)
	rep := &recordingReporter{}
	h := e.handlers(voteext.Config{Reporters: []voteext.Reporter{rep}, ReportSources: map[string]voteext.ReportSource{reportModule: fixedSource("Rmine")}})
	bz := extendVote(t, h, e.ctx)
	got, err := voteext.DecodeVoteExtension(bz)
	require.NoError(t, err)
	require.Len(t, got.Reports, 1)
	require.Equal(t, []byte("Rmine"), got.Reports[0].Payload)

	// A source whose report the module would refuse reports nothing; the vote goes on.
	h = e.handlers(voteext.Config{Reporters: []voteext.Reporter{rep}, ReportSources: map[string]voteext.ReportSource{reportModule: fixedSource("bad")}})
	got, err = voteext.DecodeVoteExtension(extendVote(t, h, e.ctx))
	require.NoError(t, err)
	require.Empty(t, got.Reports)
}

func TestPreBlockerAppliesReportsInSetOrder(t *testing.T) {
	e := newEnv(t, 10, 10, 10)
	currentKey = e.key
	rep := &recordingReporter{}
	h := e.handlers(voteext.Config{Reporters: []voteext.Reporter{rep}})
	exts := []*types.VoteExtension{
		withReports(ext(testExtHeight), &types.ModuleReport{Module: reportModule, Payload: []byte("R0")}),
		nil,                             // absent
		withReports(ext(testExtHeight)), // committed without a report
	}
	_, err := h.PreBlocker()(e.ctx, finalizeReq(t, e.commit(t, exts)))
	require.NoError(t, err)
	require.Equal(t, testExtHeight, rep.height)
	require.Equal(t, [][]byte{[]byte("R0"), nil, nil}, rep.applied)
	require.NotNil(t, e.ctx.KVStore(e.key).Get([]byte("reports-applied")))

	// A failing reporter leaves no state behind.
	e2 := newEnv(t, 10, 10, 10)
	currentKey = e2.key
	failing := &recordingReporter{fail: errors.New("nope")}
	h = e2.handlers(voteext.Config{Reporters: []voteext.Reporter{failing}})
	_, err = h.PreBlocker()(e2.ctx, finalizeReq(t, e2.commit(t, exts)))
	require.NoError(t, err)
	require.Nil(t, e2.ctx.KVStore(e2.key).Get([]byte("reports-applied")))
}

func extendVote(t *testing.T, h *voteext.Handlers, ctx sdk.Context) []byte {
	t.Helper()
	resp, err := h.ExtendVoteHandler()(ctx, &abci.RequestExtendVote{Height: testExtHeight})
	require.NoError(t, err)
	return resp.VoteExtension
}
