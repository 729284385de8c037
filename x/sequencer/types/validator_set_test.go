package types_test

import (
	"bytes"
	"sort"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// vsKeys are fixed compressed keys, sorted by bytes so that tests can name the
// removal order.
func vsKeys(t testing.TB, n int) [][]byte {
	keys := make([][]byte, n)
	for i := range keys {
		_, pub := sequencertest.NewSignerKey(t, uint64(500+i))
		keys[i] = sequencertest.MustSignerKey(t, pub).Compressed()
	}
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
	return keys
}

type vsUpdate struct {
	Key   []byte
	Power int64
}

func vsUpdates(us []abci.ValidatorUpdate) []vsUpdate {
	out := []vsUpdate{}
	for _, u := range us {
		out = append(out, vsUpdate{u.PubKey.GetSecp256K1(), u.Power})
	}
	return out
}

func vsMember(key []byte, power int64, id uint64) types.ValidatorPower {
	return types.ValidatorPower{ConsAddress: key[:20], PubKey: key, Power: power, SequencerId: id}
}

func TestValidatorSet_Build(t *testing.T) {
	k := vsKeys(t, 5)
	set := types.BuildValidatorSet([]types.ValidatorPower{
		vsMember(k[0], 10, 4),
		vsMember(k[1], 30, 9),
		vsMember(k[2], 0, 1), // no power: left out
		vsMember(k[3], 10, 2),
		vsMember(k[4], 30, 3),
	})
	var ids []uint64
	for _, v := range set.Validators {
		ids = append(ids, v.SequencerId)
	}
	require.Equal(t, []uint64{3, 9, 2, 4}, ids, "power desc, then id asc")
	require.Equal(t, int64(80), set.TotalPower)

	empty := types.BuildValidatorSet(nil)
	require.Empty(t, empty.Validators)
	require.Zero(t, empty.TotalPower)
	allZero := types.BuildValidatorSet([]types.ValidatorPower{vsMember(k[0], 0, 1)})
	require.Empty(t, allZero.Validators)

	// The input is not reordered.
	in := []types.ValidatorPower{vsMember(k[0], 1, 2), vsMember(k[1], 2, 1)}
	_ = types.BuildValidatorSet(in)
	require.Equal(t, uint64(2), in[0].SequencerId)
}

func TestValidatorSet_Diff(t *testing.T) {
	k := vsKeys(t, 5)
	set := func(ms ...types.ValidatorPower) types.ValidatorSet { return types.BuildValidatorSet(ms) }
	cases := []struct {
		name      string
		old, next types.ValidatorSet
		want      []vsUpdate
	}{
		{"nothing to nothing", set(), set(), []vsUpdate{}},
		{"unchanged", set(vsMember(k[0], 5, 1), vsMember(k[1], 7, 2)), set(vsMember(k[1], 7, 2), vsMember(k[0], 5, 1)), []vsUpdate{}},
		{"genesis: all new, in set order", set(), set(vsMember(k[0], 5, 1), vsMember(k[1], 7, 2)),
			[]vsUpdate{{k[1], 7}, {k[0], 5}}},
		{"one added", set(vsMember(k[0], 5, 1)), set(vsMember(k[0], 5, 1), vsMember(k[2], 3, 3)), []vsUpdate{{k[2], 3}}},
		{"one removed", set(vsMember(k[0], 5, 1), vsMember(k[2], 3, 3)), set(vsMember(k[0], 5, 1)), []vsUpdate{{k[2], 0}}},
		{"power changed", set(vsMember(k[0], 5, 1)), set(vsMember(k[0], 6, 1)), []vsUpdate{{k[0], 6}}},
		{"key replaced (signer change)", set(vsMember(k[3], 5, 1)), set(vsMember(k[1], 5, 1)), []vsUpdate{{k[3], 0}, {k[1], 5}}},
		{"removals by key bytes, first", set(vsMember(k[4], 9, 1), vsMember(k[0], 1, 2), vsMember(k[2], 5, 3)),
			set(vsMember(k[1], 2, 4), vsMember(k[3], 8, 5)),
			[]vsUpdate{{k[0], 0}, {k[2], 0}, {k[4], 0}, {k[3], 8}, {k[1], 2}}},
		{"all removed", set(vsMember(k[1], 2, 1), vsMember(k[0], 3, 2)), set(), []vsUpdate{{k[0], 0}, {k[1], 0}}},
		{"a sequencer id moved to another key does not matter", set(vsMember(k[0], 5, 1)), set(vsMember(k[0], 5, 2)), []vsUpdate{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := types.DiffValidatorSets(tc.old, tc.next)
			require.Equal(t, tc.want, vsUpdates(got))
			for _, u := range got {
				require.NotNil(t, u.PubKey.GetSecp256K1(), "every update is a secp256k1 key")
				require.Nil(t, u.PubKey.GetEd25519())
			}
		})
	}
	full := set(vsMember(k[0], 5, 1), vsMember(k[1], 7, 2))
	require.Equal(t, types.DiffValidatorSets(types.ValidatorSet{}, full), types.ToValidatorUpdates(full))
	require.Empty(t, types.ToValidatorUpdates(types.ValidatorSet{}))
}

// Applying DiffValidatorSets(old, next) to old yields exactly next; no key is updated
// twice; the result is deterministic and independent of the input's member order.
func TestValidatorSet_PropertyDiffAppliesExactly(t *testing.T) {
	keys := vsKeys(t, 16)
	genSet := func(t *rapid.T, label string) types.ValidatorSet {
		idx := rapid.SliceOfNDistinct(rapid.IntRange(0, len(keys)-1), 0, len(keys), rapid.ID[int]).Draw(t, label+"-keys")
		members := make([]types.ValidatorPower, 0, len(idx))
		for _, i := range idx {
			power := rapid.Int64Range(0, 1<<40).Draw(t, label+"-power")
			members = append(members, vsMember(keys[i], power, uint64(i+1)))
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
		removals := 0
		for removals < len(updates) && updates[removals].Power == 0 {
			removals++
		}
		for i, u := range updates {
			if i > 0 && i < removals && bytes.Compare(updates[i-1].PubKey.GetSecp256K1(), u.PubKey.GetSecp256K1()) >= 0 {
				t.Fatalf("removals must be sorted by key bytes")
			}
			if i >= removals && u.Power == 0 {
				t.Fatalf("removals must come first")
			}
		}
		for _, u := range updates {
			k := string(u.PubKey.GetSecp256K1())
			if seen[k] {
				t.Fatalf("key %x updated twice", k)
			}
			seen[k] = true
			if u.Power < 0 {
				t.Fatalf("negative power %d", u.Power)
			}
			if u.Power == 0 {
				if _, had := state[k]; !had {
					t.Fatalf("removal of a key that was not in the set")
				}
				delete(state, k)
			} else {
				if p, had := state[k]; had && p == u.Power {
					t.Fatalf("no-op update for %x", k)
				}
				state[k] = u.Power
			}
		}
		want := map[string]int64{}
		var total int64
		for _, v := range next.Validators {
			want[string(v.PubKey)] = v.Power
			total += v.Power
		}
		require.Equal(t, want, state)
		require.Equal(t, total, next.TotalPower)
		require.Equal(t, updates, types.DiffValidatorSets(old, next), "deterministic")

		// Member order does not matter: a shuffled copy builds the same set and diff.
		perm := rapid.Permutation(next.Validators).Draw(t, "perm")
		require.Equal(t, next, types.BuildValidatorSet(perm))
		require.Equal(t, updates, types.DiffValidatorSets(old, types.BuildValidatorSet(perm)))

		// Diffing a set with itself is empty; the inverse diff restores old.
		require.Empty(t, types.DiffValidatorSets(next, next))
		back := map[string]int64{}
		for k, v := range state {
			back[k] = v
		}
		for _, u := range types.DiffValidatorSets(next, old) {
			if u.Power == 0 {
				delete(back, string(u.PubKey.GetSecp256K1()))
			} else {
				back[string(u.PubKey.GetSecp256K1())] = u.Power
			}
		}
		wantOld := map[string]int64{}
		for _, v := range old.Validators {
			wantOld[string(v.PubKey)] = v.Power
		}
		require.Equal(t, wantOld, back)
	})
}
