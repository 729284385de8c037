package voteext_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/secp256k1"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

// logBuf captures the handlers' logs so tests can check why something was rejected.
type logBuf struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func newLog() (log.Logger, *logBuf) {
	b := &logBuf{}
	return log.NewLogger(b, log.ColorOption(false)), b
}

// recordingProcess is the wrapped mempool ProcessProposalHandler.
type recordingProcess struct {
	calls int
	txs   [][]byte
	err   error
}

func (r *recordingProcess) handler() sdk.ProcessProposalHandler {
	return func(_ sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		r.calls++
		r.txs = req.Txs
		if r.err != nil {
			return nil, r.err
		}
		return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_ACCEPT}, nil
	}
}

// honestExts: every validator says YES to item 1.
func honestExts(n int) []*types.VoteExtension {
	out := make([]*types.VoteExtension, n)
	for i := range out {
		out[i] = ptr(ext(testExtHeight, yes(testModule, 1, dg("item1"))))
	}
	return out
}

func TestProcessProposal(t *testing.T) {
	outsider := keyedValidator{priv: secp256k1.GenPrivKey(), power: 10}
	outsider.addr = outsider.priv.PubKey().Address()
	mempoolTx := []byte("ordinary tx")

	cases := []struct {
		name   string
		mutate func(t *testing.T, e *env, ec *abci.ExtendedCommitInfo, last *abci.CommitInfo, txs *[][]byte)
		reason string // "" means accepted
	}{
		{name: "honest", mutate: func(*testing.T, *env, *abci.ExtendedCommitInfo, *abci.CommitInfo, *[][]byte) {}},
		{
			name: "honest with an absent validator",
			mutate: func(t *testing.T, e *env, ec *abci.ExtendedCommitInfo, last *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[3] = absentVote(e.vals[3])
				*last = lastCommitOf(*ec)
			},
		},
		{
			name: "dropped vote",
			mutate: func(_ *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes = ec.Votes[:3]
			},
			reason: "3 votes, last commit has 4",
		},
		{
			name: "vote turned absent by the proposer",
			mutate: func(_ *testing.T, e *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[2] = absentVote(e.vals[2])
			},
			reason: "flag BLOCK_ID_FLAG_ABSENT, last commit has BLOCK_ID_FLAG_COMMIT",
		},
		{
			name: "added vote",
			mutate: func(t *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes = append(ec.Votes, signedVote(t, outsider, testExtHeight, 0, mustEncode(t, *honestExts(1)[0])))
			},
			reason: "5 votes, last commit has 4",
		},
		{
			name: "votes reordered",
			mutate: func(_ *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[0], ec.Votes[1] = ec.Votes[1], ec.Votes[0]
			},
			reason: "vote 0: address",
		},
		{
			name: "power inflated",
			mutate: func(_ *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[0].Validator.Power = 1000
			},
			reason: "vote 0: power 1000",
		},
		{
			name: "forged signature",
			mutate: func(t *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				forged := signedVote(t, outsider, testExtHeight, 0, ec.Votes[1].VoteExtension)
				ec.Votes[1].ExtensionSignature = forged.ExtensionSignature
			},
			reason: "signature does not verify",
		},
		{
			name: "extension changed after signing",
			mutate: func(t *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[2].VoteExtension = mustEncode(t, ext(testExtHeight, no(testModule, 1, dg("item1"))))
			},
			reason: "signature does not verify",
		},
		{
			name: "signature removed",
			mutate: func(_ *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[0].ExtensionSignature = nil
			},
			reason: "no signature",
		},
		{
			name: "round differs from the last commit",
			mutate: func(_ *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Round = 1
			},
			reason: "round 1, last commit round 0",
		},
		{
			name: "signatures for another round",
			mutate: func(_ *testing.T, _ *env, ec *abci.ExtendedCommitInfo, last *abci.CommitInfo, _ *[][]byte) {
				ec.Round, last.Round = 1, 1
			},
			reason: "signature does not verify",
		},
		{
			name: "unknown validator",
			mutate: func(t *testing.T, _ *env, ec *abci.ExtendedCommitInfo, last *abci.CommitInfo, _ *[][]byte) {
				ec.Votes = append(ec.Votes, signedVote(t, outsider, testExtHeight, 0, mustEncode(t, *honestExts(1)[0])))
				*last = lastCommitOf(*ec)
			},
			reason: "validator not in the recorded set",
		},
		{
			name: "extension on an absent vote",
			mutate: func(t *testing.T, e *env, ec *abci.ExtendedCommitInfo, last *abci.CommitInfo, _ *[][]byte) {
				v := signedVote(t, e.vals[3], testExtHeight, 0, mustEncode(t, *honestExts(1)[0]))
				v.BlockIdFlag = cmtproto.BlockIDFlagAbsent
				ec.Votes[3] = v
				*last = lastCommitOf(*ec)
			},
			reason: "extension or signature on a vote that did not commit",
		},
		{
			name: "signed extension for another height",
			mutate: func(t *testing.T, e *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[0] = signedVote(t, e.vals[0], testExtHeight, 0, mustEncode(t, ext(testHeight, yes(testModule, 1, dg("item1")))))
			},
			reason: "vote extension is for another height",
		},
		{
			name: "signed extension naming an unknown module",
			mutate: func(t *testing.T, e *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				ec.Votes[0] = signedVote(t, e.vals[0], testExtHeight, 0, mustEncode(t, ext(testExtHeight, yes("nosuch", 1, dg("item1")))))
			},
			reason: "unregistered module",
		},
		{
			name: "missing injected tx",
			mutate: func(_ *testing.T, _ *env, _ *abci.ExtendedCommitInfo, _ *abci.CommitInfo, txs *[][]byte) {
				*txs = nil
			},
			reason: "without the extended commit",
		},
		{
			name: "ordinary tx in the commit's place",
			mutate: func(_ *testing.T, _ *env, _ *abci.ExtendedCommitInfo, _ *abci.CommitInfo, txs *[][]byte) {
				*txs = [][]byte{mempoolTx}
			},
			reason: "bad extended commit",
		},
		{
			name: "commit not first",
			mutate: func(t *testing.T, _ *env, ec *abci.ExtendedCommitInfo, _ *abci.CommitInfo, txs *[][]byte) {
				*txs = [][]byte{mempoolTx, marshalCommit(t, *ec)}
			},
			reason: "bad extended commit",
		},
		{
			name: "no recorded validator set",
			mutate: func(_ *testing.T, e *env, _ *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				delete(e.sets, testExtHeight)
			},
			reason: "no recorded validator set",
		},
		{
			name: "recorded key differs from the signer",
			mutate: func(_ *testing.T, e *env, _ *abci.ExtendedCommitInfo, _ *abci.CommitInfo, _ *[][]byte) {
				set := e.sets[testExtHeight]
				vals := append([]voteext.Validator(nil), set.Validators...)
				vals[2].PubKey = outsider.priv.PubKey().Bytes()
				e.sets[testExtHeight] = voteext.ValidatorSet{Validators: vals, TotalPower: set.TotalPower}
			},
			reason: "signature does not verify",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, 10, 10, 10, 10)
			logger, logs := newLog()
			inner := &recordingProcess{}
			h := e.handlers(voteext.Config{Logger: logger, ProcessProposalHandler: inner.handler()})

			ec := e.commit(t, honestExts(4))
			last := lastCommitOf(ec)
			txs := [][]byte{nil, mempoolTx}
			tc.mutate(t, e, &ec, &last, &txs)
			if len(txs) == 2 && txs[0] == nil {
				txs[0] = marshalCommit(t, ec)
			}

			resp, err := h.ProcessProposalHandler()(e.ctx, &abci.RequestProcessProposal{
				Height: testHeight, Txs: txs, ProposedLastCommit: last,
			})
			require.NoError(t, err)
			if tc.reason == "" {
				require.Equal(t, abci.ResponseProcessProposal_ACCEPT, resp.Status, logs.String())
				require.Equal(t, 1, inner.calls)
				require.Equal(t, [][]byte{mempoolTx}, inner.txs, "the wrapped handler sees the txs after the commit")
				return
			}
			require.Equal(t, abci.ResponseProcessProposal_REJECT, resp.Status)
			require.Zero(t, inner.calls, "a bad commit is rejected before the mempool txs are looked at")
			require.Contains(t, logs.String(), tc.reason)
		})
	}
}

