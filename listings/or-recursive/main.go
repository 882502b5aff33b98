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

	// The note's example, with 1 s and 2 s scaled down to 100 ms and 200 ms.
	start := time.Now()
	done := or(
		signalAfter(100*time.Millisecond),
		signalAfter(200*time.Millisecond),
		ctx.Done(),
	)
	<-done // closed after 100 ms
	if elapsed := time.Since(start); elapsed >= 100*time.Millisecond && elapsed < 200*time.Millisecond {
		fmt.Println("or(100ms, 200ms, ctx.Done()) closed with the first signal, after 100ms")
	} else {
		fmt.Println("or closed after", elapsed)
	}

	// Ten signals take five levels of or, a goroutine each; the earliest signal is last,
	// so only the fourth level sees it.
	var signals []<-chan struct{}
	for i := 10; i >= 1; i-- {
		signals = append(signals, signalAfter(time.Duration(i)*40*time.Millisecond))
	}
	start = time.Now()
	<-or(signals...)
	if elapsed := time.Since(start); elapsed >= 40*time.Millisecond && elapsed < 80*time.Millisecond {
		fmt.Println("or of 10 signals, 400ms down to 40ms, closed with the earliest, after 40ms")
	} else {
		fmt.Println("or closed after", elapsed)
	}
}
