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

	start := time.Now()
	<-Or(
		signalAfter(200*time.Millisecond),
		signalAfter(20*time.Millisecond),
		signalAfter(100*time.Millisecond),
	)
	if elapsed := time.Since(start); elapsed >= 20*time.Millisecond && elapsed < 100*time.Millisecond {
		fmt.Println("Or of signals after 200ms, 20ms and 100ms closed with the first, after 20ms")
	} else {
		fmt.Println("Or closed after", elapsed)
	}
}
