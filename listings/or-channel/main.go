// Or merges several done-signals into one: the result is closed as soon as the first
// of them is.
//
// Notice: a select statement has a fixed number of cases, so Or starts one goroutine
// per signal. Whichever sees its signal first closes out, and sync.Once makes sure
// that happens only once: closing a closed channel panics. Closing out also lets the
// other goroutines return.
package main

import (
	"fmt"
	"sync"
	"time"
)

func Or(chs ...<-chan struct{}) <-chan struct{} {
	switch len(chs) {
	case 0:
		c := make(chan struct{})
		close(c)
		return c
	case 1:
		return chs[0]
	}
	out := make(chan struct{})
	var once sync.Once

	signal := func(ch <-chan struct{}) {
		select {
		case <-ch:
			once.Do(func() { close(out) })
		case <-out:
		}
	}

	for _, ch := range chs {
		go signal(ch)
	}
	return out
}

// signalAfter returns a channel that is closed after d.
func signalAfter(d time.Duration) <-chan struct{} {
	c := make(chan struct{})
	time.AfterFunc(d, func() { close(c) })
	return c
}

func main() {
	select {
	case <-Or():
		fmt.Println("Or() of no signals is closed at once")
	default:
		fmt.Println("Or() of no signals is open")
	}

	// The original's times, ten times longer: 800 ms is a wide margin for a busy machine to
	// wake us up between the first signal and the second.
	start := time.Now()
	<-Or(
		signalAfter(2*time.Second),
		signalAfter(200*time.Millisecond),
		signalAfter(time.Second),
	)
	if elapsed := time.Since(start); elapsed >= 200*time.Millisecond && elapsed < time.Second {
		fmt.Println("Or of signals after 2s, 200ms and 1s closed with the first, after 200ms")
	} else {
		fmt.Println("Or closed after", elapsed)
	}
}
