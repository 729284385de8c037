package l2

import (
	"time"

	"cosmossdk.io/log"
)

// failureLogEvery is how often an unchanged failure is logged again. The watcher
// retries every few seconds at most; logging each retry of a down L2 node would bury
// the node's other logs.
const failureLogEvery = 30 * time.Second

// failureLog decides which failed polls are logged: the first of a streak, any whose
// error differs from the last logged one, and otherwise one every failureLogEvery.
type failureLog struct {
	lastMsg string
	lastAt  time.Time
}

func (f *failureLog) failed(logger log.Logger, err error, failures int, retryIn time.Duration, now time.Time) {
	msg := err.Error()
	if failures > 1 && msg == f.lastMsg && now.Sub(f.lastAt) < failureLogEvery {
		return
	}
	f.lastMsg, f.lastAt = msg, now
	logger.Error("L2 watcher: poll failed; keeping the last head", "err", msg, "failures", failures, "retry_in", retryIn)
}
