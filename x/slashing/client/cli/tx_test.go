package cli_test

import (
	"encoding/hex"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/stretchr/testify/require"

	epochtypes "github.com/themis-network/themis/x/epoch/types"
	"github.com/themis-network/themis/x/slashing/client/cli"
	"github.com/themis-network/themis/x/slashing/types"
)

// sealedHeader is the RLP of a sealed L2 header at height n (variant tells blocks apart).
func sealedHeader(t *testing.T, n uint64, variant byte, producer uint64) []byte {
	t.Helper()
	key, err := crypto.ToECDSA(common.LeftPadBytes([]byte{7}, 32))
	require.NoError(t, err)
	h := &ethtypes.Header{
		UncleHash: ethtypes.EmptyUncleHash, Coinbase: crypto.PubkeyToAddress(key.PublicKey), Root: common.Hash{31: variant},
		Difficulty: big.NewInt(0), Number: new(big.Int).SetUint64(n), GasLimit: 30_000_000, Time: 1_700_000_000 + n,
		BaseFee: big.NewInt(7),
	}
	require.NoError(t, epochtypes.SealL2Header(h, producer, 7, 59902, key))
	bz, err := rlp.EncodeToBytes(h)
	require.NoError(t, err)
	return bz
}

func writeFile(t *testing.T, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "header")
	require.NoError(t, os.WriteFile(p, content, 0o600))
	return p
}

func TestReadL2Header(t *testing.T) {
	h := sealedHeader(t, 150, 1, 2)
	hx := hex.EncodeToString(h)
	for _, tc := range []struct {
		name string
		arg  func(t *testing.T) string
		err  string // "" for success (the header itself)
	}{
		{"0x hex", func(*testing.T) string { return "0x" + hx }, ""},
		{"0X upper-case hex", func(*testing.T) string { return "0X" + strings.ToUpper(hx) }, ""},
		{"hex with surrounding space", func(*testing.T) string { return " 0x" + hx + "\n" }, ""},
		{"file of raw RLP", func(t *testing.T) string { return writeFile(t, h) }, ""},
		{"file of 0x hex with a newline", func(t *testing.T) string { return writeFile(t, []byte("0x"+hx+"\n")) }, ""},
		{"file of bare hex", func(t *testing.T) string { return writeFile(t, []byte(hx)) }, ""},
		{"empty argument", func(*testing.T) string { return " " }, "header-a is empty"},
		{"bare hex that is no file", func(*testing.T) string { return hx }, "prefix it with 0x"},
		{"no such file", func(*testing.T) string { return "./no-such-header.rlp" }, "neither 0x-prefixed hex nor a readable file"},
		{"0x alone", func(*testing.T) string { return "0x" }, "no hex digits after 0x"},
		{"odd hex", func(*testing.T) string { return "0x" + hx[1:] }, "odd number of hex digits"},
		{"not hex", func(*testing.T) string { return "0x" + hx[:10] + "zz" }, "not hex"},
		{"hex too long", func(*testing.T) string { return "0x" + strings.Repeat("00", types.MaxL2HeaderBytes+1) }, "a header is at most 8192"},
		{"a directory", func(t *testing.T) string { return t.TempDir() }, "is a directory"},
		{"empty file", func(t *testing.T) string { return writeFile(t, []byte("\n")) }, "is empty"},
		{"JSON file", func(t *testing.T) string { return writeFile(t, []byte(`{"number":"0x96"}`)) }, "looks like JSON"},
		{"oversized file", func(t *testing.T) string { return writeFile(t, make([]byte, 3*types.MaxL2HeaderBytes)) }, "a header is at most 8192 bytes"},
		{"file of odd hex", func(t *testing.T) string { return writeFile(t, []byte("0x"+hx[1:])) }, "odd number of hex digits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cli.ReadL2Header("header-a", tc.arg(t))
			if tc.err == "" {
				require.NoError(t, err)
				require.Equal(t, h, got)
				return
			}
			require.ErrorContains(t, err, tc.err)
			require.True(t, strings.HasPrefix(err.Error(), "header-a"), err.Error())
		})
	}
}

// The local checks refuse what the chain would refuse without its state, with words
// that say why and no source locations.
func TestReadL2Equivocation(t *testing.T) {
	a, b := sealedHeader(t, 150, 1, 2), sealedHeader(t, 150, 2, 2)
	gotA, gotB, err := cli.ReadL2Equivocation("0x"+hex.EncodeToString(a), writeFile(t, b))
	require.NoError(t, err)
	require.Equal(t, a, gotA)
	require.Equal(t, b, gotB)

	unsealed := &ethtypes.Header{Difficulty: big.NewInt(0), Number: big.NewInt(150)}
	u, err := rlp.EncodeToBytes(unsealed)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		a, b []byte
		err  string
	}{
		{"the same block", a, a, "the same block twice is no equivocation"},
		{"different heights", a, sealedHeader(t, 151, 2, 2), "header-a is of L2 height 150, header-b of 151"},
		{"different producers", a, sealedHeader(t, 150, 2, 3), "sealed by producer 2, header-b by 3"},
		{"bad RLP", []byte{0xc0}, b, "header-a: not an RLP block header"},
		{"trailing bytes", a, append(append([]byte(nil), b...), 0x80), "header-b: the RLP header is followed by more data"},
		{"unsealed", a, u, "header-b: extraData is 0 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := cli.ReadL2Equivocation("0x"+hex.EncodeToString(tc.a), "0x"+hex.EncodeToString(tc.b))
			require.ErrorContains(t, err, tc.err)
			require.NotContains(t, err.Error(), ".go:", "no source locations in the message")
		})
	}
}

// Bad input fails before any client context or key is needed.
func TestSubmitL2EquivocationCmdRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"0x00"}, "need two headers"},
		{[]string{"0x00", "0x00", "0x00"}, "need two headers"},
		{[]string{"0x123", "0x00"}, "header-a: odd number of hex digits"},
		{[]string{"0x" + hex.EncodeToString(sealedHeader(t, 150, 1, 2)), "nope"}, "header-b"},
	} {
		cmd := cli.NewSubmitL2EquivocationCmd()
		cmd.SetArgs(tc.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		require.ErrorContains(t, cmd.Execute(), tc.err, tc.args)
	}
	require.NotNil(t, cli.GetTxCmd().Commands()[0], "the module command holds it")
}
