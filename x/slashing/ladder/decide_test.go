package ladder_test

import (
	"math"
	"math/big"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/themis-network/themis/x/slashing/ladder"
)

var now = time.Unix(1_700_000_000, 0).UTC()

// metis is n whole tokens of 10^18 base units.
func metis(n int64) sdkmath.Int { return sdkmath.NewInt(n).Mul(sdkmath.NewIntWithDecimal(1, 18)) }

func TestDecideLadder(t *testing.T) {
	p := ladder.DefaultParams()
	stake := metis(100_000)
	until := now.Add(5 * 24 * time.Hour)
	for _, tc := range []struct {
		name    string
		s       ladder.Severity
		locked  sdkmath.Int
		strikes uint32
		want    ladder.Outcome
	}{
		{"low: flagged only", ladder.Low, stake, 0,
			ladder.Outcome{Severity: ladder.Low, Slashed: sdkmath.ZeroInt(), Remaining: stake}},
		{"low keeps the medium strikes", ladder.Low, stake, 2,
			ladder.Outcome{Severity: ladder.Low, Slashed: sdkmath.ZeroInt(), Remaining: stake, MediumStrikes: 2}},
		{"first medium: 1/16 and a 5-day jail", ladder.Medium, stake, 0,
			ladder.Outcome{Severity: ladder.Medium, Slashed: metis(6_250), Remaining: metis(93_750), SendL1: true, Jail: true, JailedUntil: until, MediumStrikes: 1}},
		{"second medium still jails", ladder.Medium, stake, 1,
			ladder.Outcome{Severity: ladder.Medium, Slashed: metis(6_250), Remaining: metis(93_750), SendL1: true, Jail: true, JailedUntil: until, MediumStrikes: 2}},
		{"third medium removes instead of jailing", ladder.Medium, stake, 2,
			ladder.Outcome{Severity: ladder.Medium, Slashed: metis(6_250), Remaining: metis(93_750), SendL1: true, Remove: true, MediumStrikes: 3}},
		{"a medium after re-admission removes again", ladder.Medium, stake, 3,
			ladder.Outcome{Severity: ladder.Medium, Slashed: metis(6_250), Remaining: metis(93_750), SendL1: true, Remove: true, MediumStrikes: 4}},
		{"the strike count saturates", ladder.Medium, stake, math.MaxUint32,
			ladder.Outcome{Severity: ladder.Medium, Slashed: metis(6_250), Remaining: metis(93_750), SendL1: true, Remove: true, MediumStrikes: math.MaxUint32}},
		{"high: 1/8 and removed", ladder.High, stake, 1,
			ladder.Outcome{Severity: ladder.High, Slashed: metis(12_500), Remaining: metis(87_500), SendL1: true, Remove: true, MediumStrikes: 1}},
		{"critical: 1/4, removed and banned", ladder.Critical, stake, 0,
			ladder.Outcome{Severity: ladder.Critical, Slashed: metis(25_000), Remaining: metis(75_000), SendL1: true, Remove: true, Ban: true}},
		{"medium on a stake that rounds to 0: jails and counts, no L1 slash", ladder.Medium, sdkmath.NewInt(15), 0,
			ladder.Outcome{Severity: ladder.Medium, Slashed: sdkmath.ZeroInt(), Remaining: sdkmath.NewInt(15), Jail: true, JailedUntil: until, MediumStrikes: 1}},
		{"third medium on a zero stake still removes", ladder.Medium, sdkmath.ZeroInt(), 2,
			ladder.Outcome{Severity: ladder.Medium, Slashed: sdkmath.ZeroInt(), Remaining: sdkmath.ZeroInt(), Remove: true, MediumStrikes: 3}},
		{"critical on a zero stake still bans", ladder.Critical, sdkmath.ZeroInt(), 0,
			ladder.Outcome{Severity: ladder.Critical, Slashed: sdkmath.ZeroInt(), Remaining: sdkmath.ZeroInt(), Remove: true, Ban: true}},
		{"high on 15 base units slashes 1", ladder.High, sdkmath.NewInt(15), 0,
			ladder.Outcome{Severity: ladder.High, Slashed: sdkmath.NewInt(1), Remaining: sdkmath.NewInt(14), SendL1: true, Remove: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ladder.Decide(p, tc.s, tc.locked, tc.strikes, now)
			require.NoError(t, err)
			requireOutcome(t, tc.want, got)
		})
	}
}

// requireOutcome compares outcomes with the amounts by value (math.Int's internals differ
// between equal values).
func requireOutcome(t *testing.T, want, got ladder.Outcome) {
	t.Helper()
	require.Equal(t, want.Slashed.String(), got.Slashed.String(), "slashed")
	require.Equal(t, want.Remaining.String(), got.Remaining.String(), "remaining")
	want.Slashed, want.Remaining, got.Slashed, got.Remaining = sdkmath.Int{}, sdkmath.Int{}, sdkmath.Int{}, sdkmath.Int{}
	require.Equal(t, want, got)
}

func TestDecideUsesItsParams(t *testing.T) {
	p := ladder.Params{JailDuration: time.Hour, MediumStrikesToRemove: 1}
	o, err := ladder.Decide(p, ladder.Medium, metis(20_000), 0, now)
	require.NoError(t, err)
	require.True(t, o.Remove, "a limit of 1: the first medium removes")
	require.False(t, o.Jail)

	p.MediumStrikesToRemove = 5
	o, err = ladder.Decide(p, ladder.Medium, metis(20_000), 3, now)
	require.NoError(t, err)
	require.True(t, o.Jail, "the 4th of 5 jails")
	require.Equal(t, now.Add(time.Hour), o.JailedUntil)
	require.Equal(t, uint32(4), o.MediumStrikes)
}

