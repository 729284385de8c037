package types_test

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// The staking contract's configuration, mirrored: L1Config.Validate holds what the
// contract guarantees, MsgConfigChanged.ValidateBasic what its events can carry, and
// Apply moves the mirror by exactly one change.

// configRegisteredErrors is every registered x/sequencer error, including the codes
// sequencertest.AllErrors may not list yet.
func configRegisteredErrors() []*errorsmod.Error {
	all := append([]*errorsmod.Error(nil), sequencertest.AllErrors...)
	for _, e := range []*errorsmod.Error{types.ErrInvalidUnlockTime, types.ErrInvalidOffence, types.ErrRelayerQueueFull,
		types.ErrFreeRelayQuota, types.ErrInvalidConfigChange} {
		known := false
		for _, a := range all {
			known = known || a == e
		}
		if !known {
			all = append(all, e)
		}
	}
	return all
}

// configRequireOnly requires err to be want and no other registered error.
func configRequireOnly(t *testing.T, err error, want *errorsmod.Error, name string) {
	t.Helper()
	require.ErrorIs(t, err, want, name)
	for _, other := range configRegisteredErrors() {
		if other != want {
			require.NotErrorIs(t, err, other, name)
		}
	}
}

// configUpper is a 0x address with its hex digits upper-cased (Owner's always hold a letter).
func configUpper(a string) string { return "0x" + strings.ToUpper(a[2:]) }

var configZeroAddress = "0x" + strings.Repeat("0", 40)

// configBase is a configuration with every field set, each to a value no change below
// sets, so Apply's effect shows field by field.
func configBase() types.L1Config {
	c := types.DefaultL1Config()
	c.ConfigNonce = 6
	c.PausedUntil = 1_700_000_000
	c.Treasury = sequencertest.Owner(50)
	c.PoolAddress = sequencertest.Owner(51)
	c.BootstrapDeadline = 1_750_000_000
	return c
}

// configKind is one kind of change: a valid message and what Apply must make of configBase.
type configKind struct {
	name  string // Apply's change name, also the oneof field
	valid func() *types.MsgConfigChanged
	// applied is configBase after the change (without the nonce).
	applied func(c types.L1Config) types.L1Config
	// nilInner sets the kind's oneof with a nil message.
	nilInner func(m *types.MsgConfigChanged)
}

func configKinds(sub string) []configKind {
	msg := func(nonce uint64, change func(m *types.MsgConfigChanged)) func() *types.MsgConfigChanged {
		return func() *types.MsgConfigChanged {
			m := &types.MsgConfigChanged{Submitter: sub, Event: sequencertest.Ref(9), ConfigNonce: nonce}
			change(m)
			return m
		}
	}
	return []configKind{
		{"lock_limits", msg(7, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_LockLimits{LockLimits: &types.LockLimitsChange{
				MinLock: sequencertest.Tokens(30_000), MaxLock: sequencertest.Tokens(200_000)}}
		}), func(c types.L1Config) types.L1Config {
			c.MinLock, c.MaxLock = sequencertest.Tokens(30_000), sequencertest.Tokens(200_000)
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_LockLimits{} }},
		{"exit_delay", msg(8, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: 30 * 24 * 3600}}
		}), func(c types.L1Config) types.L1Config {
			c.ExitDelaySeconds = 30 * 24 * 3600
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_ExitDelay{} }},
		{"whitelist", msg(9, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_Whitelist{Whitelist: &types.L1WhitelistChange{Account: sequencertest.Owner(3), Allowed: true}}
		}), func(c types.L1Config) types.L1Config { return c }, // recorded, not applied
			func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_Whitelist{} }},
		{"pause", msg(10, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_Pause{Pause: &types.PauseChange{By: sequencertest.Owner(4), PausedUntil: 1_800_000_000}}
		}), func(c types.L1Config) types.L1Config {
			c.PausedUntil = 1_800_000_000
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_Pause{} }},
		{"treasury", msg(11, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_Treasury{Treasury: &types.AddressChange{Previous: sequencertest.Owner(50), Current: sequencertest.Owner(5)}}
		}), func(c types.L1Config) types.L1Config {
			c.Treasury = sequencertest.Owner(5)
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_Treasury{} }},
		{"pool_address", msg(12, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: configZeroAddress, Current: sequencertest.Owner(6)}}
		}), func(c types.L1Config) types.L1Config {
			c.PoolAddress = sequencertest.Owner(6)
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_PoolAddress{} }},
		{"bootstrap_started", msg(1, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &types.BootstrapStarted{Owner: sequencertest.Owner(7), Deadline: 1_900_000_000}}
		}), func(c types.L1Config) types.L1Config {
			c.BootstrapDeadline = 1_900_000_000
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_BootstrapStarted{} }},
		{"bootstrap_ended", msg(13, func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &types.BootstrapEnded{EndedBy: sequencertest.Owner(8), PoolAddress: sequencertest.Owner(51)}}
		}), func(c types.L1Config) types.L1Config {
			c.BootstrapEnded = true
			return c
		}, func(m *types.MsgConfigChanged) { m.Change = &types.MsgConfigChanged_BootstrapEnded{} }},
	}
}

