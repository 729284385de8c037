// Package app wires the themis application together. It holds no module logic.
package app

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// AppName is the application name.
	AppName = "themis"
	// Bech32Prefix is the account address prefix.
	Bech32Prefix = "themis"
	// BondDenom is the native fee and governance-deposit token of the themis chain.
	// It is not the L1 token: voting power comes from L1 locks (x/sequencer).
	BondDenom = "uthemis"
)

// Bech32 prefixes derived from the account prefix.
var (
	Bech32PrefixValAddr  = Bech32Prefix + "valoper"
	Bech32PrefixValPub   = Bech32Prefix + "valoperpub"
	Bech32PrefixConsAddr = Bech32Prefix + "valcons"
	Bech32PrefixConsPub  = Bech32Prefix + "valconspub"
	Bech32PrefixAccPub   = Bech32Prefix + "pub"
)

// SetAddressPrefixes sets the SDK's global address config once, before anything uses it.
func SetAddressPrefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32PrefixAccPub)
	cfg.SetBech32PrefixForValidator(Bech32PrefixValAddr, Bech32PrefixValPub)
	cfg.SetBech32PrefixForConsensusNode(Bech32PrefixConsAddr, Bech32PrefixConsPub)
	sdk.DefaultBondDenom = BondDenom
}
