// Retry with exponential backoff: wait 10 ms after the first failure, then twice
// as long after each one, never more than 50 ms; optionally spread each wait with
// full jitter. The wait gives way at once when ctx is cancelled.
//
// Notice: the wait is a select on a timer and ctx.Done(), so a shutdown does not
// have to sit out the backoff. Repaired from the original: no wait after the last
// attempt, and no shift that can overflow. The original waits 100 ms doubling up to
// 10 s; the waits here are scaled down, and the cap is low enough to be reached.
package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// Backoff says how long to wait between attempts.
type Backoff struct {
	Base, Cap time.Duration
	Jitter    bool
}

// delay is the wait after failed attempt number attempt, counting from 0.
func (b Backoff) delay(attempt int) time.Duration {
	d := b.Base
	for i := 0; i < attempt && d < b.Cap; i++ {
		d *= 2
	}
	d = min(d, b.Cap)
	if b.Jitter {
		d = rand.N(d + 1) // full jitter: anywhere up to d
	}
	return d
}

// retry calls fn until it succeeds, at most maxAttempts times (at least once: 0 counts as 1).
func retry(ctx context.Context, maxAttempts int, b Backoff, fn func() error) error {
	maxAttempts = max(maxAttempts, 1) // with 0, the loop would not run and err would be nil
	var err error
	for attempt := range maxAttempts {
		err = fn()
		if err == nil {
			return nil
		}
		if attempt == maxAttempts-1 {
			fmt.Printf("attempt %d failed: %v; no attempts left\n", attempt+1, err)
			break
		}

		backoff := b.delay(attempt)
		// printed in whole milliseconds
		fmt.Printf("attempt %d failed: %v; retrying in %dms\n", attempt+1, err, backoff.Milliseconds())
		select {
		case <-time.After(backoff):
			continue
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return fmt.Errorf("after %d attempts: %w", maxAttempts, err)
}

// sendRequest calls a service that refuses the first `failures` calls.
func sendRequest(call, failures int) error {
	if call <= failures {
		return errors.New("connection refused")
	}
	return nil
}

func report(err error, calls int) {
	switch {
	case err == nil:
		fmt.Println("succeeded on call", calls)
	case errors.Is(err, context.Canceled):
		fmt.Println("stopped: cancelled while waiting to retry")
	default:
		fmt.Println("gave up:", err)
	}
}

func main() {
	ctx := context.Background()
	exact := Backoff{Base: 10 * time.Millisecond, Cap: 50 * time.Millisecond}

	fmt.Println("-- fails 3 times, then succeeds")
	calls := 0
	err := retry(ctx, 5, exact, func() error {
		calls++
		return sendRequest(calls, 3)
	})
	report(err, calls)

	fmt.Println("-- always fails; the wait stops growing at 50ms")
	calls = 0
	err = retry(ctx, 5, exact, func() error {
		calls++
		return sendRequest(calls, 1<<30)
	})
	report(err, calls)

	fmt.Println("-- always fails; a shutdown comes during call 2")
	shutdown, cancel := context.WithCancel(ctx)
	defer cancel()
	calls = 0
	err = retry(shutdown, 5, exact, func() error {
		calls++
		if calls == 2 {
			cancel()
		}
		return sendRequest(calls, 1<<30)
	})
	report(err, calls)

	fmt.Println("-- fails 3 times, with full jitter")
	jittered := exact
	jittered.Jitter = true
	calls = 0
	err = retry(ctx, 5, jittered, func() error {
		calls++
		return sendRequest(calls, 3)
	})
	report(err, calls)
}