func TestDecideRejects(t *testing.T) {
	p := ladder.DefaultParams()
	_, err := ladder.Decide(p, ladder.Severity(4), metis(1), 0, now)
	require.ErrorIs(t, err, ladder.ErrInvalidSeverity)
	_, err = ladder.Decide(p, ladder.Medium, sdkmath.NewInt(-1), 0, now)
	require.ErrorIs(t, err, ladder.ErrInvalidStake)
	_, err = ladder.Decide(ladder.Params{}, ladder.Medium, metis(1), 0, now)
	require.ErrorIs(t, err, ladder.ErrInvalidParams)
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, ladder.DefaultParams().Validate())
	require.Equal(t, ladder.Params{JailDuration: 120 * time.Hour, MediumStrikesToRemove: 3}, ladder.DefaultParams())
	for name, p := range map[string]ladder.Params{
		"zero jail":     {JailDuration: 0, MediumStrikesToRemove: 3},
		"negative jail": {JailDuration: -time.Second, MediumStrikesToRemove: 3},
		"zero strikes":  {JailDuration: time.Hour, MediumStrikesToRemove: 0},
	} {
		require.ErrorIs(t, p.Validate(), ladder.ErrInvalidParams, name)
	}
	require.NoError(t, ladder.Params{JailDuration: time.Nanosecond, MediumStrikesToRemove: 1}.Validate())
}

// TestDecideProperties: whatever the offence, the stake is split exactly; an L1 slash is
// sent exactly when something is taken; jail and removal never both; a ban implies
// removal and only a critical bans; only a medium changes the strike count, by one; a
// medium removes exactly when the count reaches the limit, otherwise jails for exactly
// JailDuration from the block time passed in.
func TestDecideProperties(t *testing.T) {
	limit := new(big.Int).Lsh(big.NewInt(1), 200)
	rapid.Check(t, func(t *rapid.T) {
		p := ladder.Params{
			JailDuration:          time.Duration(rapid.Int64Range(1, int64(30*24*time.Hour)).Draw(t, "jail")),
			MediumStrikesToRemove: rapid.Uint32Range(1, 6).Draw(t, "limit"),
		}
		s := rapid.SampledFrom([]ladder.Severity{ladder.Low, ladder.Medium, ladder.High, ladder.Critical}).Draw(t, "severity")
		locked := drawInt(t, "locked", limit)
		strikes := rapid.Uint32Range(0, 8).Draw(t, "strikes")
		at := now.Add(time.Duration(rapid.Int64Range(0, 1<<40).Draw(t, "at")))

		o, err := ladder.Decide(p, s, locked, strikes, at)
		require.NoError(t, err)
		slashed, remaining, err := ladder.SlashAmount(locked, s)
		require.NoError(t, err)
		require.True(t, o.Slashed.Equal(slashed) && o.Remaining.Equal(remaining))
		require.Equal(t, o.Slashed.IsPositive(), o.SendL1)
		require.False(t, o.Jail && o.Remove, "jail or removal, not both")
		require.Equal(t, s == ladder.Critical, o.Ban)
		require.True(t, !o.Ban || o.Remove, "a ban removes")
		require.Equal(t, o.Jail, !o.JailedUntil.IsZero())
		switch s {
		case ladder.Medium:
			require.Equal(t, strikes+1, o.MediumStrikes)
			require.Equal(t, strikes+1 >= p.MediumStrikesToRemove, o.Remove)
			require.Equal(t, !o.Remove, o.Jail)
			if o.Jail {
				require.Equal(t, at.Add(p.JailDuration), o.JailedUntil)
			}
		case ladder.Low:
			require.Equal(t, strikes, o.MediumStrikes)
			require.False(t, o.Jail || o.Remove || o.SendL1)
		default:
			require.Equal(t, strikes, o.MediumStrikes)
			require.True(t, o.Remove)
		}
	})
}

// TestMediumStrikeSequence plays one owner's life: two jailed stalls, an appeal won on
// the second, two more stalls; removal comes on the third strike that stands.
func TestMediumStrikeSequence(t *testing.T) {
	p := ladder.DefaultParams()
	var strikes uint32
	var log []string
	for _, step := range []string{"stall", "stall", "appeal", "stall", "stall"} {
		if step == "appeal" {
			strikes = ladder.RevertStrike(strikes, ladder.Medium)
			log = append(log, "appeal")
			continue
		}
		o, err := ladder.Decide(p, ladder.Medium, metis(50_000), strikes, now)
		require.NoError(t, err)
		strikes = o.MediumStrikes
		switch {
		case o.Remove:
			log = append(log, "removed")
		case o.Jail:
			log = append(log, "jailed")
		}
	}
	require.Equal(t, []string{"jailed", "jailed", "appeal", "jailed", "removed"}, log)
	require.Equal(t, uint32(3), strikes)
}

func TestRevertStrike(t *testing.T) {
	for _, tc := range []struct {
		name    string
		strikes uint32
		s       ladder.Severity
		want    uint32
	}{
		{"an appealed medium removes its strike", 2, ladder.Medium, 1},
		{"from the removing strike", 3, ladder.Medium, 2},
		{"never below zero", 0, ladder.Medium, 0},
		{"low carries no strike", 2, ladder.Low, 2},
		{"high carries no strike", 2, ladder.High, 2},
		{"critical carries no strike", 2, ladder.Critical, 2},
		{"an invalid severity changes nothing", 2, ladder.Severity(9), 2},
		{"max", math.MaxUint32, ladder.Medium, math.MaxUint32 - 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, ladder.RevertStrike(tc.strikes, tc.s))
		})
	}
}
