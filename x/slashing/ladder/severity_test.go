package ladder_test

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/slashing/ladder"
)

func TestSeverityNamesAndValidity(t *testing.T) {
	for _, tc := range []struct {
		s     ladder.Severity
		code  uint8
		name  string
		valid bool
	}{
		{ladder.Low, 0, "low", true},
		{ladder.Medium, 1, "medium", true},
		{ladder.High, 2, "high", true},
		{ladder.Critical, 3, "critical", true},
		{ladder.Severity(4), 4, "severity(4)", false},
		{ladder.Severity(255), 255, "severity(255)", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.code, uint8(tc.s))
			require.Equal(t, tc.name, tc.s.String())
			require.Equal(t, tc.valid, tc.s.Valid())
		})
	}
}

// TestSeverityCodesAreTheContracts pins the codes and fractions to the L1 staking
// contract's source (SEVERITY_* and _severityCap) and to the codes x/sequencer accepts
// in a mirrored Slashed event: a renumbering on either side fails here, not on mainnet.
func TestSeverityCodesAreTheContracts(t *testing.T) {
	src, err := os.ReadFile("../../../contracts/src/ThemisStaking.sol")
	require.NoError(t, err)
	codes := map[string]uint8{}
	for _, m := range regexp.MustCompile(`uint8 public constant SEVERITY_(\w+) = (\d+);`).FindAllStringSubmatch(string(src), -1) {
		v, err := strconv.ParseUint(m[2], 10, 8)
		require.NoError(t, err)
		codes[m[1]] = uint8(v)
	}
	caps := map[string]int64{}
	for _, m := range regexp.MustCompile(`if \(severity == SEVERITY_(\w+)\) return (\d+);`).FindAllStringSubmatch(string(src), -1) {
		v, err := strconv.ParseInt(m[2], 10, 64)
		require.NoError(t, err)
		caps[m[1]] = v
	}
	require.Equal(t, map[string]uint8{"MEDIUM": 1, "HIGH": 2, "CRITICAL": 3}, codes, "the contract's severity codes")
	require.Equal(t, map[string]int64{"MEDIUM": 16, "HIGH": 8, "CRITICAL": 4}, caps, "the contract's caps")

	for name, s := range map[string]ladder.Severity{"MEDIUM": ladder.Medium, "HIGH": ladder.High, "CRITICAL": ladder.Critical} {
		require.Equal(t, codes[name], uint8(s), name)
		// The ladder's fraction is the contract's cap: a stake of exactly cap units slashes 1.
		slashed, _, err := ladder.SlashAmount(intOf(caps[name]), s)
		require.NoError(t, err)
		require.Equal(t, "1", slashed.String(), name)
	}
	require.Equal(t, sequencertypes.SeverityMedium, uint32(ladder.Medium))
	require.Equal(t, sequencertypes.SeverityHigh, uint32(ladder.High))
	require.Equal(t, sequencertypes.SeverityCritical, uint32(ladder.Critical))
}
