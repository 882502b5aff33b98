// Goroutines that add to one counter must take turns with it: that is memory access
// synchronization, and the code that must take turns is the critical section.
//
// Notice: count++ is two steps, a read and a write. Two goroutines that interleave them lose
// an update; a barrier forces that here, so it happens every run. `go run
// ./memory-access-sync racy` runs plain count++ on four goroutines with no synchronization:
// it can print less than 40000 (how often depends on the machine and the compiler), and
// `go run -race` reports the data race on every run. A sync.Mutex
// makes the read and the write a critical section; atomic.Uint64.Add does both as one step.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

const (
	goroutines = 4
	adds       = 10_000
)

// racy is plain count++ with no synchronization: a data race.
func racy() {
	var count int
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range adds {
				count++
			}
		})
	}
	wg.Wait()
	fmt.Printf("no synchronization: %d adds, count = %d\n", goroutines*adds, count)
}

// lostUpdate has two goroutines each read the count, wait until both have read, then write
// back read + 1. (Atomic loads and stores: no data race, still a race condition.)
func lostUpdate() uint64 {
	var count atomic.Uint64
	var bothRead, wg sync.WaitGroup
	bothRead.Add(2)
	for range 2 {
		wg.Go(func() {
			seen := count.Load() // read
			bothRead.Done()
			bothRead.Wait()
			count.Store(seen + 1) // write
		})
	}
	wg.Wait()
	return count.Load()
}

func withMutex() uint64 {
	var mu sync.Mutex
	var count uint64
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range adds {
				mu.Lock()
				count++ // critical section
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return count
}

func withAtomic() uint64 {
	var count atomic.Uint64
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range adds {
				count.Add(1)
			}
		})
	}
	wg.Wait()
	return count.Load()
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "racy" {
		racy()
		return
	}
	fmt.Printf("read, then write, interleaved: 2 adds, count = %d\n", lostUpdate())
	want := goroutines * adds
	fmt.Printf("Mutex:     %d adds, count = %d\n", want, withMutex())
	fmt.Printf("atomic:    %d adds, count = %d\n", want, withAtomic())
}
