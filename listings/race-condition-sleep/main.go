// The original's second try: sleep before the check, and hope the goroutine has run by then.
//
// Notice: the sleep makes the bad order (check before increment) rarer, not impossible. It
// is a guess about the scheduler, and a loaded machine can make the guess wrong. Waiting
// on a channel is not a guess: the receive happens after the close, so the check sees 1.
// The last two lines make the goroutine slow to start (it waits 10 ms before its increment,
// as on a busy machine): the 1 ms guess now loses almost every time; the channel still never.
//
// `go run -race ./race-condition-sleep racy` runs the original's code as it is: it usually
// prints nothing, and the race detector still reports a data race, because a sleep orders
// nothing. The default run counts, over many runs, how often the check loses the race; it
// makes data atomic so that only the order is in question.
package main

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

const (
	runs = 200
	// Runs with a goroutine that is slow to start, and how slow.
	slowRuns  = 10
	slowStart = 10 * time.Millisecond
)

// racy is the original's code, with fmt.Printf and time.Sleep spelled right.
func racy() {
	var data int
	go func() {
		data++ // 1
	}()
	time.Sleep(time.Millisecond) // 1 s in the original
	if data == 0 {               // 2
		fmt.Printf("the value is %v\n", data) // 3
	}
}

// checkSawZero runs the original's code once, the goroutine starting after delay, waits as
// told, and reports whether the check saw 0.
func checkSawZero(wait func(done <-chan struct{}), delay time.Duration) bool {
	var data atomic.Int32
	done := make(chan struct{})
	go func() {
		if delay > 0 {
			time.Sleep(delay) // a goroutine slow to start
		}
		data.Add(1) // 1
		close(done)
	}()
	wait(done)
	sawZero := data.Load() == 0 // 2
	<-done                      // let the goroutine finish before the next run
	return sawZero
}

func countZeros(wait func(done <-chan struct{}), runs int, delay time.Duration) int {
	zeros := 0
	for range runs {
		if checkSawZero(wait, delay) {
			zeros++
		}
	}
	return zeros
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "racy" {
		racy()
		return
	}

	noWait := func(<-chan struct{}) {}
	sleepWait := func(<-chan struct{}) { time.Sleep(time.Millisecond) } // 1 s in the original
	channelWait := func(done <-chan struct{}) { <-done }

	noSleep := countZeros(noWait, runs, 0)
	fmt.Printf("no sleep:   the check saw 0 in %d of %d runs\n", noSleep, runs)
	sleep := countZeros(sleepWait, runs, 0)
	fmt.Printf("1 ms sleep: the check saw 0 in %d of %d runs\n", sleep, runs)
	fmt.Printf("the sleep made the bad order rarer: %t\n", sleep < noSleep)
	channel := countZeros(channelWait, runs, 0)
	fmt.Printf("channel:    the check saw 0 in %d of %d runs\n", channel, runs)

	fmt.Printf("now the thread is slow to start (%d ms):\n", slowStart.Milliseconds())
	sleep = countZeros(sleepWait, slowRuns, slowStart)
	fmt.Printf("1 ms sleep: the check saw 0 in %d of %d runs\n", sleep, slowRuns)
	channel = countZeros(channelWait, slowRuns, slowStart)
	fmt.Printf("channel:    the check saw 0 in %d of %d runs\n", channel, slowRuns)
}
