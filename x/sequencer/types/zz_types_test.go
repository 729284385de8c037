package types_test

import (
	"bytes"
	"sort"
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

func TestErrorsAreRegisteredAndDistinct(t *testing.T) {
	codes := map[uint32]bool{}
	for _, e := range sequencertest.AllErrors {
		require.Equal(t, types.ModuleName, e.Codespace())
		require.False(t, codes[e.ABCICode()], "code %d used twice", e.ABCICode())
		codes[e.ABCICode()] = true
		require.NotEmpty(t, e.Error())
	}
}

func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := map[string]func(p *types.Params){
		"no chain id":     func(p *types.Params) { p.L1ChainId = 0 },
		"bad contract":    func(p *types.Params) { p.StakingContract = "0xabc" },
		"zero ttl":        func(p *types.Params) { p.EventTtlBlocks = 0 },
		"zero queue size": func(p *types.Params) { p.MaxPendingEvents = 0 },
	}
	for name, mutate := range cases {
		p := types.DefaultParams()
		mutate(&p)
		require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, name)
	}
}

func TestVotingPower(t *testing.T) {
	max := types.DefaultL1Config().MaxLock
	require.Equal(t, int64(100_000), max.Quo(types.OneToken).Int64())
	for _, tc := range []struct {
		locked math.Int
		want   int64
	}{
		{math.ZeroInt(), 0},
		{types.OneToken.SubRaw(1), 0},
		{types.OneToken.MulRaw(20_000).AddRaw(999), 20_000},
		{max, 100_000},
		{max.MulRaw(3), 100_000},
	} {
		require.Equal(t, tc.want, types.VotingPower(tc.locked, max), tc.locked.String())
	}
}

func TestSignerKeyForms(t *testing.T) {
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	pub := crypto.FromECDSAPub(&priv.PublicKey)[1:]
	key, err := types.ParseSignerKey(pub)
	require.NoError(t, err)
	require.Equal(t, bytes.ToLower([]byte(crypto.PubkeyToAddress(priv.PublicKey).Hex())), []byte(key.L1Address()))
	require.Len(t, key.Compressed(), 33)
	require.Equal(t, []byte(key.ConsAddress()), []byte(key.AccAddress()))
	for _, bad := range [][]byte{pub[:63], append(append([]byte{}, pub...), 0), append([]byte{4}, pub...), make([]byte, 64)} {
		_, err := types.ParseSignerKey(bad)
		require.Error(t, err)
	}
}

func validSequencer(t *testing.T, id uint64) types.Sequencer {
	priv, err := crypto.GenerateKey()
	require.NoError(t, err)
	pub := crypto.FromECDSAPub(&priv.PublicKey)[1:]
	key, err := types.ParseSignerKey(pub)
	require.NoError(t, err)
	owner := "0x00000000000000000000000000000000000000aa"
	return types.Sequencer{Id: id, Owner: owner, Signer: key.L1Address(), PubKey: pub, Locked: types.OneToken.MulRaw(30_000),
		RewardRecipient: owner, Status: types.SEQUENCER_STATUS_ACTIVE}
}

