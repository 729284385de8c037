package preparams

import (
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

func TestPoolPutTakeCount(t *testing.T) {
	p := newPool(t)
	require.Equal(t, 0, p.Count())
	_, err := p.Take()
	require.ErrorIs(t, err, ErrEmpty)

	require.NoError(t, p.Put(fixture(t, 0)))
	require.NoError(t, p.Put(fixture(t, 1)))
	require.NoError(t, p.Put(fixture(t, 0)), "the same set again is stored once")
	require.Equal(t, 2, p.Count())

	seen := map[string]bool{}
	for i := 0; i < 2; i++ {
		pp, err := p.Take()
		require.NoError(t, err)
		require.True(t, pp.ValidateWithProof())
		seen[pp.NTildei.String()] = true
	}
	require.Len(t, seen, 2)
	require.Equal(t, 0, p.Count())
	_, err = p.Take()
	require.ErrorIs(t, err, ErrEmpty)
	select {
	case <-p.Taken():
	default:
		t.Fatal("a take must cue the top-up")
	}
}

func TestPoolRefusesIncompleteOrInconsistentSets(t *testing.T) {
	p := newPool(t)
	require.Error(t, p.Put(nil))
	pp := fixture(t, 0)
	pp.P = nil
	require.ErrorContains(t, p.Put(pp), "incomplete")
	pp = fixture(t, 0)
	pp.H2i = new(big.Int).Add(pp.H2i, big.NewInt(1))
	require.ErrorContains(t, p.Put(pp), "h2")
	pp = fixture(t, 0)
	pp.NTildei = new(big.Int).Add(pp.NTildei, big.NewInt(2))
	require.ErrorContains(t, p.Put(pp), "NTilde")
	pp = fixture(t, 0)
	pp.PaillierSK.N = new(big.Int).Add(pp.PaillierSK.N, big.NewInt(2))
	require.ErrorContains(t, p.Put(pp), "Paillier")
	require.Equal(t, 0, p.Count())
}

// Takers racing for a pool of three get three distinct sets between them: a set is
// never handed out twice.
func TestPoolTakeHandsEachSetOutOnce(t *testing.T) {
	p := newPool(t)
	for i := 0; i < 3; i++ {
		require.NoError(t, p.Put(fixture(t, i)))
	}
	var mu sync.Mutex
	got := map[string]int{}
	empty := 0
	var others []error
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pp, err := p.Take()
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, ErrEmpty):
				empty++
				return
			case err != nil:
				others = append(others, err)
				return
			}
			got[pp.NTildei.String()]++
		}()
	}
	wg.Wait()
	require.Empty(t, others)
	require.Len(t, got, 3)
	for _, n := range got {
		require.Equal(t, 1, n)
	}
	require.Equal(t, 5, empty)
}

func TestPoolImportsFixtureFilesOnce(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 3; i++ {
		bz, err := tssfixtures.PreparamsJSON(i)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.Base(dir)+"-"+string(rune('a'+i))+".json"), bz, 0o644))
	}
	p := newPool(t)
	added, present, err := p.Import(dir)
	require.NoError(t, err)
	require.Equal(t, 3, added)
	require.Equal(t, 0, present)
	added, present, err = p.Import(dir)
	require.NoError(t, err)
	require.Equal(t, 0, added)
	require.Equal(t, 3, present)
	require.Equal(t, 3, p.Count())

	_, _, err = p.Import(t.TempDir())
	require.ErrorContains(t, err, "no *.json")
	bad := t.TempDir()
	bz, err := json.Marshal(map[string]string{"NTildei": "1"})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(bad, "x.json"), bz, 0o644))
	_, _, err = p.Import(bad)
	require.ErrorContains(t, err, "x.json")
}
