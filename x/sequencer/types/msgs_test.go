package types_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// msgsRequireOnly requires err to be want and no other registered error.
func msgsRequireOnly(t *testing.T, err error, want *errorsmod.Error, name string) {
	t.Helper()
	require.ErrorIs(t, err, want, name)
	for _, other := range sequencertest.AllErrors {
		if other != want {
			require.NotErrorIs(t, err, other, name)
		}
	}
}

func msgsSubmitter(t *testing.T) string {
	sequencertest.SetBech32Prefixes()
	return sequencertest.Bech32(t, []byte("submitter-account-01"))
}

// msgsBreakChecksum changes the last character of a bech32 string.
func msgsBreakChecksum(s string) string {
	last := "q"
	if strings.HasSuffix(s, "q") {
		last = "p"
	}
	return s[:len(s)-1] + last
}

// Every relayed message's header, one table for all eight types.
func TestMsgs_EventHeaderValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	_, pub := sequencertest.NewSignerKey(t, 1)
	ref := sequencertest.Ref(1)
	valid := []func() types.L1EventMsg{
		func() types.L1EventMsg {
			return sequencertest.Locked(sub, ref, 1, sequencertest.Owner(1), pub, sequencertest.Tokens(20_000))
		},
		func() types.L1EventMsg {
			return sequencertest.Relocked(sub, ref, 1, 2, sequencertest.Tokens(1), sequencertest.Tokens(1))
		},
		func() types.L1EventMsg {
			return sequencertest.Withdrawn(sub, ref, 1, 2, sequencertest.Tokens(1), sequencertest.Tokens(1))
		},
		func() types.L1EventMsg { return sequencertest.UnlockInitiated(sub, ref, 1, 2, 1_800_000_000) },
		func() types.L1EventMsg { return sequencertest.UnlockClaimed(sub, ref, 1, 2, math.ZeroInt()) },
		func() types.L1EventMsg { return sequencertest.SignerChanged(sub, ref, 1, 2, pub) },
		func() types.L1EventMsg {
			return sequencertest.RewardRecipientChanged(sub, ref, 1, 2, sequencertest.Owner(2))
		},
		func() types.L1EventMsg {
			return sequencertest.Slashed(sub, ref, 1, 2, 1, sequencertest.OffenceID(1), math.ZeroInt(), math.ZeroInt())
		},
	}
	type header struct {
		sub       *string
		ref       *types.L1EventRef
		id, nonce *uint64
	}
	headerOf := func(m types.L1EventMsg) header {
		switch m := m.(type) {
		case *types.MsgLocked:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgRelocked:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgWithdrawn:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgUnlockInitiated:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgUnlockClaimed:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgSignerChanged:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgRewardRecipientChanged:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		case *types.MsgSlashed:
			return header{&m.Submitter, &m.Event, &m.SequencerId, &m.Nonce}
		}
		panic("unknown")
	}
	for _, mk := range valid {
		m := mk()
		require.NoError(t, m.ValidateBasic(), "%T", m)
		require.Equal(t, sub, m.GetSubmitter())
		require.Equal(t, ref, m.GetEvent())
		require.Equal(t, uint64(1), m.GetSequencerId())
		for name, tc := range map[string]struct {
			mutate func(h header)
			want   *errorsmod.Error
		}{
			"empty submitter":     {func(h header) { *h.sub = "" }, types.ErrInvalidAddress},
			"bad checksum":        {func(h header) { *h.sub = msgsBreakChecksum(sub) }, types.ErrInvalidAddress},
			"other prefix":        {func(h header) { *h.sub = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu" }, types.ErrInvalidAddress},
			"hash without 0x":     {func(h header) { h.ref.TxHash = "00" + h.ref.TxHash[2:] }, types.ErrInvalidEventRef},
			"hash too short":      {func(h header) { h.ref.TxHash = h.ref.TxHash[:65] }, types.ErrInvalidEventRef},
			"hash not hex":        {func(h header) { h.ref.TxHash = "0x" + strings.Repeat("x", 64) }, types.ErrInvalidEventRef},
			"hash empty":          {func(h header) { h.ref.TxHash = "" }, types.ErrInvalidEventRef},
			"block 0":             {func(h header) { h.ref.BlockNumber = 0 }, types.ErrInvalidEventRef},
			"sequencer id 0":      {func(h header) { *h.id = 0 }, types.ErrSequencerNotFound},
			"nonce 0":             {func(h header) { *h.nonce = 0 }, types.ErrNonceOutOfOrder},
			"submitter and block": {func(h header) { *h.sub = ""; h.ref.BlockNumber = 0 }, types.ErrInvalidAddress},
		} {
			m := mk()
			tc.mutate(headerOf(m))
			msgsRequireOnly(t, m.ValidateBasic(), tc.want, name)
		}
	}
}

func TestMsgs_LockedValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	_, pub := sequencertest.NewSignerKey(t, 1)
	valid := func() *types.MsgLocked {
		return sequencertest.Locked(sub, sequencertest.Ref(1), 1, sequencertest.Owner(1), pub, math.NewInt(1))
	}
	require.NoError(t, valid().ValidateBasic(), "min_lock is a state check, any positive amount passes")
	upper := valid()
	upper.Owner = "0x" + strings.ToUpper(upper.Owner[2:])
	require.NoError(t, upper.ValidateBasic())

	for name, tc := range map[string]struct {
		mutate func(m *types.MsgLocked)
		want   *errorsmod.Error
	}{
		"nonce 2":             {func(m *types.MsgLocked) { m.Nonce = 2 }, types.ErrNonceOutOfOrder},
		"owner empty":         {func(m *types.MsgLocked) { m.Owner = "" }, types.ErrInvalidAddress},
		"owner no 0x":         {func(m *types.MsgLocked) { m.Owner = m.Owner[2:] + "00" }, types.ErrInvalidAddress},
		"owner short":         {func(m *types.MsgLocked) { m.Owner = m.Owner[:41] }, types.ErrInvalidAddress},
		"owner not hex":       {func(m *types.MsgLocked) { m.Owner = "0x" + strings.Repeat("o", 40) }, types.ErrInvalidAddress},
		"reward empty":        {func(m *types.MsgLocked) { m.RewardRecipient = "" }, types.ErrInvalidAddress},
		"reward not hex":      {func(m *types.MsgLocked) { m.RewardRecipient = "0x" + strings.Repeat("r", 40) }, types.ErrInvalidAddress},
		"key 63 bytes":        {func(m *types.MsgLocked) { m.PubKey = m.PubKey[:63] }, types.ErrInvalidPubKey},
		"key 65 bytes":        {func(m *types.MsgLocked) { m.PubKey = append(m.PubKey, 9) }, types.ErrInvalidPubKey},
		"key with 04":         {func(m *types.MsgLocked) { m.PubKey = append([]byte{4}, m.PubKey...) }, types.ErrInvalidPubKey},
		"key off curve":       {func(m *types.MsgLocked) { m.PubKey = sequencertest.OffCurveKey(m.PubKey) }, types.ErrInvalidPubKey},
		"key nil":             {func(m *types.MsgLocked) { m.PubKey = nil }, types.ErrInvalidPubKey},
		"amount zero":         {func(m *types.MsgLocked) { m.Amount = math.ZeroInt() }, types.ErrInvalidAmount},
		"amount negative":     {func(m *types.MsgLocked) { m.Amount = math.NewInt(-1) }, types.ErrInvalidAmount},
		"amount nil":          {func(m *types.MsgLocked) { m.Amount = math.Int{} }, types.ErrInvalidAmount},
		"owner before key":    {func(m *types.MsgLocked) { m.Owner, m.PubKey = "", nil }, types.ErrInvalidAddress},
		"key before amount":   {func(m *types.MsgLocked) { m.PubKey, m.Amount = nil, math.Int{} }, types.ErrInvalidPubKey},
		"header before nonce": {func(m *types.MsgLocked) { m.Nonce, m.SequencerId = 2, 0 }, types.ErrSequencerNotFound},
	} {
		m := valid()
		tc.mutate(m)
		msgsRequireOnly(t, m.ValidateBasic(), tc.want, name)
	}
}

