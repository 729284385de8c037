package preparams

import (
	"context"
	"sync"
)

// Gate tells the top-up when it may use the cores: Idle blocks until no TSS session
// runs and returns a channel that is closed as soon as one starts. Getting both in one
// call leaves no gap in which a session could start unnoticed.
type Gate interface {
	Idle(ctx context.Context) (busy <-chan struct{}, err error)
}

// Sessions is the Gate the TSS engine drives: Begin when a session starts, and call
// the returned end when it finishes. Sessions may overlap. The zero value is not
// usable; use NewSessions.
type Sessions struct {
	mu      sync.Mutex
	running int
	idle    chan struct{} // closed while running == 0
	busy    chan struct{} // closed when running goes from 0 to 1; renewed when back to 0
}

// NewSessions is a gate with no session running.
func NewSessions() *Sessions {
	idle := make(chan struct{})
	close(idle)
	return &Sessions{idle: idle, busy: make(chan struct{})}
}

// Begin marks a session as running until end is called (end is idempotent).
func (s *Sessions) Begin() (end func()) {
	s.mu.Lock()
	s.running++
	if s.running == 1 {
		close(s.busy)
		s.idle = make(chan struct{})
	}
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.running--
			if s.running == 0 {
				s.busy = make(chan struct{})
				close(s.idle)
			}
		})
	}
}

// Running is the number of sessions running now.
func (s *Sessions) Running() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running
}

// Idle implements Gate.
func (s *Sessions) Idle(ctx context.Context) (<-chan struct{}, error) {
	for {
		s.mu.Lock()
		if s.running == 0 {
			busy := s.busy
			s.mu.Unlock()
			return busy, nil
		}
		idle := s.idle
		s.mu.Unlock()
		select {
		case <-idle:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// alwaysIdle is the gate of a process that runs no sessions (`themisd tss init`).
type alwaysIdle struct{}

func (alwaysIdle) Idle(context.Context) (<-chan struct{}, error) { return nil, nil }
