// Forty requests, handled first by one goroutine each with no limit, then at most four
// at a time.
//
// Notice: the unbounded loop starts a goroutine per request and all of them run at once;
// under a real load that is the OOM the original warns about. The bounded loop still starts
// a goroutine per request, but a buffered channel used as a semaphore lets only four
// run: the send takes a slot (and waits when all are taken), the receive gives it back.
package main

import (
	"fmt"
	"sync"
	"time"
)

const (
	requests   = 40
	maxWorkers = 4
)

// meter counts the requests being handled and the most ever handled at once.
type meter struct {
	mu                 sync.Mutex
	now, peak, handled int
}

func handle(_ int, m *meter) {
	m.mu.Lock()
	m.now++
	m.peak = max(m.peak, m.now)
	m.mu.Unlock()

	time.Sleep(20 * time.Millisecond) // the work

	m.mu.Lock()
	m.now--
	m.handled++
	m.mu.Unlock()
}

func report(label string, m *meter) {
	fmt.Printf("%s: %d requests handled, at most %d at once\n", label, m.handled, m.peak)
}

func main() {
	// Avoid: a goroutine per request, without a limit.
	m := &meter{}
	var wg sync.WaitGroup
	for req := range requests {
		wg.Go(func() { handle(req, m) })
	}
	wg.Wait()
	report("unbounded", m)

	// Better: bounded concurrency.
	m = &meter{}
	sem := make(chan struct{}, maxWorkers)
	for req := range requests {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			handle(req, m)
		})
	}
	wg.Wait()
	report("bounded", m)
}
