package voteext_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/secp256k1"

	"github.com/themis-network/themis/x/voteext"
	"github.com/themis-network/themis/x/voteext/types"
)

const (
	benchValidators = 100
	benchItems      = 50
)

// benchExtensions: every validator votes on the same 50 items; a third of them say NO
// on every fifth item, so the tally has approved, rejected and undecided items.
func benchExtensions(b *testing.B) [][]byte {
	out := make([][]byte, benchValidators)
	for v := range out {
		e := types.VoteExtension{Height: testExtHeight}
		for i := range benchItems {
			verdict := types.Verdict_VERDICT_YES
			if i%5 == 0 && v%3 == 0 {
				verdict = types.Verdict_VERDICT_NO
			}
			e.Verdicts = append(e.Verdicts, vd(testModule, uint64(i), dg(string(rune(i))), verdict))
		}
		out[v] = mustEncode(b, e)
	}
	return out
}

// BenchmarkTally100Validators50Items is PreBlock's CPU path per block: strictly decode
// 100 extensions of 50 verdicts, then tally them. Target: well under 50 ms.
func BenchmarkTally100Validators50Items(b *testing.B) {
	powers := make([]int64, benchValidators)
	for i := range powers {
		powers[i] = int64(1000 + i)
	}
	set := plainSet(powers...)
	exts := benchExtensions(b)
	modules := voteext.NewModuleSet(testModule)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		ballots := make([]voteext.Ballot, 0, len(exts))
		for i, bz := range exts {
			e, err := voteext.DecodeAndCheck(bz, testExtHeight, modules, nil)
			if err != nil {
				b.Fatal(err)
			}
			ballots = append(ballots, voteext.Ballot{ConsAddress: set.Validators[i].ConsAddress, Extension: e})
		}
		res, err := voteext.Tally(set, ballots)
		if err != nil || len(res) != benchItems {
			b.Fatalf("tally: %v, %d items", err, len(res))
		}
	}
}

// benchCommit is a full, honest extended commit of 100 validators with 50 verdicts each.
func benchCommit(b *testing.B) (*env, abci.ExtendedCommitInfo) {
	powers := make([]int64, benchValidators)
	for i := range powers {
		powers[i] = 10
	}
	e := newEnv(b, powers...)
	exts := benchExtensions(b)
	ec := abci.ExtendedCommitInfo{}
	for i, v := range e.vals {
		ec.Votes = append(ec.Votes, signedVote(b, v, testExtHeight, 0, exts[i]))
	}
	return e, ec
}

// BenchmarkVerifyExtensionSignatures100 is the signature part of ProcessProposal alone:
// 100 secp256k1 verifications of CanonicalVoteExtension sign bytes.
func BenchmarkVerifyExtensionSignatures100(b *testing.B) {
	e, ec := benchCommit(b)
	pubs := make([]secp256k1.PubKey, len(e.set.Validators))
	for i, v := range e.set.Validators {
		pubs[i] = secp256k1.PubKey(v.PubKey)
	}
	b.ResetTimer()
	for range b.N {
		for i, v := range ec.Votes {
			msg, err := voteext.ExtensionSignBytes(testChainID, testExtHeight, ec.Round, v.VoteExtension)
			if err != nil {
				b.Fatal(err)
			}
			if !pubs[i].VerifySignature(msg, v.ExtensionSignature) {
				b.Fatal("signature does not verify")
			}
		}
	}
}

// BenchmarkProcessProposal100Validators is the whole ProcessProposal check of an
// injected commit: decode, completeness, 100 signatures, 100 strict extension decodes.
func BenchmarkProcessProposal100Validators(b *testing.B) {
	e, ec := benchCommit(b)
	h := e.handlers(voteext.Config{})
	req := &abci.RequestProcessProposal{Height: testHeight, Txs: [][]byte{marshalCommit(b, ec)}, ProposedLastCommit: lastCommitOf(ec)}
	process := h.ProcessProposalHandler()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		resp, err := process(e.ctx, req)
		if err != nil || resp.Status != abci.ResponseProcessProposal_ACCEPT {
			b.Fatalf("rejected: %v", err)
		}
	}
}

// BenchmarkPreBlock100Validators50Items is the whole PreBlock on a real store: decode,
// structural checks, tally and 50 Resolve calls in cache contexts.
func BenchmarkPreBlock100Validators50Items(b *testing.B) {
	e, ec := benchCommit(b)
	h := e.handlers(voteext.Config{})
	req := &abci.RequestFinalizeBlock{Height: testHeight, Txs: [][]byte{marshalCommit(b, ec)}, DecidedLastCommit: lastCommitOf(ec)}
	pre := h.PreBlocker()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := pre(e.ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if len(e.queue.resolved) == 0 {
		b.Fatal("nothing resolved")
	}
}
