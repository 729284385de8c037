package sender

import "strings"

// Send results, the label of themis_bridge_pool_tx_sends_total.
const (
	resultSent    = "sent"
	resultKnown   = "already_known" // another bridge (or this one) sent it first
	resultLanded  = "nonce_used"    // a version of the nonce landed: nothing to do
	resultPriced  = "underpriced"   // an earlier version pays more: the chain replaces
	resultFailed  = "failed"        // the node is away or refused for another reason
	resultRefused = "refused"       // the chain served bytes that are not the pool's tx
)

// Classify names an eth_sendRawTransaction error. Geth's txpool messages are the
// reference; other clients word them alike.
func Classify(err error) string {
	if err == nil {
		return resultSent
	}
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "already known"), strings.Contains(msg, "already imported"),
		strings.Contains(msg, "known transaction"):
		return resultKnown
	case strings.Contains(msg, "nonce too low"):
		return resultLanded
	case strings.Contains(msg, "underpriced"):
		return resultPriced
	default:
		return resultFailed
	}
}
