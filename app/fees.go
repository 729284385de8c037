package app

import (
	cmttypes "github.com/cometbft/cometbft/types"

	sequencerante "github.com/themis-network/themis/x/sequencer/ante"
)

// BlockMaxGas is the block max_gas of every genesis themisd writes (consensus params,
// changeable by governance through x/consensus). It holds ten fee-free relay
// transactions at their 3M cap, a catch-up block (about 50 events, each relayed once
// at about 42k gas, 1.3 times that asked: 2.7M) many times over, and governance
// transactions (0.2-0.5M each). A full block of relays executes in about 0.17 s on the
// development machine (5.7 ms per million gas), inside the block-time benchmark's
// band; unlimited, one block could take any time.
const BlockMaxGas = 30_000_000

// FeePolicy is the chain's fee and fee-free relay policy (x/sequencer/ante), in the
// chain's fee token. It is consensus-critical: every node uses this one.
func FeePolicy() sequencerante.Policy { return sequencerante.DefaultPolicy(BondDenom) }

// MinGasPrices is the default minimum-gas-prices of a node's app.toml and the gas price
// the CLI offers by default: the chain's floor ("0.025uthemis").
func MinGasPrices() string { return FeePolicy().String() }

// ConsensusParams are the consensus params of every genesis themisd writes: CometBFT's
// defaults with secp256k1 validator keys (the sequencers' signer keys), vote
// extensions from the first height (SPEC 4) and a finite block max_gas.
func ConsensusParams() *cmttypes.ConsensusParams {
	params := cmttypes.DefaultConsensusParams()
	params.Validator.PubKeyTypes = []string{cmttypes.ABCIPubKeyTypeSecp256k1}
	params.ABCI.VoteExtensionsEnableHeight = 1
	params.Block.MaxGas = BlockMaxGas
	return params
}
