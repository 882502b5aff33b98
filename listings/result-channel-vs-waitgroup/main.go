// One value from one goroutine, two ways: through a channel of one, or written straight
// into a variable that the caller reads after wg.Wait().
//
// Notice: the direct write is race-free only because wg.Wait() comes before the read;
// reading result one line earlier would compile just the same, and race.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Result int

func compute() Result {
	time.Sleep(50 * time.Millisecond) // the work
	return 6 * 7
}

func main() {
	// Avoid: a channel for a single value.
	ch := make(chan Result, 1)
	go func() { ch <- compute() }()
	result := <-ch
	fmt.Println("channel of one:", result)

	// Better: direct write through the closure, then wait.
	var direct Result
	var wg sync.WaitGroup
	wg.Go(func() {
		direct = compute() // direct write, no channel overhead
	})
	wg.Wait()
	fmt.Println("direct write, read after the join:", direct)
}