func TestL1Config_Default(t *testing.T) {
	c := types.DefaultL1Config()
	require.NoError(t, c.Validate())
	require.Equal(t, sequencertest.Tokens(20_000), c.MinLock)
	require.Equal(t, sequencertest.Tokens(100_000), c.MaxLock)
	require.Equal(t, uint64(21*24*3600), c.ExitDelaySeconds)
	require.Equal(t, types.DefaultExitDelaySeconds, c.ExitDelaySeconds)
	require.Zero(t, c.ConfigNonce, "the contract's first change (1, at deployment) is the next one")
	require.Zero(t, c.PausedUntil)
	require.Empty(t, c.Treasury)
	require.Empty(t, c.PoolAddress)
	require.False(t, c.BootstrapEnded)
	require.Equal(t, uint64(7*24*3600), types.MinExitDelaySeconds)
	require.Equal(t, uint64(365*24*3600), types.MaxExitDelaySeconds)
	require.Equal(t, uint64(0), types.ConfigSequencerID)
	require.NoError(t, types.DefaultGenesis().L1Config.Validate())
	require.Equal(t, c, types.DefaultGenesis().L1Config)
}

func TestL1Config_Validate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(c *types.L1Config)
		want   *errorsmod.Error
	}{
		{"min_lock zero", func(c *types.L1Config) { c.MinLock = math.ZeroInt() }, types.ErrInvalidConfigChange},
		{"min_lock nil", func(c *types.L1Config) { c.MinLock = math.Int{} }, types.ErrInvalidConfigChange},
		{"min_lock negative", func(c *types.L1Config) { c.MinLock = math.NewInt(-1) }, types.ErrInvalidConfigChange},
		{"max_lock nil", func(c *types.L1Config) { c.MaxLock = math.Int{} }, types.ErrInvalidConfigChange},
		{"max_lock zero", func(c *types.L1Config) { c.MaxLock = math.ZeroInt() }, types.ErrInvalidConfigChange},
		{"max_lock below min_lock", func(c *types.L1Config) { c.MaxLock = c.MinLock.SubRaw(1) }, types.ErrInvalidConfigChange},
		{"exit delay zero", func(c *types.L1Config) { c.ExitDelaySeconds = 0 }, types.ErrInvalidConfigChange},
		{"exit delay below the minimum", func(c *types.L1Config) { c.ExitDelaySeconds = types.MinExitDelaySeconds - 1 }, types.ErrInvalidConfigChange},
		{"exit delay above the maximum", func(c *types.L1Config) { c.ExitDelaySeconds = types.MaxExitDelaySeconds + 1 }, types.ErrInvalidConfigChange},
		{"exit delay of 2^64-1", func(c *types.L1Config) { c.ExitDelaySeconds = ^uint64(0) }, types.ErrInvalidConfigChange},
		{"treasury upper case", func(c *types.L1Config) { c.Treasury = configUpper(sequencertest.Owner(1)) }, types.ErrInvalidAddress},
		{"treasury short", func(c *types.L1Config) { c.Treasury = "0x12" }, types.ErrInvalidAddress},
		{"treasury without 0x", func(c *types.L1Config) { c.Treasury = sequencertest.Owner(1)[2:] + "00" }, types.ErrInvalidAddress},
		{"treasury not hex", func(c *types.L1Config) { c.Treasury = "0x" + strings.Repeat("g", 40) }, types.ErrInvalidAddress},
		{"pool upper case", func(c *types.L1Config) { c.PoolAddress = configUpper(sequencertest.Owner(2)) }, types.ErrInvalidAddress},
		{"pool 0X prefix", func(c *types.L1Config) { c.PoolAddress = "0X" + sequencertest.Owner(2)[2:] }, types.ErrInvalidAddress},
		{"pool short", func(c *types.L1Config) { c.PoolAddress = sequencertest.Owner(2)[:41] }, types.ErrInvalidAddress},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := configBase()
			tc.mutate(&c)
			configRequireOnly(t, c.Validate(), tc.want, tc.name)
		})
	}

	maxUint256 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	for name, mutate := range map[string]func(c *types.L1Config){
		"every field set":           func(*types.L1Config) {},
		"min = max":                 func(c *types.L1Config) { c.MaxLock = c.MinLock },
		"min of one base unit":      func(c *types.L1Config) { c.MinLock = math.OneInt() },
		"max of 2^256-1":            func(c *types.L1Config) { c.MaxLock = maxUint256 },
		"min = max = 2^256-1":       func(c *types.L1Config) { c.MinLock, c.MaxLock = maxUint256, maxUint256 },
		"exit delay at the minimum": func(c *types.L1Config) { c.ExitDelaySeconds = types.MinExitDelaySeconds },
		"exit delay at the maximum": func(c *types.L1Config) { c.ExitDelaySeconds = types.MaxExitDelaySeconds },
		"no treasury, no pool":      func(c *types.L1Config) { c.Treasury, c.PoolAddress = "", "" },
		"zero-address treasury":     func(c *types.L1Config) { c.Treasury = configZeroAddress },
		"paused far ahead":          func(c *types.L1Config) { c.PausedUntil = ^uint64(0) },
		"bootstrap ended":           func(c *types.L1Config) { c.BootstrapEnded = true },
	} {
		c := configBase()
		mutate(&c)
		require.NoError(t, c.Validate(), name)
	}
}

