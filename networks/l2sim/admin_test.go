package l2sim

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestAdminEndpoints(t *testing.T) {
	n, blocks := idleNode(t)
	ctx := context.Background()
	st, err := GetStatus(ctx, nil, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	if st.Head != 3 || st.Hash != blocks[3].Hash || st.Mode != ModeNone || st.Signer != n.Signer() || st.ChainID != testChainID {
		t.Fatalf("status %+v", st)
	}
	for _, m := range []Mode{ModeStall, ModeEquivocate, ModeWrongResult, ModeNone} {
		st, err := PostFault(ctx, nil, n.URL(), m)
		if err != nil || st.Mode != m || n.Mode() != m {
			t.Fatalf("set %s: %+v, %v", m, st, err)
		}
	}
	if _, err := PostFault(ctx, nil, n.URL(), "explode"); err == nil || !strings.Contains(err.Error(), "unknown fault mode") {
		t.Fatalf("bad mode: %v", err)
	}
	for _, body := range []string{``, `{}`, `{"mode":1}`, `{"mode":"stall","x":1}`, `{"mode":"stall"} {}`} {
		status, out := post(t, n.URL()+"/admin/fault", body)
		if status != http.StatusBadRequest || !strings.Contains(out, `"error"`) {
			t.Errorf("body %q: %d %s", body, status, out)
		}
	}
	if n.Mode() != ModeNone {
		t.Fatal("a rejected request changed the mode")
	}
	resp, err := http.Get(n.URL() + "/admin/fault")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /admin/fault: %d", resp.StatusCode)
	}
	_, out := post(t, n.URL()+"/admin/faults", "")
	if !strings.Contains(out, "use GET") {
		t.Errorf("POST /admin/faults: %s", out)
	}
	resp, err = http.Get(n.URL() + "/admin/faults")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /admin/faults: %d", resp.StatusCode)
	}
	if _, err := GetStatus(ctx, nil, "127.0.0.1:8645"); err == nil {
		t.Error("a node URL without scheme accepted")
	}
}

func TestParseMode(t *testing.T) {
	for _, m := range Modes {
		if got, err := ParseMode(string(m)); err != nil || got != m {
			t.Errorf("%s: %s %v", m, got, err)
		}
	}
	if m, err := ParseMode(""); err != nil || m != ModeNone {
		t.Errorf("empty: %s %v", m, err)
	}
	if _, err := ParseMode("resume"); err == nil {
		t.Error("resume is the command's word, not a mode")
	}
}
