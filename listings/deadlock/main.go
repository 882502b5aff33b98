// Two workers each need both locks. Worker 1 takes A, then B; worker 2 takes B, then A. A
// barrier lets each take its first lock before either asks for its second: a deadlock,
// every run.
//
// Notice: Lock would wait for ever here. Go's runtime reports "all goroutines are asleep -
// deadlock!" only when every goroutine is blocked, so a server with one more goroutine
// alive just hangs. To watch the deadlock without hanging, the second lock is tried with
// TryLock until a deadline and then given up. The fix is one global order: every worker
// takes A before B, so no cycle of waiting can form, and plain Lock is safe.
package main

import (
	"fmt"
	"sync"
	"time"
)

const (
	patience = 50 * time.Millisecond
	rounds   = 1000
)

type Lock struct {
	name  string
	mu    sync.Mutex
	count int
}

// lockWithin tries the lock until patience runs out; false means we gave up.
func (l *Lock) lockWithin(patience time.Duration) bool {
	deadline := time.Now().Add(patience)
	for !l.mu.TryLock() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
	return true
}

// barrier returns a function that blocks until n goroutines have called it (once each).
func barrier(n int) func() {
	var wg sync.WaitGroup
	wg.Add(n)
	return func() { wg.Done(); wg.Wait() }
}

// report is what a worker says when it is done.
type report struct {
	line   string
	gaveUp bool
}

// oppositeOrders takes first, waits until the other worker holds its first lock, then
// tries second.
func oppositeOrders(first, second *Lock, bothHold, bothTried func()) report {
	first.mu.Lock()
	defer first.mu.Unlock()
	bothHold()
	var r report
	if second.lockWithin(patience) {
		first.count++
		second.count++
		second.mu.Unlock()
		r.line = fmt.Sprintf("took %s then %s", first.name, second.name)
	} else {
		r.line = fmt.Sprintf("holds %s, waited %v for %s, gave up", first.name, patience, second.name)
		r.gaveUp = true
	}
	// Hold first until the other worker has given up too, so that each gives up every run.
	bothTried()
	return r
}

// oneOrder takes a then b, rounds times: the same order as every other worker.
func oneOrder(a, b *Lock) report {
	for range rounds {
		a.mu.Lock()
		b.mu.Lock()
		a.count++
		b.count++
		b.mu.Unlock()
		a.mu.Unlock()
	}
	return report{line: fmt.Sprintf("%d times %s then %s", rounds, a.name, b.name)}
}

// twoWorkers runs two workers at once and returns what each says, worker 1's first.
func twoWorkers(worker1, worker2 func() report) [2]report {
	var said [2]report
	var wg sync.WaitGroup
	wg.Go(func() { said[0] = worker1() })
	wg.Go(func() { said[1] = worker2() })
	wg.Wait()
	return said
}

func main() {
	a, b := &Lock{name: "A"}, &Lock{name: "B"}

	fmt.Println("opposite orders:")
	bothHold, bothTried := barrier(2), barrier(2)
	said := twoWorkers(
		func() report { return oppositeOrders(a, b, bothHold, bothTried) },
		func() report { return oppositeOrders(b, a, bothHold, bothTried) },
	)
	for i, r := range said {
		fmt.Printf("  worker %d: %s\n", i+1, r.line)
	}
	if said[0].gaveUp && said[1].gaveUp {
		fmt.Println("  deadlock: each held the lock the other needed")
	}

	fmt.Println("one global order (A before B):")
	said = twoWorkers(func() report { return oneOrder(a, b) }, func() report { return oneOrder(a, b) })
	for i, r := range said {
		fmt.Printf("  worker %d: %s\n", i+1, r.line)
	}
	fmt.Printf("  A = %d, B = %d\n", a.count, b.count)
}
