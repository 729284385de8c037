package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/x/slashing/types"
)

// The L1 offence key round-trips on its chain and is refused on any other, so a
// restarted chain (or another pool on the same contract) never reuses a key the
// contract has already slashed.
func TestL1OffenceID_BoundToTheChain(t *testing.T) {
	key := types.L1OffenceID("themis-1", 42)
	require.Len(t, key, types.OffenceIDLen)
	id, err := types.ParseL1OffenceID("themis-1", key)
	require.NoError(t, err)
	require.Equal(t, uint64(42), id)
	require.NotEqual(t, key, types.L1OffenceID("themis-2", 42))
	for name, bad := range map[string][]byte{
		"another chain": types.L1OffenceID("themis-2", 42),
		"short":         key[:31],
		"offence 0":     types.L1OffenceID("themis-1", 0),
		"zero prefix":   append(make([]byte, 24), key[24:]...),
	} {
		_, err := types.ParseL1OffenceID("themis-1", bad)
		require.ErrorIs(t, err, types.ErrInvalidOffenceID, name)
	}
}
