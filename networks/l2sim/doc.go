// Package l2sim is a small L2 node for the localnet and tests: blocks are produced only
// by the sequencer themis schedules for their height, signed with that sequencer's
// signer key, synced between the sequencers' nodes and verified by each of them, and
// served over the subset of Ethereum JSON-RPC the bridge reads (go-ethereum's rpc
// server). It can be switched into the faults the chain must detect (stall,
// equivocation, wrong result).
//
// Its blocks are go-ethereum headers, so that the one L2 reader (bridge/l2) reads this
// simulator and a real L2 node alike. What a real L2 must expose for themis:
//
//   - eth_chainId, eth_blockNumber and eth_getBlockByNumber(number, false) returning
//     the standard header fields, with "hash" equal to keccak256(RLP(header)) as
//     go-ethereum computes it (number, hash, parentHash, timestamp, miner, stateRoot,
//     transactionsRoot are the ones themis reads);
//   - miner = the producer's signer address, and extraData = the L2 seal of
//     x/epoch/types/l2_seal.go: a 32-byte vanity ("themis", version 1, the producer's
//     sequencer id) followed by the producer's 65-byte signature over the header
//     without it (clique's layout). The block hash covers the seal.
//
// The simulator's own choices (synthetic transactions, a hash-chain "state") are in
// block.go and README.md.
package l2sim
