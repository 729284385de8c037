package l2

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// RPCError is a JSON-RPC error object returned by the L2 node.
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *RPCError) Error() string {
	return fmt.Sprintf("L2 node answered JSON-RPC error %d: %s", e.Code, clip(e.Message))
}

// responseJSON is one JSON-RPC answer. RawMessage fields tell an absent member (nil)
// from a null one ("null").
type responseJSON struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
}

// decodeResponse extracts the result of the answer to the call with id wantID. HTTP
// status is taken into account only for the message: many nodes send a JSON-RPC
// error object with a 4xx/5xx status, and that object says more than the status.
// The returned result may be the JSON null (a block the node does not have).
func decodeResponse(status int, body []byte, wantID uint64) (json.RawMessage, error) {
	body = bytes.TrimSpace(body)
	var r responseJSON
	if len(body) == 0 || body[0] != '{' || json.Unmarshal(body, &r) != nil {
		if status < 200 || status > 299 {
			return nil, fmt.Errorf("%w: HTTP %d: %s", ErrMalformed, status, clip(string(body)))
		}
		return nil, fmt.Errorf("%w: answer is not a JSON-RPC object: %s", ErrMalformed, clip(string(body)))
	}
	if e := bytes.TrimSpace(r.Error); len(e) > 0 && !bytes.Equal(e, []byte("null")) {
		var rpcErr RPCError
		if err := json.Unmarshal(e, &rpcErr); err != nil {
			return nil, fmt.Errorf("%w: unreadable JSON-RPC error object %s", ErrMalformed, clip(string(e)))
		}
		return nil, &rpcErr
	}
	if status < 200 || status > 299 {
		return nil, fmt.Errorf("%w: HTTP %d without a JSON-RPC error", ErrMalformed, status)
	}
	// The id is checked after the error object: a node answers a request it could not
	// parse with id null, and its error message is the useful part.
	if got := string(bytes.TrimSpace(r.ID)); got != strconv.FormatUint(wantID, 10) {
		return nil, fmt.Errorf("%w: answer id %s does not match request id %d", ErrMalformed, clip(got), wantID)
	}
	if r.Result == nil {
		return nil, fmt.Errorf("%w: answer has neither result nor error", ErrMalformed)
	}
	return r.Result, nil
}
