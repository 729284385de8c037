// Package cli holds x/slashing's hand-written commands: those autocli cannot express
// well. autocli adds the module's other tx commands to GetTxCmd's (autocli.go sets
// EnhanceCustomCommand), and never replaces a command of the same name.
package cli

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/spf13/cobra"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/slashing/types"
)

// maxHeaderFileBytes bounds a header file: the hex text of the largest header, with a
// 0x prefix and some whitespace.
const maxHeaderFileBytes = 2*types.MaxL2HeaderBytes + 64

// GetTxCmd is `themisd tx slashing`: submit-l2-equivocation here, the rest from autocli.
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions of the slashing module",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewSubmitL2EquivocationCmd())
	return cmd
}

// NewSubmitL2EquivocationCmd is `themisd tx slashing submit-l2-equivocation <header-a>
// <header-b>`. It is hand-written because autocli's bytes arguments take a file's raw
// content, hex without 0x, or base64, and an 0x-hex string is valid base64 half the
// time: a header pasted from an L2 node would silently become other bytes.
func NewSubmitL2EquivocationCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-l2-equivocation <header-a> <header-b>",
		Short: "Submit evidence that an L2 producer sealed two different blocks at one height",
		Long: `Submit two sealed L2 block headers of the same height with different hashes. The chain
checks them (the seals, this chain's L2 chain id, the producer and signer its schedule
names for the height) and, if they hold, judges the producer critical: a quarter of its
lock is slashed and its owner and signer are banned. Anyone may submit; the transaction
pays the usual fees and earns nothing.

Each header is the block header's RLP encoding (as the debug_getRawHeader RPC of an
L2 node returns it), given as 0x-prefixed hex or as the path of a file holding it as
raw bytes or as hex text. The headers are checked locally first (decoding, heights,
hashes, seals), so evidence the chain would refuse for those reasons costs no fee.`,
		Example: fmt.Sprintf(`  %[1]s tx slashing submit-l2-equivocation 0xf9025ca0... ./header-b.rlp --from mykey
  %[1]s tx slashing submit-l2-equivocation "$(cast rpc debug_getRawHeader 0x96 | tr -d '"')" ./b.hex --from mykey`, version.AppName),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return fmt.Errorf("need two headers, <header-a> <header-b> (each 0x-hex RLP or a file), got %d argument(s)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SilenceUsage = true // the arguments' shape was right: the error says what is wrong
			a, b, err := ReadL2Equivocation(args[0], args[1])
			if err != nil {
				return err
			}
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			msg := &types.MsgSubmitL2Equivocation{Submitter: clientCtx.GetFromAddress().String(), HeaderA: a, HeaderB: b}
			if err := msg.ValidateBasic(); err != nil {
				return named("submit-l2-equivocation", err)
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// ReadL2Equivocation reads both header arguments and checks what can be checked without
// the chain: each decodes as the chain decodes it, both are of one height, they are two
// blocks, and both seals are valid and name one producer. Whether that producer and its
// signer were scheduled for the height, for this chain's L2, is the chain's to check.
func ReadL2Equivocation(argA, argB string) ([]byte, []byte, error) {
	a, err := ReadL2Header("header-a", argA)
	if err != nil {
		return nil, nil, err
	}
	b, err := ReadL2Header("header-b", argB)
	if err != nil {
		return nil, nil, err
	}
	ha, err := types.DecodeL2Header(a)
	if err != nil {
		return nil, nil, named("header-a", err)
	}
	hb, err := types.DecodeL2Header(b)
	if err != nil {
		return nil, nil, named("header-b", err)
	}
	if ha.Number.Cmp(hb.Number) != 0 {
		return nil, nil, fmt.Errorf("header-a is of L2 height %v, header-b of %v: equivocation is two blocks of one height", ha.Number, hb.Number)
	}
	if ha.Hash() == hb.Hash() {
		return nil, nil, fmt.Errorf("both headers are block %s: the same block twice is no equivocation", ha.Hash().Hex())
	}
	sa, err := epochtypes.RecoverL2Seal(ha)
	if err != nil {
		return nil, nil, named("header-a", err)
	}
	sb, err := epochtypes.RecoverL2Seal(hb)
	if err != nil {
		return nil, nil, named("header-b", err)
	}
	if sa.ProducerID != sb.ProducerID {
		return nil, nil, fmt.Errorf("header-a is sealed by producer %d, header-b by %d: equivocation is one producer's", sa.ProducerID, sb.ProducerID)
	}
	return a, b, nil
}

// ReadL2Header reads one header argument: 0x-prefixed hex, or the path of a file
// holding the RLP as raw bytes or as hex text (0x optional, surrounding whitespace
// ignored). name ("header-a") opens every error.
func ReadL2Header(name, arg string) ([]byte, error) {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		return nil, fmt.Errorf("%s is empty: give the header's RLP as 0x-hex or a file path", name)
	}
	if has0x(arg) {
		return decodeHex(name, arg)
	}
	info, err := os.Stat(arg)
	if err != nil {
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err // the path is in the message already
		}
		if isHex(arg) {
			return nil, fmt.Errorf("%s: no file %q (%v); if it is hex RLP, prefix it with 0x", name, shorten(arg), err)
		}
		return nil, fmt.Errorf("%s: %q is neither 0x-prefixed hex nor a readable file: %v", name, shorten(arg), err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s: %s is a directory, not a header file", name, arg)
	}
	if info.Size() > maxHeaderFileBytes {
		return nil, fmt.Errorf("%s: file %s is %d bytes; a header is at most %d bytes (%d as hex)", name, arg, info.Size(),
			types.MaxL2HeaderBytes, 2*types.MaxL2HeaderBytes)
	}
	raw, err := os.ReadFile(arg)
	if err != nil {
		return nil, named(name, err)
	}
	text := strings.TrimSpace(string(raw))
	switch {
	case text == "":
		return nil, fmt.Errorf("%s: file %s is empty", name, arg)
	case text[0] == '{' || text[0] == '"':
		return nil, fmt.Errorf("%s: file %s looks like JSON (an eth_getBlockByNumber result?); give the header's RLP, "+
			"as the debug_getRawHeader RPC returns it", name, arg)
	case has0x(text):
		return decodeHex(name+" (file "+arg+")", text)
	case isHex(text):
		return decodeHex(name+" (file "+arg+")", "0x"+text)
	}
	// Raw RLP: a header is a long list, so it opens with 0xf8..0xff and is never hex text.
	return bytes.Clone(raw), nil
}

// named prefixes err with the argument's name. Unlike fmt.Errorf's %w, it prints a
// registered error without the source location its %v carries.
func named(name string, err error) error { return namedError{name, err} }

type namedError struct {
	name string
	err  error
}

func (e namedError) Error() string { return e.name + ": " + e.err.Error() }
func (e namedError) Unwrap() error { return e.err }

func has0x(s string) bool { return strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") }

func decodeHex(name, s string) ([]byte, error) {
	digits := s[2:]
	switch {
	case digits == "":
		return nil, fmt.Errorf("%s: no hex digits after 0x", name)
	case len(digits)%2 == 1:
		return nil, fmt.Errorf("%s: odd number of hex digits (%d): truncated?", name, len(digits))
	case len(digits) > 2*types.MaxL2HeaderBytes:
		return nil, fmt.Errorf("%s: %d bytes; a header is at most %d", name, len(digits)/2, types.MaxL2HeaderBytes)
	}
	bz, err := hex.DecodeString(digits)
	if err != nil {
		return nil, fmt.Errorf("%s: not hex: %v", name, err)
	}
	return bz, nil
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// shorten keeps error messages readable when a whole header was pasted.
func shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	return s[:20] + "..." + s[len(s)-12:]
}
