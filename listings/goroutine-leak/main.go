// A goroutine leak and its fix. consumeLeaky ranges over a channel that nobody closes,
// so it waits for ever; consume also watches its context, so cancel always ends it.
//
// Notice: nothing reports the leak. The stuck goroutine holds its stack and whatever it
// references, and shows up only in runtime.NumGoroutine (or goleak, in a test).
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

type Item struct{ ID int }

func process(it Item) error {
	fmt.Println("processed item", it.ID)
	return nil
}

// consumeLeaky returns only when in is closed.
func consumeLeaky(in <-chan Item) {
	for it := range in {
		_ = process(it)
	}
}

// consume is the original's anti-leak consumer: it also returns when ctx is done.
func consume(ctx context.Context, in <-chan Item) {
	for {
		select {
		case <-ctx.Done():
			return
		case it, ok := <-in:
			if !ok {
				return
			}
			_ = process(it)
		}
	}
}

// stillRunning reports whether done is still open after d.
func stillRunning(done <-chan struct{}, d time.Duration) bool {
	select {
	case <-done:
		return false
	case <-time.After(d):
		return true
	}
}

func main() {
	// 1. The leak: the producer sends three items and never closes the channel.
	in := make(chan Item)
	done := make(chan struct{})
	go func() {
		defer close(done)
		consumeLeaky(in)
	}()
	for id := 1; id <= 3; id++ {
		in <- Item{ID: id}
	}
	fmt.Println("leaky: still running after 100ms:", stillRunning(done, 100*time.Millisecond))
	fmt.Println("leaky: running besides main:", runtime.NumGoroutine()-1)
	// Only closing the channel can end it. A real leak never gets this far; we close
	// it here so that the program ends cleanly.
	close(in)
	<-done
	fmt.Println("leaky: returned once the channel was closed")

	// 2. The fix: the same producer, the same missing close, but consume watches ctx.
	ctx, cancel := context.WithCancel(context.Background())
	in2 := make(chan Item)
	done2 := make(chan struct{})
	go func() {
		defer close(done2)
		consume(ctx, in2)
	}()
	for id := 4; id <= 6; id++ {
		in2 <- Item{ID: id}
	}
	fmt.Println("fixed: still running after 100ms:", stillRunning(done2, 100*time.Millisecond))
	cancel()
	<-done2
	fmt.Println("fixed: returned on cancel, with the channel still open")
}
