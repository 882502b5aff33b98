// Channels: unbuffered and buffered, closing, ranging over a channel, select with a timeout.
//
// Notice: an unbuffered channel has no room at all, so a send completes only when a
// receiver takes the value; a buffered one accepts sends until it is full. A select
// with a default case tries without waiting.
package main

import (
	"fmt"
	"time"
)

// trySend reports whether v could be sent without waiting.
func trySend(ch chan<- int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func main() {
	// Unbuffered: with no receiver waiting, a send would block.
	unbuffered := make(chan int)
	fmt.Println("unbuffered, nobody receiving: send would block:", !trySend(unbuffered, 1))

	// Buffered: two sends fit, the third would block.
	buffered := make(chan int, 2)
	fmt.Println("buffered(2): sends that fit:", trySend(buffered, 1), trySend(buffered, 2), trySend(buffered, 3))

	// Close: the producer closes when it is done, which ends the consumer's range loop.
	numbers := make(chan int)
	go func() {
		defer close(numbers)
		for i := 1; i <= 5; i++ {
			numbers <- i
		}
	}()
	for n := range numbers {
		fmt.Println("range: got", n)
	}
	fmt.Println("range ended: the channel is closed")
	_, ok := <-numbers
	fmt.Println("receive from a closed, empty channel succeeds:", ok)

	// Select with a timeout: one channel answers in time, the other never answers.
	fast := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		fast <- "reply"
	}()
	silent := make(chan string)
	for _, ch := range []chan string{fast, silent} {
		select {
		case msg := <-ch:
			fmt.Println("select: got", msg, "before the timeout")
		case <-time.After(200 * time.Millisecond):
			fmt.Println("select: timed out after 200ms")
		}
	}
}
