package cmd

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	cmtcli "github.com/cometbft/cometbft/libs/cli"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	"github.com/themis-network/themis/testutil/readme"
)

// themisdNames are how the README calls the binary.
var themisdNames = map[string]bool{"themisd": true, "$B": true, "./build/themisd": true, "build/themisd": true}

// TestREADMECommandsExist checks every themisd command line of every README shell block,
// the recipes the e2e suite runs and the templates it does not: the command exists and
// runs (not a group), each flag is one it has, and the number of arguments is one it
// takes. A renamed command or flag fails here, not in a newcomer's terminal.
func TestREADMECommandsExist(t *testing.T) {
	blocks, err := readme.ParseFile(filepath.Join("..", "..", "..", "README.md"))
	require.NoError(t, err)
	checked := 0
	for _, b := range blocks {
		for _, c := range readme.Commands(b.Script) {
			if !themisdNames[c.Program] {
				continue
			}
			where := func() string {
				return fmt.Sprintf("README line %d: themisd %s", b.Line+c.Line, strings.Join(c.Args, " "))
			}
			require.NoError(t, checkCommandLine(executedRoot(), c.Args), where())
			checked++
		}
	}
	require.Greater(t, checked, 40, "the README's themisd command lines")
}

// executedRoot is the root command as main runs it: svrcmd.Execute adds the log flags
// and cometbft's --home and --trace.
func executedRoot() *cobra.Command {
	root := NewRootCmd()
	root.PersistentFlags().String(flags.FlagLogLevel, "info", "")
	root.PersistentFlags().String(flags.FlagLogFormat, "plain", "")
	root.PersistentFlags().Bool(flags.FlagLogNoColor, false, "")
	cmtcli.PrepareBaseCmd(root, "THEMIS", app.DefaultNodeHome)
	return root
}

// checkCommandLine resolves args the way cobra will and checks the flags and the
// positional arguments against the command found.
func checkCommandLine(root *cobra.Command, args []string) error {
	cmd, rest, err := root.Find(args)
	if err != nil {
		return err
	}
	if !cmd.Runnable() && !cmd.HasSubCommands() {
		return fmt.Errorf("%q does not run", cmd.CommandPath())
	}
	flags := cmd.Flags()
	flags.AddFlagSet(cmd.InheritedFlags())
	var positional []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		var f *pflag.Flag
		if strings.HasPrefix(a, "--") {
			f = flags.Lookup(name)
		} else if len(name) == 1 {
			f = flags.ShorthandLookup(name)
		}
		if f == nil {
			return fmt.Errorf("%s has no flag %s", cmd.CommandPath(), a)
		}
		if !hasValue && f.NoOptDefVal == "" { // the next word is its value
			if i+1 >= len(rest) {
				return fmt.Errorf("%s: flag %s needs a value", cmd.CommandPath(), a)
			}
			i++
		}
	}
	if cmd.HasSubCommands() && len(positional) > 0 {
		return fmt.Errorf("%q has no command %q (its commands: %s)", cmd.CommandPath(), positional[0], subcommandNames(cmd))
	}
	if cmd.HasSubCommands() {
		return fmt.Errorf("%q is a group, not a command (its commands: %s)", cmd.CommandPath(), subcommandNames(cmd))
	}
	if cmd.Args != nil {
		if err := cmd.Args(cmd, positional); err != nil {
			return fmt.Errorf("%s %v: %v", cmd.CommandPath(), positional, err)
		}
	}
	return nil
}

func subcommandNames(cmd *cobra.Command) string {
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
	}
	return strings.Join(names, ", ")
}

func TestCheckCommandLineRefusesStaleLines(t *testing.T) {
	for _, tc := range []struct {
		line, err string
	}{
		{"query epoch producer 42 --home h", ""},
		{"tx slashing unjail --from signer --gas auto --yes --home h", ""},
		{"q sequencer l1-admn --home h", `has no command "l1-admn"`},
		{"query epoch", "is a group"},
		{"query epoch current --hom h", "has no flag --hom"},
		{"query epoch producer 1 2", "accepts"},
		{"query epoch current -o", "needs a value"},
		{"tx slashing unjail -Z", "has no flag -Z"},
	} {
		err := checkCommandLine(executedRoot(), strings.Fields(tc.line))
		if tc.err == "" {
			require.NoError(t, err, tc.line)
		} else {
			require.ErrorContains(t, err, tc.err, tc.line)
		}
	}
}