func TestProcessProposalWrappedHandler(t *testing.T) {
	e := newEnv(t, 10, 10, 10)
	inner := &recordingProcess{err: errors.New("bad mempool tx")}
	h := e.handlers(voteext.Config{ProcessProposalHandler: inner.handler()})
	ec := e.commit(t, honestExts(3))
	resp, err := h.ProcessProposalHandler()(e.ctx, &abci.RequestProcessProposal{
		Height: testHeight, Txs: [][]byte{marshalCommit(t, ec)}, ProposedLastCommit: lastCommitOf(ec),
	})
	require.NoError(t, err, "errors become REJECT, never an ABCI error")
	require.Equal(t, abci.ResponseProcessProposal_REJECT, resp.Status)
	require.Equal(t, 1, inner.calls)
	require.Empty(t, inner.txs)
}

func TestProcessProposalBeforeExtensions(t *testing.T) {
	for _, enable := range []int64{0, testHeight, testHeight + 5} {
		e := newEnv(t, 10)
		e.ctx = e.ctx.WithConsensusParams(cmtproto.ConsensusParams{Abci: &cmtproto.ABCIParams{VoteExtensionsEnableHeight: enable}})
		inner := &recordingProcess{}
		h := e.handlers(voteext.Config{ProcessProposalHandler: inner.handler()})
		txs := [][]byte{[]byte("a"), []byte("b")}
		resp, err := h.ProcessProposalHandler()(e.ctx, &abci.RequestProcessProposal{Height: testHeight, Txs: txs})
		require.NoError(t, err)
		require.Equal(t, abci.ResponseProcessProposal_ACCEPT, resp.Status, "enable height %d", enable)
		require.Equal(t, txs, inner.txs, "no commit expected: every tx goes to the wrapped handler")
	}
}

