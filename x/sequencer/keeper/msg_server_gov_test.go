package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func TestMsgServer_UpdateParams(t *testing.T) {
	e := sqPool(t)
	good := types.DefaultParams()
	good.L1Confirmations = 64
	good.StakingContract = "0x00000000000000000000000000000000000000AA"

	for _, who := range []string{e.Relayer, "", strings.ToUpper(e.Authority), e.Authority + "x"} {
		before := sqDump(t, e)
		_, err := e.Msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: who, Params: good})
		require.ErrorIs(t, err, types.ErrUnauthorized, "authority %q", who)
		require.Equal(t, before, sqDump(t, e))
	}

	// Every Validate branch is refused and leaves the params as they were.
	for name, mutate := range sqInvalidParams() {
		p := types.DefaultParams()
		mutate(&p)
		_, err := e.Msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: p})
		require.ErrorIs(t, err, types.ErrInvalidParams, name)
		got, err := e.K.GetParams(e.Ctx)
		require.NoError(t, err)
		require.Equal(t, types.DefaultParams(), got, name)
	}

	resp, err := e.Msg.UpdateParams(e.Ctx, &types.MsgUpdateParams{Authority: e.Authority, Params: good})
	require.NoError(t, err)
	require.NotNil(t, resp)
	got, err := e.K.GetParams(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, good, got, "stored exactly as given")

	// The lock limits are not parameters: params leave L1Config alone.
	config, err := e.K.L1Config.Get(e.Ctx)
	require.NoError(t, err)
	require.Equal(t, types.DefaultL1Config(), config)
}

// sqInvalidParams names a mutation for every branch of Params.Validate.
func sqInvalidParams() map[string]func(p *types.Params) {
	return map[string]func(p *types.Params){
		"l1_chain_id zero":            func(p *types.Params) { p.L1ChainId = 0 },
		"staking_contract empty":      func(p *types.Params) { p.StakingContract = "" },
		"staking_contract without 0x": func(p *types.Params) { p.StakingContract = strings.Repeat("0", 42) },
		"staking_contract not hex":    func(p *types.Params) { p.StakingContract = "0x" + strings.Repeat("q", 40) },
		"staking_contract 21 bytes":   func(p *types.Params) { p.StakingContract = "0x" + strings.Repeat("0", 42) },
		"event_ttl_blocks zero":       func(p *types.Params) { p.EventTtlBlocks = 0 },
		"max_pending_events zero":     func(p *types.Params) { p.MaxPendingEvents = 0 },
	}
}

func TestMsgServer_UpdateWhitelist(t *testing.T) {
	e := sequencertest.NewEnv(t)
	a, b := sqOwner(1), sqOwner(2)

	_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Relayer, Add: []string{a}})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: "", Add: []string{a}})
	require.ErrorIs(t, err, types.ErrUnauthorized)

	for name, m := range map[string]*types.MsgUpdateWhitelist{
		"nothing to do":        {},
		"add without 0x":       {Add: []string{a[2:] + "00"}},
		"add not hex":          {Add: []string{"0x" + strings.Repeat("z", 40)}},
		"add short":            {Add: []string{a[:41]}},
		"remove malformed":     {Remove: []string{"0x12"}},
		"added twice":          {Add: []string{a, a}},
		"added twice in cases": {Add: []string{a, strings.Replace(a, "a", "A", 1)}},
		"added and removed":    {Add: []string{a}, Remove: []string{a}},
		"removed twice":        {Remove: []string{b, b}},
	} {
		before := sqDump(t, e)
		m.Authority = e.Authority
		_, err := e.Msg.UpdateWhitelist(e.Ctx, m)
		require.ErrorIs(t, err, types.ErrInvalidAddress, name)
		require.Equal(t, before, sqDump(t, e), name)
	}

	require.NoError(t, e.K.Banned.Set(e.Ctx, b))
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Add: []string{b}})
	require.ErrorIs(t, err, types.ErrBanned)
	has, err := e.K.Whitelist.Has(e.Ctx, b)
	require.NoError(t, err)
	require.False(t, has)

	// Mixed-case input is stored lower-case; the event names what changed.
	e.FreshEvents()
	upper := "0x00000000000000000000000000000000000000AB"
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Add: []string{upper, a}})
	require.NoError(t, err)
	require.Equal(t, sqSorted(a, strings.ToLower(upper), sequencertest.RelayerOwner), sqDump(t, e).Whitelist)
	evs := sequencertest.TypedEvents[*types.EventWhitelistUpdated](t, e.Ctx)
	require.Len(t, evs, 1)
	require.Equal(t, []string{strings.ToLower(upper), a}, evs[0].Added)
	require.Empty(t, evs[0].Removed)

	// Removing an owner that is not listed is harmless.
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{sqOwner(99)}})
	require.NoError(t, err)
	_, err = e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{upper}})
	require.NoError(t, err)
	require.Equal(t, sqSorted(a, sequencertest.RelayerOwner), sqDump(t, e).Whitelist)
}

