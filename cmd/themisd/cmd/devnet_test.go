package cmd

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/networks/devl1"
)

// --unlisted-dev-owners funds the last owners without whitelisting them: the localnet's
// spare operators join through themis governance, whose whitelisting the pool carries
// to L1; out-of-range counts are refused with the flag's name.
func TestDevL1UnlistedOwners(t *testing.T) {
	parse := func(args ...string) (devl1.Config, error) {
		cmd := devL1Cmd()
		require.NoError(t, cmd.ParseFlags(args))
		cfg, _, _, err := devL1ConfigFromFlags(cmd)
		return cfg, err
	}
	cfg, err := parse("--dev-owners", "6", "--unlisted-dev-owners", "2")
	require.NoError(t, err)
	owners := devl1.OwnerAddresses(6)
	require.Equal(t, owners, cfg.Accounts, "all six funded")
	require.Equal(t, owners[:4], cfg.Contracts.Whitelist, "the last two not whitelisted")

	cfg, err = parse("--dev-owners", "3")
	require.NoError(t, err)
	require.Equal(t, devl1.OwnerAddresses(3), cfg.Contracts.Whitelist)

	_, err = parse("--dev-owners", "2", "--unlisted-dev-owners", "3")
	require.ErrorContains(t, err, "--unlisted-dev-owners must be 0..--dev-owners (2), got 3")
	_, err = parse("--dev-owners", "2", "--unlisted-dev-owners", "1", "--whitelist", "0x00000000000000000000000000000000000000a1")
	require.ErrorContains(t, err, "exclude each other")
}
