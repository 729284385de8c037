package keeper_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"
)

func newEventManager() *sdk.EventManager { return sdk.NewEventManager() }

// rejectedReason returns the reason of the last EventL1EventRejected emitted.
func rejectedReason(t *testing.T, e *zzEnv) string {
	var reason string
	for _, ev := range e.ctx.EventManager().Events() {
		if ev.Type != "themis.sequencer.v1.EventL1EventRejected" {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == "reason" {
				reason = a.Value
			}
		}
	}
	require.NotEmpty(t, reason, "no EventL1EventRejected emitted")
	return reason
}
