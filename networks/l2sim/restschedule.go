package l2sim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// maxScheduleBody bounds what is read from the chain API; an epoch is a few hundred
// bytes, so anything near this is not an answer.
const maxScheduleBody = 1 << 20

// grpcNotFound is the gRPC status code NOT_FOUND, which the gRPC gateway puts in the
// "code" field of its error bodies.
const grpcNotFound = 5

// RESTSchedule asks a themis node's REST (gRPC gateway) API who produces a height:
// GET {BaseURL}/themis/epoch/v1/producer/{height}. It caches nothing: the chain can
// replace an epoch from any height on, and a stale answer would make the node produce
// or accept blocks the chain no longer schedules.
type RESTSchedule struct {
	BaseURL string
	Client  *http.Client // nil: a client with a 5 s timeout
}

// NewRESTSchedule checks base (an http or https URL) and returns a schedule reading it.
func NewRESTSchedule(base string) (*RESTSchedule, error) {
	if err := checkHTTPURL(base); err != nil {
		return nil, fmt.Errorf("chain API %q: %w", base, err)
	}
	return &RESTSchedule{BaseURL: strings.TrimRight(base, "/"), Client: &http.Client{Timeout: 5 * time.Second}}, nil
}

// ProducerAt implements Schedule.
func (s *RESTSchedule) ProducerAt(ctx context.Context, height uint64) (Producer, bool, error) {
	u := strings.TrimRight(s.BaseURL, "/") + "/themis/epoch/v1/producer/" + strconv.FormatUint(height, 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Producer{}, false, fmt.Errorf("schedule query: %w", err)
	}
	client := s.Client
	if client == nil {
		client = &http.Client{Timeout: 5 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return Producer{}, false, fmt.Errorf("schedule query for L2 height %d: %w", height, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxScheduleBody+1))
	if err != nil {
		return Producer{}, false, fmt.Errorf("schedule query for L2 height %d: reading the answer: %w", height, err)
	}
	if len(body) > maxScheduleBody {
		return Producer{}, false, fmt.Errorf("schedule query for L2 height %d: answer larger than %d bytes", height, maxScheduleBody)
	}
	p, ok, err := DecodeProducerResponse(resp.StatusCode, body, height)
	if err != nil {
		return Producer{}, false, fmt.Errorf("schedule query %s: %w", u, err)
	}
	return p, ok, nil
}

// epochJSON is the part of x/epoch's Epoch the simulator needs. uint64s arrive as JSON
// strings (the gateway's proto3 JSON); other fields (reason, seed, ...) are ignored.
type epochJSON struct {
	ID          *jsonU64 `json:"id"`
	StartHeight *jsonU64 `json:"start_height"`
	EndHeight   *jsonU64 `json:"end_height"`
	ProducerID  *jsonU64 `json:"producer_id"`
	Signer      *string  `json:"signer"`
	Cancelled   bool     `json:"cancelled"`
}

type producerResponseJSON struct {
	Epoch *epochJSON `json:"epoch"`
}

// gatewayErrorJSON is the gRPC gateway's error body.
type gatewayErrorJSON struct {
	Code    *int   `json:"code"`
	Message string `json:"message"`
}

// DecodeProducerResponse turns the chain API's answer for height into a Producer: HTTP
// 200 with {"epoch":{...}}, or "nobody scheduled" for HTTP 404 or a gateway error body
// with code 5 (NOT_FOUND). Anything else is an error that says what was wrong.
func DecodeProducerResponse(status int, body []byte, height uint64) (Producer, bool, error) {
	var gwErr gatewayErrorJSON
	isGatewayErr := json.Unmarshal(body, &gwErr) == nil && gwErr.Code != nil
	if status == http.StatusNotFound || (isGatewayErr && *gwErr.Code == grpcNotFound) {
		return Producer{}, false, nil
	}
	if status != http.StatusOK {
		if isGatewayErr {
			return Producer{}, false, fmt.Errorf("HTTP %d: gRPC code %d: %s", status, *gwErr.Code, gwErr.Message)
		}
		return Producer{}, false, fmt.Errorf("HTTP %d: %s", status, snippet(body))
	}
	if isGatewayErr && *gwErr.Code != 0 {
		return Producer{}, false, fmt.Errorf("gRPC code %d: %s", *gwErr.Code, gwErr.Message)
	}
	var resp producerResponseJSON
	if err := json.Unmarshal(body, &resp); err != nil {
		return Producer{}, false, fmt.Errorf("answer is not a producer response: %w (body %s)", err, snippet(body))
	}
	if resp.Epoch == nil {
		return Producer{}, false, fmt.Errorf("answer has no \"epoch\" (body %s)", snippet(body))
	}
	return resp.Epoch.producer(height)
}

func (e *epochJSON) producer(height uint64) (Producer, bool, error) {
	var missing []string
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"id", e.ID != nil}, {"start_height", e.StartHeight != nil}, {"end_height", e.EndHeight != nil},
		{"producer_id", e.ProducerID != nil}, {"signer", e.Signer != nil},
	} {
		if !f.present {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return Producer{}, false, fmt.Errorf("epoch lacks %s", strings.Join(missing, ", "))
	}
	// A cancelled epoch was replaced before it produced anything: it schedules nobody.
	if e.Cancelled {
		return Producer{}, false, nil
	}
	if !common.IsHexAddress(*e.Signer) || !strings.HasPrefix(*e.Signer, "0x") {
		return Producer{}, false, fmt.Errorf("epoch signer %q is not a 0x-prefixed 20-byte hex address", *e.Signer)
	}
	p := Producer{
		EpochID: uint64(*e.ID), SequencerID: uint64(*e.ProducerID), Signer: common.HexToAddress(*e.Signer),
		StartHeight: uint64(*e.StartHeight), EndHeight: uint64(*e.EndHeight),
	}
	if p.Signer == (common.Address{}) {
		return Producer{}, false, errors.New("epoch signer is the zero address")
	}
	if p.EndHeight != 0 && p.EndHeight < p.StartHeight {
		return Producer{}, false, fmt.Errorf("epoch %d ends (%d) before it starts (%d)", p.EpochID, p.EndHeight, p.StartHeight)
	}
	// The chain must answer with the epoch covering the height asked about; anything else
	// would let a confused API schedule the wrong producer.
	if !p.Covers(height) {
		return Producer{}, false, fmt.Errorf("epoch %d covers L2 heights [%d, %d], not the %d asked about", p.EpochID, p.StartHeight, p.EndHeight, height)
	}
	return p, true, nil
}

// jsonU64 accepts a uint64 as a decimal JSON string (proto3 JSON) or a plain number.
type jsonU64 uint64

func (v *jsonU64) UnmarshalJSON(data []byte) error {
	s := string(data)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return fmt.Errorf("%s is not a decimal uint64", snippet(data))
	}
	*v = jsonU64(n)
	return nil
}

// snippet quotes at most 200 bytes of body for an error message.
func snippet(body []byte) string {
	const max = 200
	if len(body) > max {
		return strconv.Quote(string(body[:max])) + "..."
	}
	return strconv.Quote(string(body))
}

// checkHTTPURL accepts an absolute http or https URL with a host.
func checkHTTPURL(s string) error {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return errors.New("want an http:// or https:// URL")
	}
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("want an http:// or https:// URL, got scheme %q", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("URL has no host")
	}
	return nil
}
