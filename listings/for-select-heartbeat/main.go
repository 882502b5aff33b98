// A for-select loop: one goroutine waits on its context, a heartbeat ticker, an idle
// timer and its input, all at once, and reacts to whichever is ready first.
//
// Notice: the ticker and the timer are made once, before the loop (time.After inside
// the loop would make a new timer on every turn), and each message resets the idle
// timer, so only a long enough silence ends the loop. Since Go 1.23 a timer's channel is
// unbuffered and Reset alone leaves no stale tick in it: no Stop and drain first.
package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The original's 5 s heartbeat and 30 s idle time-out, fifty times shorter.
const (
	heartbeatEvery = 100 * time.Millisecond
	idleAfter      = 600 * time.Millisecond
)

func serve(ctx context.Context, in <-chan string, out chan<- string) error {
	defer close(out)

	heartbeat := time.NewTicker(heartbeatEvery)
	defer heartbeat.Stop()

	idle := time.NewTimer(idleAfter)
	defer idle.Stop()

	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-heartbeat.C:
			select {
			case out <- "ping":
			case <-ctx.Done():
				return ctx.Err()
			}
		case <-idle.C:
			return errors.New("idle timeout")
		case msg, ok := <-in:
			if !ok {
				return nil
			}
			idle.Reset(idleAfter)
			select {
			case out <- strings.ToUpper(msg):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	in := make(chan string, 1)
	out := make(chan string)
	errc := make(chan error, 1)
	in <- "hello" // the client's first word waits for serve
	go func() { errc <- serve(ctx, in, out) }()

	// The client sends two more words 400 ms apart, then goes quiet without closing in.
	go func() {
		for _, word := range []string{"world", "again"} {
			time.Sleep(400 * time.Millisecond)
			select {
			case in <- word:
			case <-ctx.Done():
				return
			}
		}
	}()

	// Print what serve sends, folding each run of heartbeats into one line.
	pings := 0
	flush := func() {
		if pings > 0 {
			fmt.Printf("ping x%d\n", pings)
			pings = 0
		}
	}
	for msg := range out {
		if msg == "ping" {
			pings++
			continue
		}
		flush()
		fmt.Println(msg)
	}
	flush()
	fmt.Println("serve:", <-errc)
}
