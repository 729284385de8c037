package sequencertest

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
)

// TypedEvents decodes the typed events of type T emitted on ctx's event manager, in order.
func TypedEvents[T proto.Message](t testing.TB, ctx sdk.Context) []T {
	t.Helper()
	var out []T
	var zero T
	name := proto.MessageName(zero)
	for _, ev := range ctx.EventManager().Events() {
		if ev.Type != name {
			continue
		}
		msg, err := sdk.ParseTypedEvent(abci.Event(ev))
		require.NoError(t, err)
		typed, ok := msg.(T)
		require.True(t, ok, "event %s decodes to %T", name, msg)
		out = append(out, typed)
	}
	return out
}