func TestMsgs_AmountsValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	ref := sequencertest.Ref(1)
	one, two := math.NewInt(1), math.NewInt(2)
	for name, tc := range map[string]struct {
		msg  types.L1EventMsg
		want *errorsmod.Error // nil: valid
	}{
		"relock ok":               {sequencertest.Relocked(sub, ref, 1, 2, one, two), nil},
		"relock total = amount":   {sequencertest.Relocked(sub, ref, 1, 2, two, two), nil},
		"relock amount zero":      {sequencertest.Relocked(sub, ref, 1, 2, math.ZeroInt(), two), types.ErrInvalidAmount},
		"relock amount negative":  {sequencertest.Relocked(sub, ref, 1, 2, math.NewInt(-1), two), types.ErrInvalidAmount},
		"relock amount nil":       {sequencertest.Relocked(sub, ref, 1, 2, math.Int{}, two), types.ErrInvalidAmount},
		"relock total zero":       {sequencertest.Relocked(sub, ref, 1, 2, one, math.ZeroInt()), types.ErrInvalidAmount},
		"relock total nil":        {sequencertest.Relocked(sub, ref, 1, 2, one, math.Int{}), types.ErrInvalidAmount},
		"relock total < amount":   {sequencertest.Relocked(sub, ref, 1, 2, two, one), types.ErrInvalidAmount},
		"withdraw ok":             {sequencertest.Withdrawn(sub, ref, 1, 2, two, one), nil},
		"withdraw amount zero":    {sequencertest.Withdrawn(sub, ref, 1, 2, math.ZeroInt(), one), types.ErrInvalidAmount},
		"withdraw amount nil":     {sequencertest.Withdrawn(sub, ref, 1, 2, math.Int{}, one), types.ErrInvalidAmount},
		"withdraw total zero":     {sequencertest.Withdrawn(sub, ref, 1, 2, one, math.ZeroInt()), types.ErrInvalidAmount},
		"withdraw total negative": {sequencertest.Withdrawn(sub, ref, 1, 2, one, math.NewInt(-3)), types.ErrInvalidAmount},
		"withdraw total nil":      {sequencertest.Withdrawn(sub, ref, 1, 2, one, math.Int{}), types.ErrInvalidAmount},
		"claim zero":              {sequencertest.UnlockClaimed(sub, ref, 1, 2, math.ZeroInt()), nil},
		"claim positive":          {sequencertest.UnlockClaimed(sub, ref, 1, 2, two), nil},
		"claim negative":          {sequencertest.UnlockClaimed(sub, ref, 1, 2, math.NewInt(-1)), types.ErrInvalidAmount},
		"claim nil":               {sequencertest.UnlockClaimed(sub, ref, 1, 2, math.Int{}), types.ErrInvalidAmount},
		"unlock any nonce":        {sequencertest.UnlockInitiated(sub, ref, 1, 99, 1), nil},
	} {
		err := tc.msg.ValidateBasic()
		if tc.want == nil {
			require.NoError(t, err, name)
			continue
		}
		msgsRequireOnly(t, err, tc.want, name)
	}
}

