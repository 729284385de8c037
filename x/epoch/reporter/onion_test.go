package reporter

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/epoch/randao"
	"github.com/themis-network/themis/x/epoch/types"
)

// chainOnion applies a report as x/epoch does (commitment, or reveal of height).
func chainOnion(t *testing.T, st *types.OnionState, has *bool, height int64, r types.Report) {
	t.Helper()
	if c := r.Commitment; c != nil {
		*st = types.OnionState{Index: c.Index, Length: c.Length, Layer: c.Layer, StartHeight: height, LayerHeight: height}
		*has = true
		return
	}
	require.NotEmpty(t, r.Reveal, "height %d: no reveal", height)
	require.NoError(t, randao.VerifySkip(st.Layer, r.Reveal, uint64(height-st.LayerHeight)), "height %d", height)
	st.Layer, st.LayerHeight = r.Reveal, height
	st.Revealed++
}

func TestOnionRevealsOnePerHeightWithTheApplyLag(t *testing.T) {
	o := &onions{secret: bytes.Repeat([]byte{1}, 32), length: 6}
	var st types.OnionState
	var has bool
	var pending []types.Report // reports made but not applied yet (one height of lag)
	for h := int64(1); h <= 20; h++ {
		var r types.Report
		require.NoError(t, o.next(st, has, h, &r))
		// A second round of the same height gives the same report.
		var again types.Report
		require.NoError(t, o.next(st, has, h, &again))
		require.Equal(t, r, again, "height %d", h)
		pending = append(pending, r)
		if len(pending) == 2 { // the report of h-1 is applied while h is being voted
			chainOnion(t, &st, &has, h-1, pending[0])
			pending = pending[1:]
		}
	}
	require.Equal(t, uint64(2), st.Index, "a fresh onion after each 6 reveals")
}

func TestOnionAdoptsItsOwnOnionAfterARestart(t *testing.T) {
	secret := bytes.Repeat([]byte{2}, 32)
	o := &onions{secret: secret, length: 10}
	var st types.OnionState
	var has bool
	for h := int64(1); h <= 4; h++ {
		var r types.Report
		require.NoError(t, o.next(st, has, h, &r))
		chainOnion(t, &st, &has, h, r)
	}
	restarted := &onions{secret: secret, length: 10}
	var r types.Report
	require.NoError(t, restarted.next(st, has, 6, &r)) // height 5 was missed
	require.Nil(t, r.Commitment, "the restarted node should keep revealing its onion")
	chainOnion(t, &st, &has, 6, r)

	// Another secret (a re-installed node) cannot open it: it commits a new onion.
	stranger := &onions{secret: bytes.Repeat([]byte{3}, 32), length: 10}
	r = types.Report{}
	require.NoError(t, stranger.next(st, has, 7, &r))
	require.NotNil(t, r.Commitment)
	require.Equal(t, st.Index+1, r.Commitment.Index)
}

func TestOnionRecommitsWhenTheChainLostIt(t *testing.T) {
	o := &onions{secret: bytes.Repeat([]byte{4}, 32), length: 10}
	var r types.Report
	require.NoError(t, o.next(types.OnionState{}, false, 1, &r))
	require.NotNil(t, r.Commitment)
	// The commitment never made it on chain: after the lag window the node commits again.
	for h := int64(2); h <= 3; h++ {
		r = types.Report{}
		require.NoError(t, o.next(types.OnionState{}, false, h, &r))
		require.NotEmpty(t, r.Reveal)
	}
	r = types.Report{}
	require.NoError(t, o.next(types.OnionState{}, false, 4, &r))
	require.NotNil(t, r.Commitment)
	require.Equal(t, uint64(1), r.Commitment.Index)
}

func TestLoadOrCreateSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "epoch_onion_secret")
	a, err := LoadOrCreateSecret(path)
	require.NoError(t, err)
	require.Len(t, a, SecretLen)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	b, err := LoadOrCreateSecret(path)
	require.NoError(t, err)
	require.Equal(t, a, b)
	require.NoError(t, os.WriteFile(path, []byte("short"), 0o600))
	_, err = LoadOrCreateSecret(path)
	require.ErrorContains(t, err, "want 32")
}
