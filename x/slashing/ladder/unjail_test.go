package ladder_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/ladder"
)

func TestCanUnjail(t *testing.T) {
	minLock := metis(20_000)
	until := now.Add(ladder.DefaultJailDuration)
	for _, tc := range []struct {
		name    string
		now     time.Time
		until   time.Time
		locked  sdkmath.Int
		min     sdkmath.Int
		err     error
		message string
	}{
		{"jail over, enough stake", until.Add(time.Hour), until, metis(30_000), minLock, nil, ""},
		{"exactly at the expiry second", until, until, metis(30_000), minLock, nil, ""},
		{"one nanosecond early", until.Add(-time.Nanosecond), until, metis(30_000), minLock, ladder.ErrStillJailed, "1ns left"},
		{"one second early", until.Add(-time.Second), until, metis(30_000), minLock, ladder.ErrStillJailed, "1s left, until 2023-11-19T22:13:20Z"},
		{"right after the offence", now, until, metis(30_000), minLock, ladder.ErrStillJailed, "120h0m0s left"},
		{"exactly min_lock", until, until, minLock, minLock, nil, ""},
		{"one base unit below min_lock", until, until, minLock.SubRaw(1), minLock, ladder.ErrBelowMinLock, "short by 1"},
		{"slashed below min_lock: 20,000 - 1/16", until, until, metis(18_750), minLock, ladder.ErrBelowMinLock, "short by 1250000000000000000000"},
		{"still jailed and below min_lock: time first", now, until, metis(1), minLock, ladder.ErrStillJailed, "left"},
		{"never jailed (zero time)", now, time.Time{}, minLock, minLock, nil, ""},
		{"negative stake", until, until, sdkmath.NewInt(-1), minLock, ladder.ErrInvalidStake, ""},
		{"nil min_lock", until, until, minLock, sdkmath.Int{}, ladder.ErrInvalidStake, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ladder.CanUnjail(tc.now, tc.until, tc.locked, tc.min)
			if tc.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.err)
			require.ErrorContains(t, err, tc.message)
		})
	}
}
