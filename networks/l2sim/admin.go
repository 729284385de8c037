package l2sim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Status is GET /admin/status.
type Status struct {
	ChainID        uint64         `json:"chain_id"`
	Head           uint64         `json:"head"`
	Hash           common.Hash    `json:"hash"`
	Mode           Mode           `json:"mode"`
	Signer         common.Address `json:"signer"`
	Peers          []string       `json:"peers"`
	FaultsObserved int            `json:"faults_observed"`
	Faults         []Fault        `json:"faults"`
}

// FaultsResponse is GET /admin/faults.
type FaultsResponse struct {
	Faults []Fault `json:"faults"`
}

// maxAdminBody bounds an admin answer read by GetStatus and PostFault (the fault log
// is at most maxFaults entries of a few hundred bytes).
const maxAdminBody = 4 << 20

// faultRequest is the body of POST /admin/fault.
type faultRequest struct {
	Mode *string `json:"mode"`
}

// Status describes the node.
func (n *Node) Status() Status {
	head := n.store.Head()
	faults := n.faults.list()
	peers := []string{}
	for _, p := range *n.peers.Load() {
		peers = append(peers, p.url)
	}
	return Status{ChainID: n.cfg.ChainID, Head: head.Height(), Hash: head.Hash, Mode: n.Mode(), Signer: n.signer,
		Peers: peers, FaultsObserved: len(faults), Faults: faults}
}

func (n *Node) serveStatus(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		adminError(w, http.StatusMethodNotAllowed, "use GET")
		return
	}
	writeJSON(w, http.StatusOK, n.Status())
}

func (n *Node) serveFaults(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		adminError(w, http.StatusMethodNotAllowed, "use GET")
		return
	}
	writeJSON(w, http.StatusOK, FaultsResponse{Faults: n.faults.list()})
}

// serveFault switches the fault mode: {"mode":"none"|"stall"|"equivocate"|"wrong_result"}.
func (n *Node) serveFault(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		adminError(w, http.StatusMethodNotAllowed, "use POST with {\"mode\": ...}")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4096))
	if err != nil {
		adminError(w, http.StatusBadRequest, "cannot read the body")
		return
	}
	mode, err := decodeFaultRequest(body)
	if err != nil {
		adminError(w, http.StatusBadRequest, err.Error())
		return
	}
	n.SetMode(mode)
	writeJSON(w, http.StatusOK, n.Status())
}

// decodeFaultRequest parses the body of POST /admin/fault.
func decodeFaultRequest(body []byte) (Mode, error) {
	var req faultRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return "", fmt.Errorf(`body must be {"mode": "none"|"stall"|"equivocate"|"wrong_result"}: %v`, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", fmt.Errorf("body has data after the JSON object")
	}
	if req.Mode == nil {
		return "", fmt.Errorf(`body lacks "mode"`)
	}
	return ParseMode(*req.Mode)
}

func adminError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// PostFault sets the fault mode of the node at nodeURL and returns its status.
func PostFault(ctx context.Context, client *http.Client, nodeURL string, mode Mode) (Status, error) {
	body, _ := json.Marshal(map[string]string{"mode": string(mode)})
	return adminCall(ctx, client, http.MethodPost, nodeURL, "/admin/fault", body)
}

// GetStatus reads the status of the node at nodeURL.
func GetStatus(ctx context.Context, client *http.Client, nodeURL string) (Status, error) {
	return adminCall(ctx, client, http.MethodGet, nodeURL, "/admin/status", nil)
}

func adminCall(ctx context.Context, client *http.Client, method, nodeURL, path string, body []byte) (Status, error) {
	if err := checkHTTPURL(nodeURL); err != nil {
		return Status{}, fmt.Errorf("node %q: %w", nodeURL, err)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(nodeURL, "/")+path, bytes.NewReader(body))
	if err != nil {
		return Status{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return Status{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAdminBody))
	if err != nil {
		return Status{}, err
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(data, &e) == nil && e.Error != "" {
			return Status{}, fmt.Errorf("%s%s: HTTP %d: %s", nodeURL, path, resp.StatusCode, e.Error)
		}
		return Status{}, fmt.Errorf("%s%s: HTTP %d: %s", nodeURL, path, resp.StatusCode, snippet(data))
	}
	var st Status
	if err := json.Unmarshal(data, &st); err != nil {
		return Status{}, fmt.Errorf("%s%s: not an l2sim status: %w", nodeURL, path, err)
	}
	return st, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client may be gone; nothing to do about it
}
