// The recursive or: a channel that is closed as soon as the first of many channels is.
//
// Notice: select needs its cases written out, so or waits on three channels itself and
// hands the rest to a recursive call. It adds its own orDone to that call, so that the
// goroutines further down return as soon as this level's channel is closed.
package main

import (
	"context"
	"fmt"
	"time"
)

func or(channels ...<-chan struct{}) <-chan struct{} {
	switch len(channels) {
	case 0:
		return nil // a nil channel: receiving from it blocks for ever
	case 1:
		return channels[0]
	}

	orDone := make(chan struct{})
	go func() {
		defer close(orDone)

		switch len(channels) {
		case 2:
			select {
			case <-channels[0]:
			case <-channels[1]:
			}
		default:
			select {
			case <-channels[0]:
			case <-channels[1]:
			case <-channels[2]:
			case <-or(append(channels[3:], orDone)...):
			}
		}
	}()
	return orDone
}

// signalAfter returns a channel that is closed after d.
func signalAfter(d time.Duration) <-chan struct{} {
	c := make(chan struct{})
	time.AfterFunc(d, func() { close(c) })
	return c
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// The original's example, with 1 s and 2 s halved to 500 ms and 1 s: the gap between the
	// two signals is the margin a busy machine has to wake us up before the second one.
	start := time.Now()
	done := or(
		signalAfter(500*time.Millisecond),
		signalAfter(time.Second),
		ctx.Done(),
	)
	<-done // closed after 500 ms
	if elapsed := time.Since(start); elapsed >= 500*time.Millisecond && elapsed < time.Second {
		fmt.Println("or(500ms, 1s, ctx.Done()) closed with the first signal, after 500ms")
	} else {
		fmt.Println("or closed after", elapsed)
	}

	// Ten signals take five levels of or, a goroutine each; the earliest signal is last,
	// so only the fourth level sees it. The clock starts before the signals do, so the
	// earliest cannot fire before start + 500 ms.
	start = time.Now()
	var signals []<-chan struct{}
	for i := 10; i >= 1; i-- {
		signals = append(signals, signalAfter(time.Duration(i)*500*time.Millisecond))
	}
	<-or(signals...)
	if elapsed := time.Since(start); elapsed >= 500*time.Millisecond && elapsed < time.Second {
		fmt.Println("or of 10 signals, 5s down to 500ms, closed with the earliest, after 500ms")
	} else {
		fmt.Println("or closed after", elapsed)
	}
}