func TestMsgs_SignerChangedValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	_, pub := sequencertest.NewSignerKey(t, 3)
	require.NoError(t, sequencertest.SignerChanged(sub, sequencertest.Ref(1), 1, 2, pub).ValidateBasic())
	for name, key := range map[string][]byte{
		"nil":       nil,
		"63 bytes":  pub[:63],
		"65 bytes":  append(append([]byte(nil), pub...), 1),
		"with 04":   append([]byte{4}, pub...),
		"off curve": sequencertest.OffCurveKey(pub),
		"zeros":     make([]byte, 64),
	} {
		msgsRequireOnly(t, sequencertest.SignerChanged(sub, sequencertest.Ref(1), 1, 2, key).ValidateBasic(), types.ErrInvalidPubKey, name)
	}
}

// The claim time comes from the contract: it must be set, and fit a protobuf Timestamp.
func TestMsgs_UnlockInitiatedNeedsUnlockableAt(t *testing.T) {
	sub := msgsSubmitter(t)
	ref := sequencertest.Ref(1)
	for name, tc := range map[string]struct {
		at   uint64
		want *errorsmod.Error // nil: valid
	}{
		"one second":           {1, nil},
		"a real time":          {1_800_000_000, nil},
		"last storable time":   {types.MaxUnlockableAt, nil},
		"zero":                 {0, types.ErrInvalidUnlockTime},
		"after year 9999":      {types.MaxUnlockableAt + 1, types.ErrInvalidUnlockTime},
		"largest uint64":       {^uint64(0), types.ErrInvalidUnlockTime},
		"header checked first": {0, types.ErrInvalidAddress},
	} {
		m := sequencertest.UnlockInitiated(sub, ref, 1, 2, tc.at)
		if name == "header checked first" {
			m.Submitter = ""
		}
		err := m.ValidateBasic()
		if tc.want == nil {
			require.NoError(t, err, name)
			continue
		}
		msgsRequireOnly(t, err, tc.want, name)
	}
}

