// One counter three ways: atomic Add, a Mutex, and a CompareAndSwap loop.
//
// Notice: counter++ on a plain int from several goroutines is a data race and loses
// updates; an atomic Add is one indivisible read-modify-write. CompareAndSwap writes
// only if the value is still the one we read, so a loop around it can enforce a rule
// (here: never sell more than 2500 tickets) without a lock.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const (
	workers   = 4
	perWorker = 100_000
	tickets   = 2500
)

func main() {
	var atomicCount atomic.Uint64
	var mu sync.Mutex
	var mutexCount uint64
	var sold, refused atomic.Uint64

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range perWorker {
				atomicCount.Add(1)

				mu.Lock()
				mutexCount++
				mu.Unlock()
			}
		})
		wg.Go(func() {
			for range 1000 { // each worker tries to buy 1000 tickets
				for {
					n := sold.Load()
					if n == tickets {
						refused.Add(1)
						break
					}
					if sold.CompareAndSwap(n, n+1) {
						break // nobody changed it between our Load and our swap
					}
					// somebody else sold one first: read again and retry
				}
			}
		})
	}
	wg.Wait()

	fmt.Println("atomic add:      ", atomicCount.Load())
	fmt.Println("mutex:           ", mutexCount)
	fmt.Printf("compare-and-swap: %d tickets sold, %d refused\n", sold.Load(), refused.Load())
}
