package preparams

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func TestSessionsGate(t *testing.T) {
	g := NewSessions()
	busy, err := g.Idle(context.Background())
	require.NoError(t, err)
	require.False(t, closed(busy))

	end1 := g.Begin()
	require.True(t, closed(busy), "a session starting closes the busy channel handed out while idle")
	end2 := g.Begin()
	require.Equal(t, 2, g.Running())

	// Idle blocks while any session runs.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err = g.Idle(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)

	got := make(chan (<-chan struct{}), 1)
	go func() {
		b, err := g.Idle(context.Background())
		if err == nil {
			got <- b
		}
	}()
	end1()
	end1() // idempotent
	require.Equal(t, 1, g.Running())
	end2()
	select {
	case b := <-got:
		require.False(t, closed(b), "a fresh busy channel after the sessions ended")
	case <-time.After(5 * time.Second):
		t.Fatal("Idle did not return after the last session ended")
	}
}
