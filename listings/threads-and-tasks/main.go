// Two hundred goroutines pinned to OS threads, then ten thousand plain goroutines,
// each batch all alive at the same moment.
//
// Notice: Go has one kind of concurrent unit. A goroutine starts with a small stack
// that grows on demand, and the runtime multiplexes goroutines onto a few OS threads;
// runtime.LockOSThread is the way to ask for a thread of your own.
// Each batch counts the goroutines that started after another had already ended: 0 means
// the whole batch was alive at the same moment.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// run starts n goroutines that all wait until every one of them has started,
// and returns the sum of their ids and how many started after another had ended.
func run(n int, ownThread bool) (int64, int64) {
	var arrived, finished sync.WaitGroup
	var sum, ended, startedLate atomic.Int64
	arrived.Add(n)
	for id := 1; id <= n; id++ {
		finished.Go(func() {
			if ownThread {
				// Pinned: while this goroutine waits, no other goroutine can use its
				// thread, so the runtime must start one thread per goroutine.
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
			}
			if ended.Load() > 0 {
				startedLate.Add(1)
			}
			arrived.Done()
			arrived.Wait() // a barrier: nobody goes on until all n are alive
			sum.Add(int64(id))
			ended.Add(1)
		})
	}
	finished.Wait()
	return sum.Load(), startedLate.Load()
}

func main() {
	sum, late := run(200, true)
	fmt.Printf("200 OS threads alive at once (%d started after another ended), sum of ids %d\n", late, sum)
	sum, late = run(10000, false)
	fmt.Printf("10000 lightweight tasks alive at once (%d started after another ended), sum of ids %d\n", late, sum)
}
