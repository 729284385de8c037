// Package l2 is themis' one reader of an L2 node: every consumer (the node's head
// watcher behind the vote extension, the sidecar's health, the L2 simulator's peer
// sync, and the block and range reads that batch validation and slashing evidence use)
// reads the L2 through Client, over standard Ethereum JSON-RPC with go-ethereum's rpc
// client.
//
// What an L2 node must expose (a geth, an op-geth, or networks/l2sim):
//   - eth_chainId, eth_blockNumber and eth_getBlockByNumber(number, false), over http(s);
//     batches of up to 32 calls (Range);
//   - blocks as go-ethereum serves them: every header field go-ethereum's types.Header
//     requires, in canonical hex, and "hash" equal to keccak256(RLP(header)) as
//     go-ethereum computes it. The reader recomputes it, so a node cannot report one hash
//     and describe another block (another state root, parent or producer);
//   - for the producer checks (x/slashing): the producer's seal in extraData, clique's
//     layout with a themis vanity (x/epoch/types/l2_seal.go): a 32-byte vanity holding
//     the producer's sequencer id and the L2 chain id, then a 65-byte signature over the
//     domain-tagged hash of the header without the signature, by the key whose address
//     is the header's coinbase (miner).
//     An L2 that does not seal (geth --dev) is still followed for its head; its blocks
//     just carry no producer evidence (Block.Seal fails);
//   - optionally, themis_rejectedBlocks(from) (rejected.go): the blocks the node refused,
//     with the reason, as RLP headers. The watcher caches the newest ones refused for a
//     wrong state root for x/epoch's wrong-state-root evidence. A node without it
//     ("method not found": ErrUnsupported) gives no such evidence.
//
// Every call has a time budget (the request timeout, inside the caller's context) and
// every HTTP answer a size limit (MaxResponseBytes). Answers that do not decode, blocks
// other than the one asked for, hashes that are not their header's and ranges that do
// not link are ErrMalformed; a block the node does not have is ErrNoBlock.
//
// The Watcher polls the head and keeps the latest one in memory: ExtendVote must do no
// I/O, so Head is an atomic load of the cached value. After a successful head poll it
// also asks for the refused blocks every RejectedPollInterval (2 s) and keeps the newest
// MaxRejectedKept (8) that are evidence; Rejected is an atomic load too.
package l2
