package readiness_test

import (
	"testing"
	"time"

	"github.com/themis-network/themis/x/epoch/readiness"
)

func TestCheck(t *testing.T) {
	now := time.Unix(1_000, 0)
	rule := readiness.Rule{Now: now, Window: 10 * time.Second, AgreedHead: 100, Tolerance: 5, RequireTSS: true}
	fresh := readiness.Report{HasHead: true, L2Height: 100, TSSReady: true, ReportedTime: now.Add(-time.Second)}
	with := func(f func(*readiness.Report)) readiness.Report { r := fresh; f(&r); return r }
	cases := []struct {
		name   string
		r      readiness.Report
		has    bool
		rule   readiness.Rule
		ok     bool
		reason string
	}{
		{"fresh and synced", fresh, true, rule, true, ""},
		{"no report", fresh, false, rule, false, readiness.NoReport},
		{"exactly at the window", with(func(r *readiness.Report) { r.ReportedTime = now.Add(-10 * time.Second) }), true, rule, true, ""},
		{"just past the window", with(func(r *readiness.Report) { r.ReportedTime = now.Add(-10*time.Second - time.Nanosecond) }), true, rule, false, readiness.Stale},
		{"no head", with(func(r *readiness.Report) { r.HasHead = false; r.L2Height = 0 }), true, rule, false, readiness.NoHead},
		{"behind by the tolerance", with(func(r *readiness.Report) { r.L2Height = 95 }), true, rule, true, ""},
		{"behind by more", with(func(r *readiness.Report) { r.L2Height = 94 }), true, rule, false, readiness.Behind},
		{"ahead of the agreed head", with(func(r *readiness.Report) { r.L2Height = 150 }), true, rule, true, ""},
		{"tss down, required", with(func(r *readiness.Report) { r.TSSReady = false }), true, rule, false, readiness.TSSNotUp},
		{"tss down, not required", with(func(r *readiness.Report) { r.TSSReady = false }), true, readiness.Rule{Now: now, Window: 10 * time.Second, AgreedHead: 100, Tolerance: 5}, true, ""},
		{"head 0 at genesis", readiness.Report{HasHead: true, ReportedTime: now}, true, readiness.Rule{Now: now, Window: time.Second}, true, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ok, reason := readiness.Check(tc.r, tc.has, tc.rule)
			if ok != tc.ok || reason != tc.reason {
				t.Fatalf("Check = %v %q, want %v %q", ok, reason, tc.ok, tc.reason)
			}
		})
	}
}
