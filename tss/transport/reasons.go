package transport

import "net/http"

// Reasons the receiving side answers with: a short token (the first word of the body,
// and the metrics label) and an HTTP status the sender acts on: 2xx done, 409 the peer
// already has it (done), 429/5xx try again, any other 4xx give up.
const (
	reasonOK             = "ok"
	reasonQueued         = "queued"
	reasonMalformed      = "malformed"
	reasonUnknownVersion = "unknown-version"
	reasonWrongChain     = "wrong-chain"
	reasonBadSignature   = "bad-signature"
	reasonFromSelf       = "from-self"
	reasonUnknownSender  = "unknown-sender"
	reasonSessionClosed  = "session-closed"
	reasonForeignSession = "foreign-session"
	reasonNotAParty      = "not-a-party"
	reasonNotForUs       = "not-for-us"
	reasonReplayed       = "replayed"
	reasonDuplicateRound = "duplicate-round"
	reasonTooMany        = "too-many-messages"
	reasonDecryptFailed  = "decrypt-failed"
	reasonBadEcho        = "bad-echo"
	reasonEchoChanged    = "echo-changed"
	reasonEquivocation   = "equivocation"
	reasonTooLarge       = "too-large"
	reasonBusy           = "busy"
	reasonQueueRefused   = "queue-refused"
)

var reasonStatus = map[string]int{
	reasonOK:             http.StatusOK,
	reasonQueued:         http.StatusAccepted,
	reasonMalformed:      http.StatusBadRequest,
	reasonUnknownVersion: http.StatusBadRequest,
	reasonWrongChain:     http.StatusBadRequest,
	reasonBadSignature:   http.StatusBadRequest,
	reasonDecryptFailed:  http.StatusBadRequest,
	reasonBadEcho:        http.StatusBadRequest,
	reasonEchoChanged:    http.StatusBadRequest,
	reasonEquivocation:   http.StatusBadRequest,
	reasonFromSelf:       http.StatusForbidden,
	// Unknown until the chain's next height reaches this node: a peer that saw the
	// block first may speak before this node knows its endpoint. Retrying is cheap
	// for both (the signature was checked) and bounded by the sender's retries.
	reasonUnknownSender:  http.StatusServiceUnavailable,
	reasonNotAParty:      http.StatusForbidden,
	reasonNotForUs:       http.StatusForbidden,
	reasonTooMany:        http.StatusForbidden,
	reasonReplayed:       http.StatusConflict,
	reasonDuplicateRound: http.StatusConflict,
	reasonSessionClosed:  http.StatusGone,
	reasonForeignSession: http.StatusGone,
	reasonTooLarge:       http.StatusRequestEntityTooLarge,
	reasonQueueRefused:   http.StatusTooManyRequests,
	reasonBusy:           http.StatusServiceUnavailable,
}

// outcome is the receiving side's verdict on one envelope.
type outcome struct {
	reason string
	detail string
}

func verdict(reason, detail string) outcome { return outcome{reason: reason, detail: detail} }

func (o outcome) status() int {
	if s, ok := reasonStatus[o.reason]; ok {
		return s
	}
	return http.StatusInternalServerError // a reason without a status is our bug
}

// retryable reports whether a sender should try again after this HTTP status.
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// delivered reports whether this HTTP status means the peer has the envelope.
func delivered(status int) bool {
	return status == http.StatusOK || status == http.StatusAccepted || status == http.StatusConflict
}