func TestMsgs_RewardRecipientChangedValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	ref := sequencertest.Ref(1)
	owner := sequencertest.Owner(5)
	for name, tc := range map[string]struct {
		recipient string
		want      *errorsmod.Error // nil: valid
	}{
		"lowercase":        {owner, nil},
		"mixed case":       {"0x" + strings.ToUpper(owner[2:]), nil},
		"zero address":     {"0x" + strings.Repeat("0", 40), nil},
		"empty":            {"", types.ErrInvalidAddress},
		"without 0x":       {owner[2:] + "00", types.ErrInvalidAddress},
		"19 bytes":         {owner[:40], types.ErrInvalidAddress},
		"21 bytes":         {owner + "00", types.ErrInvalidAddress},
		"not hex":          {"0x" + strings.Repeat("g", 40), types.ErrInvalidAddress},
		"a tx hash":        {sequencertest.TxHash(1), types.ErrInvalidAddress},
		"bech32 address":   {sub, types.ErrInvalidAddress},
		"only the prefix":  {"0x", types.ErrInvalidAddress},
		"whitespace after": {owner + " ", types.ErrInvalidAddress},
	} {
		err := sequencertest.RewardRecipientChanged(sub, ref, 1, 2, tc.recipient).ValidateBasic()
		if tc.want == nil {
			require.NoError(t, err, name)
			continue
		}
		msgsRequireOnly(t, err, tc.want, name)
	}
}

func TestMsgs_SlashedValidateBasic(t *testing.T) {
	sub := msgsSubmitter(t)
	valid := func() *types.MsgSlashed {
		return sequencertest.Slashed(sub, sequencertest.Ref(1), 1, 2, 7, sequencertest.OffenceID(1), math.NewInt(5), math.NewInt(10))
	}
	for name, mutate := range map[string]func(m *types.MsgSlashed){
		"medium":                     func(m *types.MsgSlashed) { m.Severity = types.SeverityMedium },
		"high":                       func(m *types.MsgSlashed) { m.Severity = types.SeverityHigh },
		"critical":                   func(m *types.MsgSlashed) { m.Severity = types.SeverityCritical },
		"nothing left to take":       func(m *types.MsgSlashed) { m.Amount, m.Total, m.EscrowId = math.ZeroInt(), math.ZeroInt(), 0 },
		"everything taken":           func(m *types.MsgSlashed) { m.Total = math.ZeroInt() },
		"total above amount":         func(m *types.MsgSlashed) { m.Amount, m.Total = math.NewInt(1), math.NewInt(100) },
		"amount above total":         func(m *types.MsgSlashed) { m.Amount, m.Total = math.NewInt(100), math.NewInt(1) },
		"offence id of zeros":        func(m *types.MsgSlashed) { m.OffenceId = make([]byte, 32) },
		"largest escrow id":          func(m *types.MsgSlashed) { m.EscrowId = ^uint64(0) },
		"amount of 256 bits (token)": func(m *types.MsgSlashed) { m.Amount = sequencertest.Tokens(1_000_000_000) },
	} {
		m := valid()
		mutate(m)
		require.NoError(t, m.ValidateBasic(), name)
	}
	for name, tc := range map[string]struct {
		mutate func(m *types.MsgSlashed)
		want   *errorsmod.Error
	}{
		"severity 0":            {func(m *types.MsgSlashed) { m.Severity = 0 }, types.ErrInvalidOffence},
		"severity 4":            {func(m *types.MsgSlashed) { m.Severity = 4 }, types.ErrInvalidOffence},
		"severity 255":          {func(m *types.MsgSlashed) { m.Severity = 255 }, types.ErrInvalidOffence},
		"offence id nil":        {func(m *types.MsgSlashed) { m.OffenceId = nil }, types.ErrInvalidOffence},
		"offence id 31 bytes":   {func(m *types.MsgSlashed) { m.OffenceId = m.OffenceId[:31] }, types.ErrInvalidOffence},
		"offence id 33 bytes":   {func(m *types.MsgSlashed) { m.OffenceId = append(m.OffenceId, 0) }, types.ErrInvalidOffence},
		"amount negative":       {func(m *types.MsgSlashed) { m.Amount = math.NewInt(-1) }, types.ErrInvalidAmount},
		"amount nil":            {func(m *types.MsgSlashed) { m.Amount = math.Int{} }, types.ErrInvalidAmount},
		"total negative":        {func(m *types.MsgSlashed) { m.Total = math.NewInt(-1) }, types.ErrInvalidAmount},
		"total nil":             {func(m *types.MsgSlashed) { m.Total = math.Int{} }, types.ErrInvalidAmount},
		"offence before amount": {func(m *types.MsgSlashed) { m.OffenceId, m.Amount = nil, math.Int{} }, types.ErrInvalidOffence},
		"header before offence": {func(m *types.MsgSlashed) { m.SequencerId, m.Severity = 0, 0 }, types.ErrSequencerNotFound},
	} {
		m := valid()
		tc.mutate(m)
		msgsRequireOnly(t, m.ValidateBasic(), tc.want, name)
	}
}

