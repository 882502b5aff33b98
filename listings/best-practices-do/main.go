// The original's four habits, one part each: pass a context, let the producer close, receive
// without blocking, and size a buffer to the number of results.
//
// Notice: none of the four is checked by the compiler. A function may ignore its ctx,
// any holder of a chan T may close it, and an unbuffered results channel compiles just
// as well; the habits are what keep these programs correct.
package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// 1. doWork takes a context and returns its error when it is cancelled before the work is done.
func doWork(ctx context.Context) error {
	select {
	case <-time.After(time.Second): // a long job
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// 2. The producer makes the channel, sends, and closes it when it is done.
func producer() <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for n := 1; n <= 3; n++ {
			ch <- n
		}
	}()
	return ch
}

// 3. tryReceive takes a message if one is ready, and moves on if not.
func tryReceive(ch <-chan string) {
	select {
	case msg := <-ch:
		fmt.Println("3. non-blocking: got", msg)
	default:
		fmt.Println("3. non-blocking: nothing ready, moved on")
	}
}

func main() {
	// 1. Always pass a context for cancellation.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	if err := doWork(ctx); errors.Is(err, context.Canceled) {
		fmt.Println("1. cancellation: the 1 s job stopped early: cancelled")
	}

	// 2. Close channels only on the producer side.
	var got []string
	for n := range producer() {
		got = append(got, strconv.Itoa(n))
	}
	fmt.Printf("2. producer closes: got %s, then the channel closed\n", strings.Join(got, ", "))

	// 3. A receive that does not block.
	ch := make(chan string, 1)
	tryReceive(ch) // nothing has been sent yet
	ch <- "ping"
	tryReceive(ch)

	// 4. A buffer with room for every result: no sender ever waits.
	items := []int{3, 1, 4, 1, 5}
	results := make(chan int, len(items))
	var wg sync.WaitGroup
	for _, item := range items {
		wg.Go(func() { results <- item * 10 })
	}
	wg.Wait() // every send has completed, and nothing has been read yet
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Printf("4. buffered: %d senders finished before any read; sum %d\n", len(items), sum)
}
