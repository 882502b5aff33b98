// Message passing through an atomic flag: the store publishes the data written before it.
//
// Notice: data is a plain int, and that is fine. The Go memory model says the
// Store that the reader's Load observes is synchronized before that Load, so
// the write of data happens before the read of data. Without the atomic
// (a plain bool flag) this would be a data race, and the reader could see the
// flag set and the data still 0.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	const rounds = 200
	saw := 0
	for range rounds {
		var data int
		var ready atomic.Bool

		var wg sync.WaitGroup
		wg.Go(func() { // writer
			data = 42
			ready.Store(true) // publish: everything written before this is visible...
		})
		wg.Go(func() { // reader
			for !ready.Load() { // ...to whoever sees true here
				runtime.Gosched()
			}
			if data == 42 {
				saw++ // only this goroutine touches saw until wg.Wait
			}
		})
		wg.Wait()
	}
	fmt.Printf("message passing: the reader saw the data in %d of %d rounds\n", saw, rounds)
}
