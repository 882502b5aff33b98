// Fan-in: the values of three channels, merged into one channel that closes when
// all three inputs have closed.
//
// Notice: out may be closed only once, and only after the last forwarding
// goroutine has stopped sending on it. A WaitGroup counts the forwarders, and one
// more goroutine waits for it to reach zero and closes out. The three sources send
// at the same pace, so their values come interleaved.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Result struct {
	Source string
	Value  int
}

// fanIn forwards every value of every input to one output, in whatever order they come.
func fanIn(ctx context.Context, channels ...<-chan Result) <-chan Result {
	var wg sync.WaitGroup
	out := make(chan Result)

	// Start one goroutine for each input channel.
	output := func(c <-chan Result) {
		defer wg.Done()
		for result := range c {
			select {
			case out <- result:
			case <-ctx.Done():
				return
			}
		}
	}

	wg.Add(len(channels))
	for _, c := range channels {
		go output(c)
	}

	// Close out once every forwarder has finished.
	go func() {
		wg.Wait()
		close(out)
	}()

	return out
}

// source sends a value every 50 ms, then closes.
func source(name string, values ...int) <-chan Result {
	out := make(chan Result)
	go func() {
		defer close(out)
		for _, v := range values {
			time.Sleep(50 * time.Millisecond)
			out <- Result{Source: name, Value: v}
		}
	}()
	return out
}

func main() {
	ctx := context.Background()
	a := source("a", 1, 2, 3)
	b := source("b", 10, 20, 30)
	c := source("c", 100, 200, 300)

	count, sum := 0, 0
	for r := range fanIn(ctx, a, b, c) {
		fmt.Printf("from %s: %d\n", r.Source, r.Value)
		count++
		sum += r.Value
	}
	fmt.Printf("merged %d values, sum %d; the output closed after all 3 inputs did\n", count, sum)
}
