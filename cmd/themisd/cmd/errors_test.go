package cmd

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/networks/devl1"
)

// explained executes themisd with args and returns what a person would read.
func explained(t *testing.T, root *cobra.Command, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := svrcmd.Execute(root, "THEMIS", t.TempDir()) // as main runs it, with --home and the log flags
	require.Error(t, err, "%v", args)
	return Explain(root, args, err)
}

// A query's bad argument is named as its usage line names it, with what it wants.
func TestExplainNamesThePositionalArgument(t *testing.T) {
	home := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"q", "epoch", "producer", "abc"}, `invalid l2-height "abc": want a whole number, 0 or more (usage: themisd query epoch producer [l2-height] [flags])`},
		{[]string{"query", "epoch", "epoch", "-1"}, `-1 is read as a flag: no argument of this command is negative (usage: themisd query epoch epoch [id] [flags])`},
		{[]string{"q", "sequencer", "sequencer", "99999999999999999999999"}, `invalid id "99999999999999999999999": out of range`},
		{[]string{"q", "slashing", "sequencer-rewards", "seven"}, `invalid sequencer-id "seven"`},
		{[]string{"q", "sequencer", "sequencers", "--page-limit", "many"}, `invalid --page-limit "many": want a whole number, 0 or more`},
	} {
		got := explained(t, NewRootCmd(), append(tc.args, "--home", home, "--node", "tcp://127.0.0.1:1")...)
		require.Contains(t, got, tc.want, "%v", tc.args)
		require.NotContains(t, got, `"--0"`)
	}
}

// Every query with positional arguments explains a bad value or an unreachable node in
// words: none shows pflag's index flags or a doubled gRPC status.
func TestExplainEveryQueryArgument(t *testing.T) {
	home := t.TempDir()
	root := NewRootCmd()
	query, _, err := root.Find([]string{"query"})
	require.NoError(t, err)
	checked := 0
	for _, module := range []string{"sequencer", "epoch", "slashing", "mpc"} {
		mod, _, err := query.Find([]string{module})
		require.NoError(t, err)
		for _, c := range mod.Commands() {
			n := len(strings.Fields(c.Use)) - 1
			if n == 0 {
				continue
			}
			args := []string{"query", module, c.Name()}
			for i := 0; i < n; i++ {
				args = append(args, "not/a-value")
			}
			got := explained(t, NewRootCmd(), append(args, "--home", home, "--node", "tcp://127.0.0.1:1")...)
			require.NotContains(t, got, `for "--`, "%v", args)
			require.LessOrEqual(t, strings.Count(got, "rpc error"), 0, "%v: %s", args, got)
			require.True(t, strings.HasPrefix(got, "invalid ") || strings.HasPrefix(got, "no node answers at "), "%v: %s", args, got)
			checked++
		}
	}
	require.Greater(t, checked, 10)
}

// A not-found query error, as it comes back through ABCI (the keeper's status wrapped in
// the SDK's ErrKeyNotFound, then in a second status), prints once, with the listing.
func TestExplainNotFoundOnce(t *testing.T) {
	root := NewRootCmd()
	inner := status.Error(codes.NotFound, "epoch not found: 7")
	err := status.Error(codes.NotFound, inner.Error()+": key not found")
	got := Explain(root, []string{"q", "epoch", "epoch", "7"}, err)
	require.Equal(t, "not found: epoch not found: 7 (`themisd query epoch history` lists what exists)", got)

	err = status.Error(codes.InvalidArgument, status.Error(codes.InvalidArgument, "status 9 is not a status").Error()+": invalid request")
	got = Explain(root, []string{"q", "mpc", "sign-requests"}, err)
	require.Equal(t, "invalid request: status 9 is not a status (usage: themisd query mpc sign-requests [flags])", got)

	err = status.Error(codes.FailedPrecondition, "no pool key yet")
	require.Equal(t, "failed precondition: no pool key yet", Explain(root, []string{"q", "mpc", "pool-key"}, err))

	// An error of another code keeps its words; only a query or tx is told about --node.
	err = status.Error(codes.Unknown, "slash refused: unauthorized")
	require.Equal(t, "slash refused: unauthorized", Explain(root, []string{"q", "mpc", "pool-key"}, err))
	err = status.Error(codes.Unavailable, "connection refused")
	require.Contains(t, Explain(root, []string{"q", "mpc", "pool-key"}, err), "--node")
	require.Equal(t, "unavailable: connection refused", Explain(root, []string{"bridge", "start"}, err))
}

// Each listing hint names two commands that exist.
func TestNotFoundHintsNameRealCommands(t *testing.T) {
	root := NewRootCmd()
	for one, list := range listingFor {
		for _, path := range []string{one, list} {
			c, rest, err := root.Find(append([]string{"query"}, strings.Fields(path)...))
			require.NoError(t, err, path)
			require.Empty(t, rest, path)
			require.Equal(t, path, queryPath(c))
		}
	}
}

