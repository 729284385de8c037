package downtime_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/downtime"
)

func TestParamsValidate(t *testing.T) {
	with := func(f func(*downtime.Params)) downtime.Params { p := downtime.DefaultParams(); f(&p); return p }
	for _, tc := range []struct {
		name string
		p    downtime.Params
		err  error // nil: valid
	}{
		{"defaults", downtime.DefaultParams(), nil},
		{"window 0", with(func(p *downtime.Params) { p.Window = 0 }), downtime.ErrBadWindow},
		{"window 1", with(func(p *downtime.Params) { p.Window = 1 }), nil},
		{"window at the maximum", with(func(p *downtime.Params) { p.Window = downtime.MaxWindow }), nil},
		{"window over the maximum", with(func(p *downtime.Params) { p.Window = downtime.MaxWindow + 1 }), downtime.ErrBadWindow},
		{"threshold at a third: trimmable", with(func(p *downtime.Params) { p.MinMissedBps = 3333 }), downtime.ErrBadMinMissed},
		{"threshold 3334 refused", with(func(p *downtime.Params) { p.MinMissedBps = 3334 }), downtime.ErrBadMinMissed},
		{"threshold 3335 accepted", with(func(p *downtime.Params) { p.MinMissedBps = 3335 }), nil},
		{"threshold 0", with(func(p *downtime.Params) { p.MinMissedBps = 0 }), downtime.ErrBadMinMissed},
		{"threshold 9999", with(func(p *downtime.Params) { p.MinMissedBps = 9999 }), nil},
		{"threshold 100 %: unreachable", with(func(p *downtime.Params) { p.MinMissedBps = 10000 }), downtime.ErrBadMinMissed},
		{"group count 0", with(func(p *downtime.Params) { p.MinGroupCountBps = 0 }), downtime.ErrBadGroupCount},
		{"group count 100 %", with(func(p *downtime.Params) { p.MinGroupCountBps = 10000 }), nil},
		{"group count over 100 %", with(func(p *downtime.Params) { p.MinGroupCountBps = 10001 }), downtime.ErrBadGroupCount},
		{"group power 0", with(func(p *downtime.Params) { p.MinGroupPowerBps = 0 }), downtime.ErrBadGroupPower},
		{"group power under a third", with(func(p *downtime.Params) { p.MinGroupPowerBps = 3333 }), nil},
		{"group power at a third: only a halt reaches it", with(func(p *downtime.Params) { p.MinGroupPowerBps = 3334 }), downtime.ErrBadGroupPower},
		{"no grace", with(func(p *downtime.Params) { p.GraceBlocks = 0 }), downtime.ErrBadGraceBlocks},
		{"halt gap 0", with(func(p *downtime.Params) { p.HaltGap = 0 }), downtime.ErrBadHaltGap},
		{"halt gap negative", with(func(p *downtime.Params) { p.HaltGap = -time.Second }), downtime.ErrBadHaltGap},
		{"halt gap 1ns", with(func(p *downtime.Params) { p.HaltGap = 1 }), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			if tc.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.err)
			require.ErrorIs(t, err, downtime.ErrInvalidParams)
		})
	}
}

// TestSound: the margin between the threshold and a third of the window must cover
// two proposals per trimmer: Window*(3*MinMissedBps - 10000) >= 60000*trimmers.
func TestSound(t *testing.T) {
	p := downtime.DefaultParams()
	require.EqualValues(t, 100, p.MaxTrimmers(), "defaults: 1200*(15000-10000)/60000")
	require.True(t, p.Sound(100))
	require.False(t, p.Sound(101))
	require.True(t, p.Sound(0))
	require.False(t, p.Sound(-1))

	p.Window = 119 // 119*5000 = 595000 < 600000: one block short of a set of 10
	require.EqualValues(t, 9, p.MaxTrimmers())
	p.Window = 120
	require.EqualValues(t, 10, p.MaxTrimmers())

	p.MinMissedBps = 3335 // a hair over a third: a margin of 0.00017 of the window
	p.Window = downtime.MaxWindow
	require.EqualValues(t, 5, p.MaxTrimmers())

	p.MinMissedBps = 3000 // invalid
	require.Zero(t, p.MaxTrimmers())
	require.False(t, p.Sound(0))
}
