package keeper_test

import sdk "github.com/cosmos/cosmos-sdk/types"

func newEventManager() *sdk.EventManager { return sdk.NewEventManager() }

// rejectedReasons returns the reasons of the EventL1EventRejected events emitted.
func rejectedReasons(e *zzEnv) []string {
	var reasons []string
	for _, ev := range e.ctx.EventManager().Events() {
		if ev.Type != "themis.sequencer.v1.EventL1EventRejected" {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == "reason" {
				reasons = append(reasons, a.Value)
			}
		}
	}
	return reasons
}