func TestCommitInjected(t *testing.T) {
	cp := func(h int64) cmtproto.ConsensusParams {
		return cmtproto.ConsensusParams{Abci: &cmtproto.ABCIParams{VoteExtensionsEnableHeight: h}}
	}
	require.False(t, voteext.ExtensionsEnabled(cmtproto.ConsensusParams{}, 5))
	require.False(t, voteext.ExtensionsEnabled(cp(0), 5))
	require.False(t, voteext.ExtensionsEnabled(cp(6), 5))
	require.True(t, voteext.ExtensionsEnabled(cp(5), 5))
	require.False(t, voteext.CommitInjected(cp(5), 5), "the first extended height has no extended commit before it")
	require.True(t, voteext.CommitInjected(cp(5), 6))
	require.False(t, voteext.CommitInjected(cp(0), 6))
	require.True(t, voteext.CommitInjected(cp(1), 2))
	require.False(t, voteext.CommitInjected(cp(1), 1))
}

func TestPrepareProposal(t *testing.T) {
	e := newEnv(t, 10, 10, 10, 10)
	ec := e.commit(t, honestExts(4))
	injected := marshalCommit(t, ec)
	size := cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{injected})
	mempool := [][]byte{[]byte("tx-a"), []byte("tx-b")}

	var gotMax int64
	ok := func(_ sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		gotMax = req.MaxTxBytes
		return &abci.ResponsePrepareProposal{Txs: req.Txs}, nil
	}
	failing := func(sdk.Context, *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		return nil, errors.New("mempool broken")
	}
	panicking := func(sdk.Context, *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		panic("mempool exploded")
	}
	req := func() *abci.RequestPrepareProposal {
		return &abci.RequestPrepareProposal{Height: testHeight, MaxTxBytes: 1 << 20, Txs: mempool, LocalLastCommit: ec}
	}

	t.Run("commit first, budget reduced", func(t *testing.T) {
		h := e.handlers(voteext.Config{PrepareProposalHandler: ok})
		resp, err := h.PrepareProposalHandler()(e.ctx, req())
		require.NoError(t, err)
		require.Equal(t, append([][]byte{injected}, mempool...), resp.Txs)
		require.Equal(t, int64(1<<20)-size, gotMax)

		// What the proposer builds, the validators accept.
		inner := &recordingProcess{}
		h = e.handlers(voteext.Config{ProcessProposalHandler: inner.handler()})
		pp, err := h.ProcessProposalHandler()(e.ctx, &abci.RequestProcessProposal{Height: testHeight, Txs: resp.Txs, ProposedLastCommit: lastCommitOf(ec)})
		require.NoError(t, err)
		require.Equal(t, abci.ResponseProcessProposal_ACCEPT, pp.Status)
		require.Equal(t, mempool, inner.txs)
	})
	for name, wrapped := range map[string]sdk.PrepareProposalHandler{"wrapped error": failing, "wrapped panic": panicking} {
		t.Run(name, func(t *testing.T) {
			h := e.handlers(voteext.Config{PrepareProposalHandler: wrapped})
			resp, err := h.PrepareProposalHandler()(e.ctx, req())
			require.NoError(t, err)
			require.Equal(t, [][]byte{injected}, resp.Txs)
		})
	}
	t.Run("not expected", func(t *testing.T) {
		h := e.handlers(voteext.Config{PrepareProposalHandler: ok})
		r := req()
		r.Height = 1
		resp, err := h.PrepareProposalHandler()(e.ctx, r)
		require.NoError(t, err)
		require.Equal(t, mempool, resp.Txs)
	})
	t.Run("commit alone too large", func(t *testing.T) {
		h := e.handlers(voteext.Config{PrepareProposalHandler: ok})
		r := req()
		r.MaxTxBytes = size - 1
		resp, err := h.PrepareProposalHandler()(e.ctx, r)
		require.NoError(t, err)
		require.Equal(t, [][]byte{injected}, resp.Txs)
	})
}

