// The original's four mistakes, each run safely and followed by its fix.
//
// Notice: Go compiles all four. (1) Closing a channel from the receiving side makes the
// producer's next send panic (recovered here). The close is made to fall between two sends:
// a close that overlaps a send is also a data race, which `go run -race` reports. (2) A send nobody receives blocks its
// goroutine for ever: a leak that lives until the process exits. (3) An error dropped in
// a goroutine is simply gone. (4) An unsynchronized counter is a data race, caught only
// at run time by `go run -race`, so it is shown in a comment and never run.
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// producer sends 1, 2, 3 and closes the channel, calling afterSend after each send. A send
// on a channel that someone else closed panics; the panic is turned back into an error here.
func producer(ch chan int, afterSend func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	for n := 1; n <= 3; n++ {
		ch <- n
		afterSend()
	}
	close(ch)
	return nil
}

// leak starts a goroutine whose send nobody will ever receive: it blocks for ever.
func leak() {
	ch := make(chan int)
	go func() {
		ch <- 1 // blocked until the process exits
	}()
}

func doSomething() error {
	return errors.New("disk full")
}

func main() {
	// 1. Close on the producer side only.
	ch := make(chan int)
	closed := make(chan struct{}) // the producer's next send waits for the close
	sent := make(chan error)
	go func() { sent <- producer(ch, func() { <-closed }) }()
	<-ch
	close(ch) // don't: the consumer decides the channel is finished
	close(closed)
	if err := <-sent; err != nil {
		fmt.Println("1. don't: the consumer closed the channel; the producer's next send failed")
	}
	ch = make(chan int)
	go producer(ch, func() {})
	read := 0
	for range ch { // ends when the producer closes the channel
		read++
	}
	fmt.Printf("1. do: the producer closed the channel after %d values; the consumer's loop ended\n", read)

	// 2. No send without a receiver, or without room to finish.
	leak()
	fmt.Println("2. don't: leak() returned with a send nobody will receive")
	buffered := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		buffered <- 1 // room in the buffer: returns at once
		close(done)
	}()
	<-done
	fmt.Println("2. do: with a buffer of 1, the sender finished on its own")

	// 3. Errors come back from goroutines.
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = doSomething() // don't: the error is dropped
	})
	wg.Wait()
	fmt.Println("3. don't: the worker's error was dropped; the caller saw nothing")
	var g errgroup.Group
	g.Go(doSomething)
	if err := g.Wait(); err != nil {
		fmt.Println("3. do: the error reached the caller:", err)
	}

	// 4. Shared state only with synchronization. Don't:
	//     var counter int
	//     go func() { counter++ }() // DATA RACE
	//     go func() { counter++ }()
	var counter atomic.Int64
	for range 2 {
		wg.Go(func() {
			for range 1000 {
				counter.Add(1)
			}
		})
	}
	wg.Wait()
	fmt.Println("4. do: two workers added 1000 each to an atomic counter:", counter.Load())
}
