package cmd

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// tssProgress is `themisd tss init`'s display on stderr: sets in the pool against the
// target, how long the current set has run, and the mean so far. Generation times
// vary from seconds to minutes, so a silent terminal would look hung. On a terminal
// the line is redrawn every second; otherwise (logs, CI) a line is written every
// tssProgressQuiet and when a set is done.
type tssProgress struct {
	w      io.Writer
	tty    bool
	now    func() time.Time
	target int

	mu    sync.Mutex
	have  int
	began time.Time
	took  []time.Duration
}

const tssProgressQuiet = 30 * time.Second

func newTSSProgress(w io.Writer, now func() time.Time, have, target int) *tssProgress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &tssProgress{w: w, tty: tty, now: now, have: have, target: target}
}

// start marks the beginning of a set and redraws until the returned stop is called.
func (p *tssProgress) start() (stop func()) {
	p.mu.Lock()
	p.began = p.now()
	p.mu.Unlock()
	every := tssProgressQuiet
	if p.tty {
		every = time.Second
		p.draw()
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
	return func() { close(done); <-finished }
}

// finish records a completed set.
func (p *tssProgress) finish(have int) {
	p.mu.Lock()
	took := p.now().Sub(p.began)
	p.took = append(p.took, took)
	p.have = have
	line := fmt.Sprintf("preparams %d/%d: set done in %s (mean %s per set so far)", p.have, p.target, tssClock(took), tssClock(p.mean()))
	p.mu.Unlock()
	p.println(line)
}

func (p *tssProgress) draw() {
	p.mu.Lock()
	line := fmt.Sprintf("preparams %d/%d: generating set %d, %s elapsed; ", p.have, p.target, p.have+1, tssClock(p.now().Sub(p.began)))
	if len(p.took) == 0 {
		line += "one set takes seconds to minutes here"
	} else {
		line += "mean " + tssClock(p.mean()) + " per set so far"
	}
	p.mu.Unlock()
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K"+line)
		return
	}
	fmt.Fprintln(p.w, line)
}

// println ends a redrawn line before writing a permanent one.
func (p *tssProgress) println(line string) {
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintln(p.w, line)
}

// mean of the sets made in this run; the caller holds mu.
func (p *tssProgress) mean() time.Duration {
	if len(p.took) == 0 {
		return 0
	}
	var sum time.Duration
	for _, d := range p.took {
		sum += d
	}
	return sum / time.Duration(len(p.took))
}

func tssClock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
