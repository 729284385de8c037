package rewards_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/rewards"
)

func TestParamsValidate(t *testing.T) {
	require.Equal(t, rewards.Params{RetargetInterval: 14 * 24 * time.Hour, YearlyRateBps: 2000}, rewards.DefaultParams())
	require.NoError(t, rewards.DefaultParams().Validate())
	require.NoError(t, rewards.Params{RetargetInterval: time.Second, YearlyRateBps: 0}.Validate(), "no rewards is a valid choice")
	require.NoError(t, rewards.Params{RetargetInterval: time.Second, YearlyRateBps: 10_000}.Validate(), "100 %")
	for name, p := range map[string]rewards.Params{
		"zero interval":     {RetargetInterval: 0, YearlyRateBps: 2000},
		"negative interval": {RetargetInterval: -time.Hour, YearlyRateBps: 2000},
		"rate above 100 %":  {RetargetInterval: time.Hour, YearlyRateBps: 10_001},
	} {
		require.ErrorIs(t, p.Validate(), rewards.ErrInvalidParams, name)
	}
}