func TestVerifyVoteExtension(t *testing.T) {
	e := newEnv(t, 10)
	logger, logs := newLog()
	h := e.handlers(voteext.Config{Logger: logger})
	verify := func(height int64, bz []byte) abci.ResponseVerifyVoteExtension_VerifyStatus {
		resp, err := h.VerifyVoteExtensionHandler()(e.ctx, &abci.RequestVerifyVoteExtension{Height: height, VoteExtension: bz, ValidatorAddress: e.vals[0].addr})
		require.NoError(t, err)
		return resp.Status
	}
	good := mustEncode(t, ext(5, yes(testModule, 1, dg("a"))))
	require.Equal(t, abci.ResponseVerifyVoteExtension_ACCEPT, verify(5, good))
	require.Equal(t, abci.ResponseVerifyVoteExtension_ACCEPT, verify(5, mustEncode(t, ext(5))))
	require.Equal(t, abci.ResponseVerifyVoteExtension_REJECT, verify(6, good))
	require.Equal(t, abci.ResponseVerifyVoteExtension_REJECT, verify(5, nil))
	require.Equal(t, abci.ResponseVerifyVoteExtension_REJECT, verify(5, []byte{0xff}))
	require.Equal(t, abci.ResponseVerifyVoteExtension_REJECT, verify(5, mustEncode(t, ext(5, yes(otherModule, 1, dg("a"))))),
		"only modules with a queue on this chain")
	require.Equal(t, abci.ResponseVerifyVoteExtension_REJECT, verify(5, append(bytes.Clone(good), 0x18, 0x01)))
	require.True(t, strings.Contains(logs.String(), "unregistered module"))
}