func TestGenesisValidate(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate())
	cases := map[string]func(gs *types.GenesisState){
		"duplicate id": func(gs *types.GenesisState) {
			s := validSequencer(t, 1)
			gs.Sequencers = []types.Sequencer{s, validSequencer(t, 1)}
		},
		"signer does not match key": func(gs *types.GenesisState) {
			s := validSequencer(t, 1)
			s.Signer = "0x00000000000000000000000000000000000000bb"
			gs.Sequencers = []types.Sequencer{s}
		},
		"upper-case owner": func(gs *types.GenesisState) {
			s := validSequencer(t, 1)
			s.Owner = "0x00000000000000000000000000000000000000AA"
			gs.Sequencers = []types.Sequencer{s}
		},
		"same signer twice": func(gs *types.GenesisState) {
			s := validSequencer(t, 1)
			s2 := s
			s2.Id = 2
			gs.Sequencers = []types.Sequencer{s, s2}
		},
		"pending id not below next": func(gs *types.GenesisState) {
			gs.PendingEvents = []types.PendingEvent{{Id: 1, Digest: make([]byte, 32), Msg: []byte{1}, MsgType: "x"}}
			gs.NextPendingId = 1
		},
		"unspecified status": func(gs *types.GenesisState) {
			s := validSequencer(t, 1)
			s.Status = types.SEQUENCER_STATUS_UNSPECIFIED
			gs.Sequencers = []types.Sequencer{s}
		},
		"history out of order": func(gs *types.GenesisState) {
			gs.ValidatorHistory = []types.ValidatorSetEntry{{Height: 5}, {Height: 5}}
		},
		"duplicate pending id": func(gs *types.GenesisState) {
			p := types.PendingEvent{Id: 1, Digest: make([]byte, 32), Msg: []byte{1}, MsgType: "x"}
			q := p
			q.Digest = append([]byte{1}, make([]byte, 31)...)
			gs.PendingEvents, gs.NextPendingId = []types.PendingEvent{p, q}, 2
		},
		"duplicate pending digest": func(gs *types.GenesisState) {
			p := types.PendingEvent{Id: 1, Digest: make([]byte, 32), Msg: []byte{1}, MsgType: "x"}
			q := p
			q.Id = 2
			gs.PendingEvents, gs.NextPendingId = []types.PendingEvent{p, q}, 3
		},
		"retired signer still in use": func(gs *types.GenesisState) {
			s := validSequencer(t, 1)
			gs.Sequencers = []types.Sequencer{s}
			gs.RetiredSigners = []string{s.Signer}
		},
		"duplicate whitelist": func(gs *types.GenesisState) {
			gs.Whitelist = []string{"0x00000000000000000000000000000000000000aa", "0x00000000000000000000000000000000000000aa"}
		},
	}
	for name, mutate := range cases {
		gs := types.DefaultGenesis()
		mutate(gs)
		require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, name)
	}
}

// Applying DiffValidatorSets(old, next) to old yields exactly next.
func TestPropertyDiffValidatorSets(t *testing.T) {
	keys := make([][]byte, 12)
	for i := range keys {
		priv, err := crypto.GenerateKey()
		require.NoError(t, err)
		keys[i] = crypto.CompressPubkey(&priv.PublicKey)
	}
	genSet := func(t *rapid.T, label string) types.ValidatorSet {
		var members []types.ValidatorPower
		for i, k := range keys {
			if p := rapid.Int64Range(0, 5).Draw(t, label+"-power"); p > 0 {
				members = append(members, types.ValidatorPower{PubKey: k, Power: p, SequencerId: uint64(i + 1)})
			}
		}
		return types.BuildValidatorSet(members)
	}
	rapid.Check(t, func(t *rapid.T) {
		old, next := genSet(t, "old"), genSet(t, "next")
		updates := types.DiffValidatorSets(old, next)
		state := map[string]int64{}
		for _, v := range old.Validators {
			state[string(v.PubKey)] = v.Power
		}
		seen := map[string]bool{}
		for _, u := range updates {
			k := string(u.PubKey.GetSecp256K1())
			if seen[k] {
				t.Fatalf("key updated twice")
			}
			seen[k] = true
			if u.Power == 0 {
				delete(state, k)
			} else {
				state[k] = u.Power
			}
		}
		want := map[string]int64{}
		for _, v := range next.Validators {
			want[string(v.PubKey)] = v.Power
		}
		require.Equal(t, want, state)
		require.Equal(t, updates, types.DiffValidatorSets(old, next), "deterministic")
		require.True(t, sort.SliceIsSorted(next.Validators, func(i, j int) bool {
			return next.Validators[i].Power > next.Validators[j].Power ||
				(next.Validators[i].Power == next.Validators[j].Power && next.Validators[i].SequencerId < next.Validators[j].SequencerId)
		}))
	})
}