func TestMsgConfigChanged_ValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	for _, k := range configKinds(msgsSubmitter(t)) {
		t.Run(k.name, func(t *testing.T) {
			m := k.valid()
			require.NoError(t, m.ValidateBasic())
			require.Equal(t, types.ConfigSequencerID, m.GetSequencerId(), "configuration changes are the nonce chain of id 0")
			require.Equal(t, m.ConfigNonce, m.GetNonce())
			require.Equal(t, sub, m.GetSubmitter())

			// The header, as for every relayed event (but id 0 is this message's own).
			for name, tc := range map[string]struct {
				mutate func(m *types.MsgConfigChanged)
				want   *errorsmod.Error
			}{
				"empty submitter":     {func(m *types.MsgConfigChanged) { m.Submitter = "" }, types.ErrInvalidAddress},
				"bad checksum":        {func(m *types.MsgConfigChanged) { m.Submitter = msgsBreakChecksum(sub) }, types.ErrInvalidAddress},
				"other prefix":        {func(m *types.MsgConfigChanged) { m.Submitter = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu" }, types.ErrInvalidAddress},
				"hex submitter":       {func(m *types.MsgConfigChanged) { m.Submitter = sequencertest.Owner(1) }, types.ErrInvalidAddress},
				"hash without 0x":     {func(m *types.MsgConfigChanged) { m.Event.TxHash = "00" + m.Event.TxHash[2:] }, types.ErrInvalidEventRef},
				"hash empty":          {func(m *types.MsgConfigChanged) { m.Event.TxHash = "" }, types.ErrInvalidEventRef},
				"block 0":             {func(m *types.MsgConfigChanged) { m.Event.BlockNumber = 0 }, types.ErrInvalidEventRef},
				"config nonce 0":      {func(m *types.MsgConfigChanged) { m.ConfigNonce = 0 }, types.ErrNonceOutOfOrder},
				"nil inner message":   {k.nilInner, types.ErrInvalidConfigChange},
				"no change set":       {func(m *types.MsgConfigChanged) { m.Change = nil }, types.ErrInvalidConfigChange},
				"submitter and nonce": {func(m *types.MsgConfigChanged) { m.Submitter, m.ConfigNonce = "", 0 }, types.ErrInvalidAddress},
				"nonce and no change": {func(m *types.MsgConfigChanged) { m.ConfigNonce, m.Change = 0, nil }, types.ErrNonceOutOfOrder},
			} {
				m := k.valid()
				tc.mutate(m)
				configRequireOnly(t, m.ValidateBasic(), tc.want, name)
			}
			m = k.valid()
			m.ConfigNonce = ^uint64(0)
			require.NoError(t, m.ValidateBasic(), "any configNonce from 1 up")
		})
	}
}

// Each kind's own fields: what the contract can emit passes, anything else is refused
// with the specific error.
func TestMsgConfigChanged_ValidateBasicFields(t *testing.T) {
	sub := msgsSubmitter(t)
	owner, other := sequencertest.Owner(1), sequencertest.Owner(2)
	maxUint256 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	with := func(change func(m *types.MsgConfigChanged)) *types.MsgConfigChanged {
		m := &types.MsgConfigChanged{Submitter: sub, Event: sequencertest.Ref(3), ConfigNonce: 5}
		change(m)
		return m
	}
	limits := func(minLock, maxLock math.Int) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_LockLimits{LockLimits: &types.LockLimitsChange{MinLock: minLock, MaxLock: maxLock}}
		})
	}
	delay := func(d uint64) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: d}}
		})
	}
	whitelist := func(account string) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_Whitelist{Whitelist: &types.L1WhitelistChange{Account: account}}
		})
	}
	pause := func(by string, until uint64) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_Pause{Pause: &types.PauseChange{By: by, PausedUntil: until}}
		})
	}
	treasury := func(prev, cur string) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_Treasury{Treasury: &types.AddressChange{Previous: prev, Current: cur}}
		})
	}
	pool := func(prev, cur string) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: prev, Current: cur}}
		})
	}
	started := func(o string) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &types.BootstrapStarted{Owner: o, Deadline: 1}}
		})
	}
	ended := func(by, p string) *types.MsgConfigChanged {
		return with(func(m *types.MsgConfigChanged) {
			m.Change = &types.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &types.BootstrapEnded{EndedBy: by, PoolAddress: p}}
		})
	}

	for name, m := range map[string]*types.MsgConfigChanged{
		"limits min = max":             limits(math.OneInt(), math.OneInt()),
		"limits up to 2^256-1":         limits(math.OneInt(), maxUint256),
		"exit delay at the minimum":    delay(types.MinExitDelaySeconds),
		"exit delay at the maximum":    delay(types.MaxExitDelaySeconds),
		"whitelist removal":            whitelist(owner),
		"pause lifted":                 pause(owner, 0),
		"pause up to year 9999":        pause(owner, types.MaxUnlockableAt),
		"treasury from zero":           treasury(configZeroAddress, owner),
		"first pool":                   pool(configZeroAddress, owner),
		"pool rotation":                pool(owner, other),
		"bootstrap started":            started(owner),
		"bootstrap ended by the pool":  ended(other, other),
		"bootstrap ended by the owner": ended(owner, other),
	} {
		require.NoError(t, m.ValidateBasic(), name)
	}

	for name, tc := range map[string]struct {
		m    *types.MsgConfigChanged
		want *errorsmod.Error
	}{
		"limits min 0":              {limits(math.ZeroInt(), math.OneInt()), types.ErrInvalidConfigChange},
		"limits min negative":       {limits(math.NewInt(-1), math.OneInt()), types.ErrInvalidConfigChange},
		"limits max below min":      {limits(math.NewInt(2), math.OneInt()), types.ErrInvalidConfigChange},
		"limits min nil":            {limits(math.Int{}, math.OneInt()), types.ErrInvalidConfigChange},
		"limits max nil":            {limits(math.OneInt(), math.Int{}), types.ErrInvalidConfigChange},
		"limits both nil":           {limits(math.Int{}, math.Int{}), types.ErrInvalidConfigChange},
		"exit delay 0":              {delay(0), types.ErrInvalidConfigChange},
		"exit delay below minimum":  {delay(types.MinExitDelaySeconds - 1), types.ErrInvalidConfigChange},
		"exit delay above maximum":  {delay(types.MaxExitDelaySeconds + 1), types.ErrInvalidConfigChange},
		"whitelist upper case":      {whitelist(configUpper(owner)), types.ErrInvalidAddress},
		"whitelist empty":           {whitelist(""), types.ErrInvalidAddress},
		"whitelist short":           {whitelist("0x12"), types.ErrInvalidAddress},
		"pause by upper case":       {pause(configUpper(owner), 1), types.ErrInvalidAddress},
		"pause by empty":            {pause("", 1), types.ErrInvalidAddress},
		"pause past year 9999":      {pause(owner, types.MaxUnlockableAt+1), types.ErrInvalidConfigChange},
		"treasury previous upper":   {treasury(configUpper(owner), other), types.ErrInvalidAddress},
		"treasury current upper":    {treasury(owner, configUpper(other)), types.ErrInvalidAddress},
		"treasury current empty":    {treasury(owner, ""), types.ErrInvalidAddress},
		"treasury previous not hex": {treasury("0x"+strings.Repeat("z", 40), other), types.ErrInvalidAddress},
		"pool previous upper":       {pool(configUpper(owner), other), types.ErrInvalidAddress},
		"pool current upper":        {pool(owner, configUpper(other)), types.ErrInvalidAddress},
		"pool previous empty":       {pool("", other), types.ErrInvalidAddress},
		"bootstrap owner upper":     {started(configUpper(owner)), types.ErrInvalidAddress},
		"bootstrap owner empty":     {started(""), types.ErrInvalidAddress},
		"ended by upper":            {ended(configUpper(owner), other), types.ErrInvalidAddress},
		"ended pool upper":          {ended(owner, configUpper(other)), types.ErrInvalidAddress},
		"ended pool empty":          {ended(owner, ""), types.ErrInvalidAddress},
	} {
		configRequireOnly(t, tc.m.ValidateBasic(), tc.want, name)
	}
}