func TestMsgs_UpdateParamsValidateBasic(t *testing.T) {
	auth := msgsSubmitter(t)
	require.NoError(t, (&types.MsgUpdateParams{Authority: auth, Params: types.DefaultParams()}).ValidateBasic())
	msgsRequireOnly(t, (&types.MsgUpdateParams{Authority: "", Params: types.DefaultParams()}).ValidateBasic(), types.ErrInvalidAddress, "empty")
	msgsRequireOnly(t, (&types.MsgUpdateParams{Authority: "gov", Params: types.DefaultParams()}).ValidateBasic(), types.ErrInvalidAddress, "not bech32")
	bad := types.DefaultParams()
	bad.EventTtlBlocks = 0
	msgsRequireOnly(t, (&types.MsgUpdateParams{Authority: auth, Params: bad}).ValidateBasic(), types.ErrInvalidParams, "params")
	msgsRequireOnly(t, (&types.MsgUpdateParams{Authority: "", Params: bad}).ValidateBasic(), types.ErrInvalidAddress, "authority first")
}

func TestMsgs_UpdateWhitelistValidateBasic(t *testing.T) {
	auth := msgsSubmitter(t)
	a, b := sequencertest.Owner(1), sequencertest.Owner(2)
	for name, m := range map[string]*types.MsgUpdateWhitelist{
		"add":                 {Add: []string{a}},
		"remove":              {Remove: []string{a}},
		"add and remove":      {Add: []string{a}, Remove: []string{b}},
		"mixed case":          {Add: []string{"0x" + strings.ToUpper(a[2:])}},
		"several of each":     {Add: []string{a, b}, Remove: []string{sequencertest.Owner(3), sequencertest.Owner(4)}},
		"empty add, a remove": {Add: []string{}, Remove: []string{b}},
	} {
		m.Authority = auth
		require.NoError(t, m.ValidateBasic(), name)
	}
	for name, m := range map[string]*types.MsgUpdateWhitelist{
		"no authority":         {Authority: "", Add: []string{a}},
		"nothing":              {Authority: auth},
		"bad add":              {Authority: auth, Add: []string{"0x1"}},
		"bad remove":           {Authority: auth, Remove: []string{a[2:]}},
		"dup add":              {Authority: auth, Add: []string{a, a}},
		"dup across lists":     {Authority: auth, Add: []string{a}, Remove: []string{a}},
		"dup differing case":   {Authority: auth, Add: []string{a}, Remove: []string{"0x" + strings.ToUpper(a[2:])}},
		"empty string entry":   {Authority: auth, Add: []string{""}},
		"good then bad remove": {Authority: auth, Add: []string{a}, Remove: []string{b, "nope"}},
	} {
		msgsRequireOnly(t, m.ValidateBasic(), types.ErrInvalidAddress, name)
	}
}

func TestMsgs_EditDescriptionValidateBasic(t *testing.T) {
	sender := msgsSubmitter(t)
	full := types.Description{
		Moniker:   strings.Repeat("m", types.MaxMonikerLen),
		Website:   strings.Repeat("w", types.MaxWebsiteLen),
		AvatarUrl: strings.Repeat("a", types.MaxAvatarURLLen),
		Details:   strings.Repeat("d", types.MaxDetailsLen),
	}
	require.Equal(t, []int{70, 140, 256, 280}, []int{types.MaxMonikerLen, types.MaxWebsiteLen, types.MaxAvatarURLLen, types.MaxDetailsLen})
	require.NoError(t, (&types.MsgEditDescription{Sender: sender, Description: full}).ValidateBasic())
	require.NoError(t, (&types.MsgEditDescription{Sender: sender}).ValidateBasic(), "an empty description clears it")
	for name, mutate := range map[string]func(d *types.Description){
		"moniker":    func(d *types.Description) { d.Moniker += "m" },
		"website":    func(d *types.Description) { d.Website += "w" },
		"avatar_url": func(d *types.Description) { d.AvatarUrl += "a" },
		"details":    func(d *types.Description) { d.Details += "d" },
		// Lengths are bytes: 36 three-byte runes are 108 bytes > 70.
		"moniker in bytes": func(d *types.Description) { d.Moniker = strings.Repeat("€", 36) },
	} {
		d := full
		mutate(&d)
		err := (&types.MsgEditDescription{Sender: sender, Description: d}).ValidateBasic()
		msgsRequireOnly(t, err, types.ErrInvalidDescription, name)
		require.ErrorIs(t, d.Validate(), types.ErrInvalidDescription)
	}
	msgsRequireOnly(t, (&types.MsgEditDescription{Sender: "", Description: full}).ValidateBasic(), types.ErrInvalidAddress, "no sender")
}
