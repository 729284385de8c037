package downtime

import cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

// IsMiss reports whether a last-commit vote flag counts as a missed block. Only
// absent does: a nil precommit is signed by its validator, which was up and voting
// (it just did not see the block in time), and a multiple node outage is about nodes
// being down. This is the SDK's rule too. Unknown never reaches the app: CometBFT
// rejects a commit carrying it.
func IsMiss(flag cmtproto.BlockIDFlag) bool { return flag == cmtproto.BlockIDFlagAbsent }
