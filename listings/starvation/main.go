// Two workers share one lock and the same kind of work: units of 1 ms that need the lock.
// The greedy worker takes the lock once for three units; the polite worker takes it for one
// unit at a time. Both run for the same 200 ms.
//
// Notice: neither worker is ever blocked for good, and the lock gives them turns fairly,
// yet the greedy one gets three times as much done. The polite worker is starved by the
// other's policy, not by a bug: holding a lock longer than the critical section needs is
// what makes a worker greedy. The turns are fair because sync.Mutex, once a waiter has
// waited more than 1 ms, switches to starvation mode and hands each unlock to the goroutine
// that has waited longest.
package main

import (
	"fmt"
	"sync"
	"time"
)

const (
	unit   = time.Millisecond
	runFor = 200 * time.Millisecond
)

// worker works until runFor is over, holding mu for perTurn units at a time, and returns
// how many units it did.
func worker(mu *sync.Mutex, perTurn int) int {
	start := time.Now()
	units := 0
	for time.Since(start) < runFor {
		mu.Lock()
		time.Sleep(time.Duration(perTurn) * unit) // the work that needs the lock
		units += perTurn
		mu.Unlock()
	}
	return units
}

func main() {
	var mu sync.Mutex
	var greedy, polite int
	var wg sync.WaitGroup
	wg.Go(func() { greedy = worker(&mu, 3) })
	wg.Go(func() { polite = worker(&mu, 1) })
	wg.Wait()
	fmt.Printf("greedy worker: %d units of work\n", greedy)
	fmt.Printf("polite worker: %d units of work\n", polite)
	fmt.Printf("greedy did more than twice the work of polite: %t\n", greedy > 2*polite)
}
