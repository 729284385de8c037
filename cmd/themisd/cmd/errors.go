package cmd

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/spf13/cobra"
)

// Explain turns the error a command returned into the one line a person reads: what was
// wrong, named as the command names it, and how to put it right. Errors come from layers
// that each add their own framing (pflag calls autocli's positional arguments "--0",
// "--1"; a gRPC query error travels through ABCI and comes back wrapped in a second
// status); Explain removes the framing and keeps the message once.
func Explain(root *cobra.Command, args []string, err error) string {
	cmd, _, findErr := root.Find(args)
	if findErr != nil {
		cmd = nil
	}
	msg := err.Error()
	if m := badFlagValue.FindStringSubmatch(msg); m != nil {
		return explainBadValue(cmd, m[1], m[2], m[3])
	}
	if m := negativeAsFlag.FindStringSubmatch(msg); m != nil {
		out := fmt.Sprintf("%s is read as a flag: no argument of this command is negative", m[1])
		if cmd != nil {
			out += fmt.Sprintf(" (usage: %s)", cmd.UseLine())
		}
		return out
	}
	if m := missingKey.FindStringSubmatch(msg); m != nil {
		return explainMissingKey(cmd, m[1])
	}
	if out, ok := explainTxRefusal(msg); ok {
		return out
	}
	if m := unreachableNode.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("no node answers at %s: start it (themisd start) or point --node at a running node's RPC", m[1])
	}
	if code, desc, ok := peelStatus(msg); ok {
		// A refusal simulated through the node (--gas auto) comes back inside two
		// status layers.
		if out, ok := explainTxRefusal(desc); ok {
			return out
		}
		return explainStatus(cmd, code, desc)
	}
	return msg
}

// badFlagValue is pflag's "invalid argument" error: value, flag name, parse error.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(-[^"]*)" flag: (.*)$`)

// negativeAsFlag is pflag's error for a negative number given as an argument.
var negativeAsFlag = regexp.MustCompile(`^unknown shorthand flag: '[0-9]' in (-[0-9][0-9.]*)$`)

// missingKey is the keyring's error for a --from name it does not hold (the SDK wraps it
// as "failed to convert address field to address" and adds a source line).
var missingKey = regexp.MustCompile(`(?:^|: )([^\s:]+)\.info: key not found`)

// explainMissingKey names the key, the keyring looked in and how to fill it.
func explainMissingKey(cmd *cobra.Command, name string) string {
	home, backend := "", ""
	if cmd != nil {
		home, _ = cmd.Flags().GetString(flags.FlagHome)
		backend, _ = cmd.Flags().GetString(flags.FlagKeyringBackend)
	}
	where := "the keyring"
	if home != "" {
		where = fmt.Sprintf("the %s keyring under %s", backend, home)
	}
	return fmt.Sprintf("no key named %q in %s (--from): list the keys with `themisd keys list --home %s --keyring-backend %s`, "+
		"or import the node's signer with `themisd keys import-signer %s --home %s --keyring-backend %s`",
		name, where, home, backend, name, home, backend)
}

// unreachableNode is the CometBFT RPC client's error when nothing listens at --node.
var unreachableNode = regexp.MustCompile(`^post failed: Post "([^"]*)": dial tcp [^ ]*: connect: connection refused$`)

// explainBadValue names a bad value by the argument it was given for. autocli parses a
// query's positional arguments as flags named by their index, so "--0" is the first
// argument of the command's usage line.
func explainBadValue(cmd *cobra.Command, value, flag, parseErr string) string {
	name := flag
	if idx, err := strconv.Atoi(strings.TrimLeft(flag, "-")); err == nil {
		name = positionalName(cmd, idx)
	}
	out := fmt.Sprintf("invalid %s %q: %s", name, value, wantedValue(parseErr))
	if cmd != nil {
		out += fmt.Sprintf(" (usage: %s)", cmd.UseLine())
	}
	return out
}

// positionalName is the idx-th argument named in cmd's usage line ("producer
// [l2-height]" names l2-height), or "argument <idx+1>" when the line names none.
func positionalName(cmd *cobra.Command, idx int) string {
	if cmd != nil {
		fields := strings.Fields(cmd.Use)
		if idx+1 < len(fields) {
			return strings.Trim(fields[idx+1], "[]<>.")
		}
	}
	return fmt.Sprintf("argument %d", idx+1)
}

// wantedValue says what a parser wanted, from the parse error it returned.
func wantedValue(parseErr string) string {
	var wants = []struct{ prefix, want string }{
		{"strconv.ParseUint", "want a whole number, 0 or more"},
		{"strconv.ParseInt", "want a whole number"},
		{"strconv.ParseBool", "want true or false"},
		{"strconv.ParseFloat", "want a number"},
		{"encoding/hex: odd length", "want an even number of hex digits"},
		{"encoding/hex", "want hex digits (0-9, a-f)"},
		{"illegal base64", "want base64"},
	}
	for _, w := range wants {
		if strings.HasPrefix(parseErr, w.prefix) {
			if strings.HasSuffix(parseErr, strconv.ErrRange.Error()) {
				return "out of range"
			}
			return w.want
		}
	}
	return parseErr
}

// statusPrefix is how a gRPC status error prints itself.
var statusPrefix = regexp.MustCompile(`^rpc error: code = (\w+) desc = `)

// sdkSentinel is the SDK's own error text that the query path appends to a keeper's
// message when it turns a gRPC status into an ABCI code and back: it repeats the code,
// which Explain words itself.
var sdkSentinel = map[string]string{"NotFound": ": key not found", "InvalidArgument": ": invalid request", "Unauthenticated": ": unauthorized"}

