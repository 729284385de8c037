package preparams

import (
	"path/filepath"
	"testing"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/keystore"
)

func newPool(t *testing.T) *Pool {
	t.Helper()
	s, err := keystore.Open(filepath.Join(t.TempDir(), "tss"), ed25519.GenPrivKey().Bytes(), keystore.Options{Create: true})
	require.NoError(t, err)
	return NewPool(s)
}

// fixture is party i's committed preparams (public: tests only). Parties 0..3 exist.
func fixture(t *testing.T, i int) *keygen.LocalPreParams {
	t.Helper()
	pp, err := tssfixtures.Preparams(i)
	require.NoError(t, err)
	return pp
}