func TestL1Config_Apply(t *testing.T) {
	for _, k := range configKinds(msgsSubmitter(t)) {
		t.Run(k.name, func(t *testing.T) {
			base := configBase()
			m := k.valid()
			got, name, detail := base.Apply(m)
			require.Equal(t, k.name, name)
			require.NotEmpty(t, detail)
			want := k.applied(configBase())
			want.ConfigNonce = m.ConfigNonce
			require.Equal(t, want, got, "exactly the change's field and the config nonce")
			require.Equal(t, configBase(), base, "Apply returns a new configuration, the receiver is a copy")
			require.NoError(t, got.Validate())
		})
	}
}

// configChangeGen draws changes the contract could emit and some it could not (an
// upper-case address, a bound crossed, a nil field); the property keeps what
// ValidateBasic accepts.
func configChangeGen(sub string) *rapid.Generator[*types.MsgConfigChanged] {
	return rapid.Custom(func(t *rapid.T) *types.MsgConfigChanged {
		addr := func(label string) string {
			a := fmt.Sprintf("0x%040x", rapid.Uint64().Draw(t, label))
			switch rapid.IntRange(0, 9).Draw(t, label+"-form") {
			case 0:
				return configUpper(a)
			case 1:
				return ""
			case 2:
				return a[:41]
			case 3:
				return "0x" + strings.Repeat("ab", 20)
			}
			return a
		}
		amount := func(label string) math.Int {
			switch rapid.IntRange(0, 5).Draw(t, label+"-form") {
			case 0:
				return math.ZeroInt()
			case 1:
				return math.NewInt(-rapid.Int64Range(1, 1<<40).Draw(t, label+"-neg"))
			case 2:
				bits := rapid.IntRange(1, 256).Draw(t, label+"-bits")
				return math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits)), big.NewInt(1)))
			}
			return math.NewIntFromUint64(rapid.Uint64().Draw(t, label))
		}
		delay := rapid.OneOf(rapid.Uint64Range(types.MinExitDelaySeconds-1, types.MaxExitDelaySeconds+1),
			rapid.SampledFrom([]uint64{0, types.MinExitDelaySeconds, types.MaxExitDelaySeconds, ^uint64(0)}))
		m := &types.MsgConfigChanged{Submitter: sub, Event: sequencertest.Ref(rapid.Uint64Range(1, 1<<20).Draw(t, "ref"))}
		switch rapid.IntRange(0, 8).Draw(t, "kind") {
		case 0:
			m.Change = &types.MsgConfigChanged_LockLimits{LockLimits: &types.LockLimitsChange{MinLock: amount("min"), MaxLock: amount("max")}}
		case 1:
			m.Change = &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: delay.Draw(t, "delay")}}
		case 2:
			m.Change = &types.MsgConfigChanged_Whitelist{Whitelist: &types.L1WhitelistChange{Account: addr("account"), Allowed: rapid.Bool().Draw(t, "allowed")}}
		case 3:
			m.Change = &types.MsgConfigChanged_Pause{Pause: &types.PauseChange{By: addr("by"),
				PausedUntil: rapid.OneOf(rapid.Uint64Range(0, types.MaxUnlockableAt+1), rapid.Uint64()).Draw(t, "until")}}
		case 4:
			m.Change = &types.MsgConfigChanged_Treasury{Treasury: &types.AddressChange{Previous: addr("prev"), Current: addr("cur")}}
		case 5:
			m.Change = &types.MsgConfigChanged_PoolAddress{PoolAddress: &types.AddressChange{Previous: addr("prev"), Current: addr("cur")}}
		case 6:
			m.Change = &types.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &types.BootstrapStarted{Owner: addr("owner"), Deadline: rapid.Uint64().Draw(t, "deadline")}}
		case 7:
			m.Change = &types.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &types.BootstrapEnded{EndedBy: addr("by"), PoolAddress: addr("pool")}}
		case 8:
			// no change set
		}
		return m
	})
}