// peelStatus removes every gRPC status framing from msg and returns the innermost
// code and description.
func peelStatus(msg string) (code, desc string, ok bool) {
	for {
		m := statusPrefix.FindStringSubmatch(msg)
		if m == nil {
			break
		}
		code, msg, ok = m[1], msg[len(m[0]):], true
	}
	if !ok {
		return "", "", false
	}
	return code, strings.TrimSuffix(msg, sdkSentinel[code]), true
}

// explainStatus prints a query's status once, with the command that lists what exists
// when the thing asked for was not found.
func explainStatus(cmd *cobra.Command, code, desc string) string {
	switch code {
	case "NotFound":
		out := "not found: " + desc
		if hint := notFoundHint(cmd); hint != "" {
			out += " (" + hint + ")"
		}
		return out
	case "InvalidArgument":
		out := "invalid request: " + desc
		if cmd != nil {
			out += fmt.Sprintf(" (usage: %s)", cmd.UseLine())
		}
		return out
	case "Unauthenticated":
		return "unauthorized: " + desc
	case "Unavailable":
		if path := commandPath(cmd); strings.HasPrefix(path, "query ") || strings.HasPrefix(path, "tx ") {
			return "the node cannot be reached: " + desc + " (start it, or point --node at a running node's RPC)"
		}
		return "unavailable: " + desc
	case "Unknown":
		return desc
	default:
		return strings.ToLower(splitWords(code)) + ": " + desc
	}
}

// splitWords turns a status code name ("FailedPrecondition") into words.
func splitWords(code string) string {
	var b strings.Builder
	for i, r := range code {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// notFoundHint is the listing that shows what exists, for the query that found nothing.
func notFoundHint(cmd *cobra.Command) string {
	if cmd == nil {
		return ""
	}
	if list, ok := listingFor[queryPath(cmd)]; ok {
		return fmt.Sprintf("`%s query %s` lists what exists", cmd.Root().Name(), list)
	}
	return ""
}

// commandPath is the command's path below the root ("query epoch producer").
func commandPath(cmd *cobra.Command) string {
	var names []string
	for c := cmd; c != nil && c.HasParent(); c = c.Parent() {
		names = append([]string{c.Name()}, names...)
	}
	return strings.Join(names, " ")
}

// queryPath is "module command" for a query command, "" otherwise.
func queryPath(cmd *cobra.Command) string {
	names := strings.Fields(commandPath(cmd))
	if len(names) != 3 || names[0] != "query" {
		return ""
	}
	return names[1] + " " + names[2]
}

// listingFor maps each query of one item to the query that lists the items (a test
// checks both exist, so the hint cannot go stale).
var listingFor = map[string]string{
	"sequencer sequencer":        "sequencer sequencers",
	"sequencer by-signer":        "sequencer sequencers",
	"sequencer by-owner":         "sequencer sequencers",
	"epoch producer":             "epoch history",
	"epoch epoch":                "epoch history",
	"epoch current":              "epoch history",
	"epoch next":                 "epoch history",
	"slashing offence":           "slashing offences",
	"slashing sequencer-rewards": "slashing rewards",
	"slashing epoch-credits":     "slashing rewards",
	"mpc session":                "mpc sessions",
	"mpc session-by-key":         "mpc sessions",
	"mpc sign-request":           "mpc sign-requests",
	"mpc pool-tx":                "mpc pool-txs",
	"mpc pool-key":               "mpc retired-keys",
}

// txFraming is what the SDK wraps around a transaction its simulation (--gas auto) or
// CheckTx refused: the message index, the source line of the error, the gas used and
// the ABCI codespace's "unknown request".
var (
	txMessageIndex = regexp.MustCompile(`^failed to execute message; message index: (\d+): `)
	txSourceLine   = regexp.MustCompile(` \[[^\]\s]+\.go:\d+\]`)
	txGasUsed      = regexp.MustCompile(` with gas used: '\d+'`)
	txSequence     = regexp.MustCompile(`^account sequence mismatch, expected (\d+), got (\d+): incorrect account sequence$`)
)

// explainTxRefusal keeps the chain's reason for refusing a transaction once, without the
// SDK's framing, and says what to do about a sequence mismatch (an earlier transaction
// of the same account not in a block yet).
func explainTxRefusal(msg string) (string, bool) {
	if _, desc, ok := peelStatus(msg); ok { // a simulation through the node: two status layers
		msg = desc
	}
	framed := txGasUsed.MatchString(msg) || txMessageIndex.MatchString(msg) || strings.HasPrefix(msg, "account sequence mismatch, ")
	if !framed {
		return "", false
	}
	out := txSourceLine.ReplaceAllString(msg, "")
	out = txGasUsed.ReplaceAllString(out, "")
	out = strings.TrimSuffix(out, ": unknown request")
	prefix := "the chain refuses this transaction: "
	if m := txMessageIndex.FindStringSubmatch(out); m != nil {
		out = out[len(m[0]):]
		if m[1] != "0" {
			prefix = fmt.Sprintf("the chain refuses message %s of this transaction: ", m[1])
		}
	}
	if m := txSequence.FindStringSubmatch(out); m != nil {
		return explainSequence(m[1], m[2]), true
	}
	return prefix + out, true
}

// explainSequence says why an account's transaction number was refused and what to do.
func explainSequence(expected, got string) string {
	e, _ := strconv.ParseUint(expected, 10, 64)
	g, _ := strconv.ParseUint(got, 10, 64)
	head := fmt.Sprintf("account sequence mismatch (expected %s, got %s): ", expected, got)
	if g < e {
		return head + "an earlier transaction of this account took that number and is still waiting for its block; " +
			"wait a block and send this one again (or pass --sequence " + expected + ")"
	}
	return head + "this transaction was made with a number the account has not reached (an earlier one is missing); " +
		"send it with --sequence " + expected + ", or without --sequence and --offline"
}
