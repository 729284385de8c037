// Package l2 follows an L2 node's head over Ethereum JSON-RPC (eth_chainId,
// eth_blockNumber, eth_getBlockByNumber) and keeps the latest observed head in memory.
//
// Two processes run a Watcher: the themis node, whose ExtendVote reports Head() in the
// vote extension (ExtendVote must do no I/O, so Head is an atomic load of the cached
// value), and the bridge sidecar, whose /healthz and /metrics show the head, its age and
// the poll errors.
//
// The client is hand-written rather than go-ethereum's ethclient because the L2
// simulator's blocks are not Ethereum blocks: only number, hash and timestamp are
// decoded and every other field is ignored.
package l2