// Applying any sequence of changes ValidateBasic accepts, in configNonce order, never
// yields a configuration Validate refuses: a genesis export of the mirror always imports.
func TestL1Config_ApplyKeepsValid(t *testing.T) {
	sub := msgsSubmitter(t)
	gen := configChangeGen(sub)
	rapid.Check(t, func(rt *rapid.T) {
		c := types.DefaultL1Config()
		if rapid.Bool().Draw(rt, "from base") {
			c = configBase()
		}
		start := c.ConfigNonce
		n := rapid.IntRange(1, 40).Draw(rt, "changes")
		applied := 0
		for i := range n {
			m := gen.Draw(rt, fmt.Sprintf("change %d", i))
			m.ConfigNonce = c.ConfigNonce + 1
			if err := m.ValidateBasic(); err != nil {
				var coded *errorsmod.Error
				if !errors.As(err, &coded) || coded.Codespace() != types.ModuleName {
					rt.Fatalf("refusal %v is not a registered error", err)
				}
				continue
			}
			next, name, _ := c.Apply(m)
			if name == "unknown" {
				rt.Fatalf("accepted %+v has no change", m)
			}
			if next.ConfigNonce != m.ConfigNonce {
				rt.Fatalf("config nonce %d after change %d", next.ConfigNonce, m.ConfigNonce)
			}
			if err := next.Validate(); err != nil {
				rt.Fatalf("after %s (%+v) the configuration %+v is invalid: %v", name, m, next, err)
			}
			c = next
			applied++
		}
		if c.ConfigNonce != start+uint64(applied) {
			rt.Fatalf("config nonce %d after %d changes from %d", c.ConfigNonce, applied, start)
		}
	})
}

