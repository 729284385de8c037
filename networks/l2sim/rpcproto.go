package l2sim

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// JSON-RPC 2.0 error codes.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeInternal       = -32603
)

// maxBatch bounds a batch request; the bridge sends a handful of calls at most.
const maxBatch = 100

// RPCError is a JSON-RPC error object.
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *RPCError) Error() string { return fmt.Sprintf("JSON-RPC error %d: %s", e.Code, e.Message) }

// RPCRequest is one decoded call. ID is the raw id (nil for a notification, which gets
// no answer); Err is set when this element of the request was invalid, and is then the
// answer.
type RPCRequest struct {
	ID     json.RawMessage
	Method string
	Params []json.RawMessage
	Err    *RPCError
}

// rpcResponse is one answer.
type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result,omitempty"`
	Error   *RPCError       `json:"error,omitempty"`
}

// requestJSON is a call as sent; RawMessage fields tell absent from null.
type requestJSON struct {
	JSONRPC json.RawMessage `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  json.RawMessage `json:"method"`
	Params  json.RawMessage `json:"params"`
}

// DecodeRPCRequests parses an HTTP body as a JSON-RPC 2.0 call or batch. A body that is
// not JSON, or an empty or oversized batch, is a single error (returned as err). Invalid
// elements of a batch come back with Err set, so the others are still answered.
func DecodeRPCRequests(body []byte) (reqs []RPCRequest, batch bool, err *RPCError) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, false, &RPCError{codeParseError, "parse error: empty body"}
	}
	if !json.Valid(body) {
		return nil, false, &RPCError{codeParseError, "parse error: body is not valid JSON"}
	}
	if body[0] != '[' {
		return []RPCRequest{decodeOne(body)}, false, nil
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(body, &elems); err != nil {
		return nil, true, &RPCError{codeParseError, "parse error: " + err.Error()}
	}
	if len(elems) == 0 {
		return nil, true, &RPCError{codeInvalidRequest, "invalid request: empty batch"}
	}
	if len(elems) > maxBatch {
		return nil, true, &RPCError{codeInvalidRequest, fmt.Sprintf("invalid request: batch of %d calls, at most %d", len(elems), maxBatch)}
	}
	for _, e := range elems {
		reqs = append(reqs, decodeOne(e))
	}
	return reqs, true, nil
}

// decodeOne checks one call object. Its id is kept whenever it is a valid id so that
// even an invalid call is answered under its own id.
func decodeOne(raw json.RawMessage) RPCRequest {
	invalid := func(id json.RawMessage, msg string) RPCRequest {
		if id == nil {
			id = json.RawMessage("null")
		}
		return RPCRequest{ID: id, Err: &RPCError{codeInvalidRequest, "invalid request: " + msg}}
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return invalid(nil, "a call must be a JSON object")
	}
	var r requestJSON
	if err := json.Unmarshal(raw, &r); err != nil {
		return invalid(nil, err.Error())
	}
	var id json.RawMessage
	if r.ID != nil {
		if !validID(r.ID) {
			return invalid(nil, "id must be a string, a number or null")
		}
		id = r.ID
	}
	var version string
	if r.JSONRPC == nil || json.Unmarshal(r.JSONRPC, &version) != nil || version != "2.0" {
		return invalid(id, `"jsonrpc" must be "2.0"`)
	}
	var method string
	if r.Method == nil || json.Unmarshal(r.Method, &method) != nil || method == "" {
		return invalid(id, `"method" must be a non-empty string`)
	}
	req := RPCRequest{ID: id, Method: method}
	if p := bytes.TrimSpace(r.Params); len(p) > 0 && !bytes.Equal(p, []byte("null")) {
		if p[0] != '[' {
			return invalid(id, `"params" must be an array (named parameters are not supported)`)
		}
		if err := json.Unmarshal(p, &req.Params); err != nil {
			return invalid(id, "params: "+err.Error())
		}
	}
	return req
}

// validID: JSON-RPC 2.0 allows a string, a number or null.
func validID(id json.RawMessage) bool {
	id = bytes.TrimSpace(id)
	if len(id) == 0 {
		return false
	}
	switch id[0] {
	case '"':
		var s string
		return json.Unmarshal(id, &s) == nil
	case 'n':
		return bytes.Equal(id, []byte("null"))
	default:
		var n json.Number
		return json.Unmarshal(id, &n) == nil
	}
}