// The whitelist is the chain's admission. Removing an owner offboards it: its ACTIVE
// sequencers become NOT_ADMITTED with no power (L1 keeps their stake); JAILED, UNLOCKING,
// UNLOCKED and REMOVED records keep their status. Adding the owner again admits its
// NOT_ADMITTED sequencers that meet every other rule, and nothing else.
func TestMsgServer_WhitelistRemovalOffboardsActiveSequencers(t *testing.T) {
	e := sqPool(t)
	owner := sqOwner(1)
	e.Join(2, owner, sqTokens(40_000))
	e.Join(3, owner, sqTokens(50_000))
	e.Join(4, owner, sqTokens(60_000))
	e.Join(5, sqOwner(5), sqTokens(30_000))
	sqSetStatus(t, e, 2, types.SEQUENCER_STATUS_JAILED)
	sqExit(t, e, 3, false) // UNLOCKING
	sqExit(t, e, 4, true)  // UNLOCKED
	e.Join(6, owner, sqTokens(30_000))
	sqSetStatus(t, e, 6, types.SEQUENCER_STATUS_REMOVED)
	before := map[uint64]types.Sequencer{}
	for _, id := range []uint64{2, 3, 4, 5, 6} {
		before[id] = e.Seq(id)
	}
	require.Equal(t, owner, e.Seq(sqSeq1).Owner)
	e.AtHeight(20)
	e.FreshEvents()
	_, err := e.Msg.UpdateWhitelist(e.Ctx, &types.MsgUpdateWhitelist{Authority: e.Authority, Remove: []string{owner}})
	require.NoError(t, err)
	for id, s := range before {
		require.Equal(t, s, e.Seq(id), "sequencer %d is left alone", id)
	}
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(sqSeq1).Status, "the ACTIVE sequencer is offboarded")
	require.Contains(t, e.Seq(sqSeq1).StatusReason, "removed from the whitelist")
	require.Equal(t, int64(0), sqPower(t, e, sqSeq1))
	wl := sequencertest.TypedEvents[*types.EventWhitelistUpdated](t, e.Ctx)
	require.Len(t, wl, 1)
	require.Equal(t, []string{owner}, wl[0].Removed)

	// A lock of the removed owner is recorded as L1 says, but not admitted.
	pub, _ := e.NewKey()
	e.Apply(e.LockMsg(7, owner, pub, sqTokens(30_000)))
	require.Equal(t, types.SEQUENCER_STATUS_NOT_ADMITTED, e.Seq(7).Status)

	// Re-admitting the owner (a removed owner re-applies through governance) admits the
	// offboarded sequencer, the REMOVED one and that lock, and only them: JAILED,
	// UNLOCKING and UNLOCKED records keep their status.
	e.Whitelist(owner)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(sqSeq1).Status)
	require.Equal(t, int64(30_000), sqPower(t, e, sqSeq1))
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(7).Status)
	require.Equal(t, types.SEQUENCER_STATUS_ACTIVE, e.Seq(6).Status, "the removed sequencer is re-admitted")
	delete(before, 6)
	for id, s := range before {
		require.Equal(t, s, e.Seq(id), "sequencer %d is left alone", id)
	}
}

func TestMsgServer_EditDescription(t *testing.T) {
	e := sqPool(t)
	_, key := e.Join(2, sqOwner(2), sqTokens(30_000))
	sender := e.Account(key)
	full := types.Description{
		Moniker:   strings.Repeat("m", types.MaxMonikerLen),
		Website:   strings.Repeat("w", types.MaxWebsiteLen),
		AvatarUrl: strings.Repeat("a", types.MaxAvatarURLLen),
		Details:   strings.Repeat("d", types.MaxDetailsLen),
	}
	before := e.Seq(2)
	resp, err := e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: sender, Description: full})
	require.NoError(t, err)
	require.NotNil(t, resp)
	want := before
	want.Description = full
	require.Equal(t, want, e.Seq(2), "only the description changes, and exactly to the limits")
	require.Equal(t, types.Description{}, e.Seq(sqSeq1).Description)

	for name, mutate := range map[string]func(d *types.Description){
		"moniker":    func(d *types.Description) { d.Moniker += "m" },
		"website":    func(d *types.Description) { d.Website += "w" },
		"avatar_url": func(d *types.Description) { d.AvatarUrl += "a" },
		"details":    func(d *types.Description) { d.Details += "d" },
	} {
		d := full
		mutate(&d)
		_, err := e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: sender, Description: d})
		require.ErrorIs(t, err, types.ErrInvalidDescription, name)
		require.Contains(t, err.Error(), name)
		require.Equal(t, want, e.Seq(2), name)
	}

	for name, s := range map[string]string{
		"not a sequencer":   sequencertest.Bech32(t, []byte("someone-else-0000001")),
		"the gov authority": e.Authority,
	} {
		_, err := e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: s, Description: types.Description{Moniker: "x"}})
		require.ErrorIs(t, err, types.ErrNotSequencer, name)
	}
	for _, s := range []string{"", "themis1bad", "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu"} {
		_, err := e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: s, Description: types.Description{Moniker: "x"}})
		require.ErrorIs(t, err, types.ErrInvalidAddress, s)
	}
	require.Equal(t, want, e.Seq(2))

	// The account follows the signer: after a change only the new account may edit.
	newPub, newKey := e.NewKey()
	e.Apply(e.SignerChangeMsg(2, 2, newPub))
	_, err = e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: sender, Description: types.Description{Moniker: "old"}})
	require.ErrorIs(t, err, types.ErrNotSequencer)
	_, err = e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: e.Account(newKey), Description: types.Description{Moniker: "new"}})
	require.NoError(t, err)
	require.Equal(t, types.Description{Moniker: "new"}, e.Seq(2).Description)

	// A sequencer that left keeps its record and may still describe it.
	sqExit(t, e, 2, true)
	_, err = e.Msg.EditDescription(e.Ctx, &types.MsgEditDescription{Sender: e.Account(newKey), Description: types.Description{Moniker: "gone"}})
	require.NoError(t, err)
	require.Equal(t, "gone", e.Seq(2).Description.Moniker)
}