// FuzzMsgConfigChangedDecode feeds arbitrary bytes as a relayed MsgConfigChanged:
// ValidateBasic never panics and refuses with one registered error; what it accepts
// round-trips through the wire form, enters the queue (EncodePendingEvent) and reads
// back from it, and applies to a valid configuration.
func FuzzMsgConfigChangedDecode(f *testing.F) {
	sequencertest.SetBech32Prefixes()
	sub := sequencertest.Bech32(f, []byte("submitter-account-01"))
	registered := configRegisteredErrors()
	seed := func(m *types.MsgConfigChanged) {
		bz, err := proto.Marshal(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bz)
	}
	for _, k := range configKinds(sub) {
		seed(k.valid())
	}
	base := &types.MsgConfigChanged{Submitter: sub, Event: sequencertest.Ref(2), ConfigNonce: 3}
	seed(base) // no change
	for _, m := range []*types.MsgConfigChanged{
		{Change: &types.MsgConfigChanged_LockLimits{LockLimits: &types.LockLimitsChange{MinLock: math.NewInt(5), MaxLock: math.NewInt(4)}}},
		{Change: &types.MsgConfigChanged_ExitDelay{ExitDelay: &types.ExitDelayChange{ExitDelaySeconds: types.MinExitDelaySeconds - 1}}},
		{Change: &types.MsgConfigChanged_Pause{Pause: &types.PauseChange{By: configUpper(sequencertest.Owner(1))}}},
		{Change: &types.MsgConfigChanged_Treasury{Treasury: &types.AddressChange{}}},
	} {
		m.Submitter, m.Event, m.ConfigNonce = sub, sequencertest.Ref(4), 9
		seed(m)
	}
	f.Add([]byte{})
	f.Add([]byte{0x22, 0x00})       // lock_limits, empty
	f.Add([]byte{0x22, 0x02, 0x0a}) // lock_limits, truncated
	f.Fuzz(func(t *testing.T, bz []byte) {
		m := &types.MsgConfigChanged{}
		if err := proto.Unmarshal(bz, m); err != nil {
			return
		}
		if err := m.ValidateBasic(); err != nil {
			n := 0
			for _, e := range registered {
				if errors.Is(err, e) {
					n++
				}
			}
			var coded *errorsmod.Error
			if n != 1 || !errors.As(err, &coded) || coded.Codespace() != types.ModuleName {
				t.Fatalf("error %q matches %d registered errors", err, n)
			}
			return
		}
		if m.GetSequencerId() != types.ConfigSequencerID || m.GetNonce() == 0 || m.Change == nil {
			t.Fatalf("accepted %+v", m)
		}
		wire, err := proto.Marshal(m)
		if err != nil {
			t.Fatalf("accepted message does not marshal: %v", err)
		}
		again := &types.MsgConfigChanged{}
		if err := proto.Unmarshal(wire, again); err != nil {
			t.Fatalf("re-marshalled message does not unmarshal: %v", err)
		}
		wire2, err := proto.Marshal(again)
		if err != nil || string(wire2) != string(wire) {
			t.Fatalf("wire form does not round-trip: %x vs %x (%v)", wire, wire2, err)
		}
		if err := again.ValidateBasic(); err != nil {
			t.Fatalf("round-tripped message is refused: %v", err)
		}
		msgType, qbz, digest, err := types.EncodePendingEvent(m)
		if err != nil {
			t.Fatalf("EncodePendingEvent: %v", err)
		}
		p := types.PendingEvent{Id: 1, MsgType: msgType, Msg: qbz, Digest: digest, Relayers: []uint64{1}}
		if err := types.CheckPendingEvent(p); err != nil {
			t.Fatalf("queue item does not check: %v", err)
		}
		back, err := types.DecodePendingEvent(p)
		if err != nil {
			t.Fatalf("DecodePendingEvent: %v", err)
		}
		backWire, err := proto.Marshal(back)
		if err != nil || string(backWire) != string(wire) {
			t.Fatalf("queue form does not round-trip")
		}
		// The digest ignores the submitter only.
		other := &types.MsgConfigChanged{}
		if err := proto.Unmarshal(wire, other); err != nil {
			t.Fatal(err)
		}
		other.Submitter = "x"
		if _, _, d2, err := types.EncodePendingEvent(other); err != nil || string(d2) != string(digest) {
			t.Fatalf("the digest depends on the submitter")
		}
		next, _, _ := types.DefaultL1Config().Apply(m)
		if err := next.Validate(); err != nil {
			t.Fatalf("accepted change %+v makes the default configuration invalid: %v", m, err)
		}
	})
}
