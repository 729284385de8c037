package differential

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The expected status, rule by rule (ExpectStatus).
func TestExpectStatus(t *testing.T) {
	owner := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	admitted := Policy{Whitelist: map[string]bool{lowerHex(owner): true}, MaxLock: tokens(100_000)}
	offboarded := Policy{Whitelist: map[string]bool{}, MaxLock: admitted.MaxLock}
	const (
		none        = seqtypes.SEQUENCER_STATUS_UNSPECIFIED
		active      = seqtypes.SEQUENCER_STATUS_ACTIVE
		notAdmitted = seqtypes.SEQUENCER_STATUS_NOT_ADMITTED
		unlocking   = seqtypes.SEQUENCER_STATUS_UNLOCKING
		unlocked    = seqtypes.SEQUENCER_STATUS_UNLOCKED
	)
	seq := func(status uint8, locked int64) ContractSeq {
		return ContractSeq{ID: 1, Owner: owner, Status: status, Locked: tokens(locked)}
	}
	event, readmitted, nothing := Learned{Event: true}, Learned{Readmitted: true}, Learned{}
	for _, tc := range []struct {
		name    string
		c       ContractSeq
		p       Policy
		prev    seqtypes.SequencerStatus
		learned Learned
		want    seqtypes.SequencerStatus
	}{
		{"a lock by an admitted owner is ACTIVE", seq(L1Active, 20_000), admitted, none, event, active},
		{"a lock by an owner governance has not whitelisted is NOT_ADMITTED", seq(L1Active, 50_000), offboarded, none, event, notAdmitted},
		{"L1's unlock is the chain's, admitted or not", seq(L1Unlocking, 50_000), offboarded, notAdmitted, event, unlocking},
		{"L1's claim is the chain's", seq(L1Unlocked, 0), admitted, unlocking, event, unlocked},
		{"removal from the whitelist offboards a member", seq(L1Active, 50_000), offboarded, active, nothing, notAdmitted},
		{"a member slashed below min_lock keeps its admission", seq(L1Active, 19_000), admitted, active, event, active},
		{"whitelisting again admits", seq(L1Active, 50_000), admitted, notAdmitted, readmitted, active},
		{"whitelisting again admits one a slash left below min_lock (the stake is L1's, not an admission input)", seq(L1Active, 19_000), admitted, notAdmitted, readmitted, active},
		{"an event admits a NOT_ADMITTED one", seq(L1Active, 50_000), admitted, notAdmitted, event, active},
		{"without news the chain does not decide again", seq(L1Active, 50_000), admitted, notAdmitted, nothing, notAdmitted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, ExpectStatus(tc.c, tc.p, tc.prev, tc.learned))
		})
	}
}

// Power is min(locked, max_lock) in whole tokens, rounded down, and only when ACTIVE.
func TestExpectPower(t *testing.T) {
	maxLock := tokens(100_000)
	plusHalf := new(big.Int).Add(tokens(30_000), new(big.Int).Div(ether, big.NewInt(2)))
	require.EqualValues(t, 30_000, ExpectPower(seqtypes.SEQUENCER_STATUS_ACTIVE, plusHalf, maxLock))
	require.EqualValues(t, 100_000, ExpectPower(seqtypes.SEQUENCER_STATUS_ACTIVE, tokens(150_000), maxLock))
	require.EqualValues(t, 0, ExpectPower(seqtypes.SEQUENCER_STATUS_NOT_ADMITTED, tokens(50_000), maxLock))
	require.EqualValues(t, 0, ExpectPower(seqtypes.SEQUENCER_STATUS_UNLOCKING, tokens(50_000), maxLock))
}

// Every input decodes (the fuzz target's contract), and encoding is decoding's inverse.
func TestOpsRoundTrip(t *testing.T) {
	require.Empty(t, DecodeOps([]byte{1, 2, 3}, 10), "a short tail is ignored")
	ops := RandomOps(7, 40)
	require.Len(t, ops, 40)
	require.Equal(t, ops, DecodeOps(EncodeOps(ops), 40))
	require.Len(t, DecodeOps(EncodeOps(ops), 5), 5)
	seen := map[Kind]bool{}
	for i := range uint64(50) {
		for _, o := range RandomOps(i, opsPerSequence) {
			seen[o.Kind] = true
		}
	}
	require.Len(t, seen, int(numKinds), "every kind is drawn")
}
