// A done signal is a channel of struct{}: only the event matters, never a value.
//
// Notice: a send wakes exactly one receiver, but close(stop) wakes every receiver,
// now and later. That is why "stop, all of you" is always a close, never a send.
package main

import (
	"fmt"
	"sync"
	"time"
	"unsafe"
)

func main() {
	fmt.Println("size of the signal:", unsafe.Sizeof(struct{}{}), "bytes")

	// One to one: the worker sends a single empty value when its job is done.
	done := make(chan struct{})
	go func() {
		fmt.Println("worker: job done, signalling")
		done <- struct{}{} // send signal
	}()
	<-done // receive signal
	fmt.Println("main: got the done signal")

	// One to many: close(stop) is seen by every worker's select at once.
	stop := make(chan struct{})
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					fmt.Printf("worker %d stopping\n", id)
					return
				case <-tick.C:
					// keep working until told to stop
				}
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main: closing stop")
	close(stop)
	wg.Wait()
	fmt.Println("main: all 3 workers stopped")
}
