// OrDone wraps a channel so that a range over it also ends when done is closed.
//
// Notice: the source here never closes its channel; it sends five values and then
// stalls. A plain `for v := range in` would wait for ever. The range over OrDone ends
// when done is closed, and OrDone's goroutine returns with it.
package main

import (
	"fmt"
	"time"
)

func OrDone[T any](done <-chan struct{}, in <-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for {
			select {
			case <-done:
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- v:
				case <-done:
					return
				}
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	in := make(chan int)
	stalled := make(chan struct{})

	// A source that sends five values and then stalls, without closing in.
	go func() {
		for v := 1; v <= 5; v++ {
			select {
			case in <- v:
			case <-done:
				return
			}
		}
		close(stalled) // for the demo: say that it stalls now
		<-done
	}()

	// Give up on the source 50 ms after it stalls.
	go func() {
		<-stalled
		time.Sleep(50 * time.Millisecond)
		close(done)
	}()

	for v := range OrDone(done, in) {
		fmt.Println("got", v)
	}
	fmt.Println("done was closed: the loop ended, although in never was")
}