// `themisd l1 lock` against an address with no contract says so and which flag to fix.
func TestL1CommandsRefuseAnAddressWithNoContract(t *testing.T) {
	ctx := context.Background()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	owner := crypto.PubkeyToAddress(key.PublicKey)
	node, err := devl1.Start(ctx, devl1.Config{RPCAddr: "127.0.0.1:0", Accounts: []common.Address{owner}, Tokens: devl1.Ether,
		Contracts: contracts.DeployConfig{MinLock: devl1.Ether, MaxLock: devl1.Ether, ExitDelay: contracts.MinExitDelaySeconds}})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, node.Close()) })
	keyFile := filepath.Join(t.TempDir(), "owner.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(common.Bytes2Hex(crypto.FromECDSA(key))), 0o600))

	nowhere := "0x00000000000000000000000000000000000057a4"
	for _, args := range [][]string{
		{"l1", "lock", "20000"},
		{"l1", "relock", "1", "5"},
		{"l1", "signer-proof", "--owner", owner.Hex()},
	} {
		home, _ := newSignerHome(t)
		args = append(args, "--l1-rpc", node.RPCURL(), "--staking-contract", nowhere, "--owner-key-file", keyFile, "--home", home)
		got := explained(t, NewRootCmd(), args...)
		require.Contains(t, got, "no contract at this address on this L1", "%v", args)
		require.Contains(t, got, "--staking-contract", "%v", args)
		require.NotContains(t, got, "unmarshal an empty string", "%v", args)
	}
}

// A transaction from a key the keyring does not hold names the key, the keyring and the
// two ways to fix it, instead of the SDK's "failed to convert address field".
func TestExplainMissingKey(t *testing.T) {
	home := t.TempDir()
	run(t, "init", "operator", "--home", home, "--chain-id", "themis-test")
	got := explained(t, NewRootCmd(), "tx", "slashing", "unjail", "--from", "nosuch", "--home", home, "--keyring-backend", "test", "--yes")
	require.Contains(t, got, `no key named "nosuch" in the test keyring under `+home)
	require.Contains(t, got, "themisd keys list")
	require.Contains(t, got, "themisd keys import-signer nosuch")
	require.NotContains(t, got, "failed to convert address field")
	require.NotContains(t, got, "keyring.go")
}

func TestExplainTxRefusal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"failed to execute message; message index: 0: sequencer 4 is jailed until 2026-12-07T16:17:44Z (2s left, offence 1): sequencer is still jailed [/work/main/x/slashing/keeper/msg_server.go:91] with gas used: '36080': unknown request",
			"the chain refuses this transaction: sequencer 4 is jailed until 2026-12-07T16:17:44Z (2s left, offence 1): sequencer is still jailed"},
		{"failed to execute message; message index: 2: owner 0xab is not whitelisted: unauthorized [x/sequencer/keeper/msg_server.go:12] with gas used: '100': unknown request",
			"the chain refuses message 2 of this transaction: owner 0xab is not whitelisted: unauthorized"},
		{"account sequence mismatch, expected 8, got 7: incorrect account sequence [cosmos/cosmos-sdk@v0.53.8/x/auth/ante/sigverify.go:370] with gas used: '14756': unknown request",
			"account sequence mismatch (expected 8, got 7): an earlier transaction of this account took that number and is still waiting for its block; wait a block and send this one again (or pass --sequence 8)"},
		{"account sequence mismatch, expected 3, got 9: incorrect account sequence [cosmos/cosmos-sdk@v0.53.8/x/auth/ante/sigverify.go:370]",
			"this transaction was made with a number", // checked by prefix below
		},
		// As the CLI gets it from a simulation through the node: two status layers.
		{status.Error(codes.Unknown, status.Error(codes.Unknown,
			"failed to execute message; message index: 0: sequencer 4 is jailed until 2026-12-07T16:17:44Z (2s left, offence 1): sequencer is still jailed [/x/slashing/keeper/msg_server.go:91] with gas used: '36080': unknown request").Error()).Error(),
			"the chain refuses this transaction: sequencer 4 is jailed until 2026-12-07T16:17:44Z (2s left, offence 1): sequencer is still jailed"},
	} {
		if !strings.HasPrefix(tc.want, "the chain") && !strings.HasPrefix(tc.want, "account") {
			require.Contains(t, Explain(NewRootCmd(), []string{"tx", "slashing", "unjail"}, errors.New(tc.in)), tc.want)
			continue
		}
		got := Explain(NewRootCmd(), []string{"tx", "slashing", "unjail"}, errors.New(tc.in))
		require.Equal(t, tc.want, got)
	}
}
