// Bridge reads a channel of channels as one channel: all the values of the first
// stream, then all of the second, and so on.
//
// Notice: both loops read through OrDone. The third stream here sends its values and
// then hangs without being closed; without OrDone, Bridge (and its reader) would wait
// on it for ever. With it, closing done ends the whole bridge.
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

func Bridge[T any](done <-chan struct{}, chanStream <-chan (<-chan T)) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for ch := range OrDone(done, chanStream) {
			for v := range OrDone(done, ch) {
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

// genStreams sends three streams, one after another, each before its values. The first
// two are closed after their values; the third never is. hung is closed once it hangs.
func genStreams(hung chan<- struct{}) <-chan (<-chan int) {
	chanStream := make(chan (<-chan int))
	go func() {
		defer close(chanStream)
		for i, vals := range [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8}} {
			stream := make(chan int)
			chanStream <- stream
			for _, v := range vals {
				stream <- v
			}
			if i < 2 {
				close(stream)
			}
		}
		close(hung) // for the demo: say that the third stream hangs now
	}()
	return chanStream
}

func main() {
	done := make(chan struct{})
	hung := make(chan struct{})
	go func() {
		<-hung
		time.Sleep(50 * time.Millisecond) // give up on the hung stream 50 ms after it hangs
		close(done)
	}()

	for v := range Bridge(done, genStreams(hung)) {
		fmt.Println("got", v)
	}
	fmt.Println("the third stream hung; closing done ended the bridge")
}
