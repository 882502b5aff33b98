// A circuit breaker: after 3 failures in a row it opens and rejects calls without
// making them; once a 100 ms cooldown has passed, the next call goes through as a
// trial (half-open), and its outcome closes the breaker or opens it again.
//
// Notice: the mutex is released while fn runs, so a slow call does not hold up
// the other callers. Added to the original: a constructor, ErrOpen (so that callers can
// tell a rejection from a failure with errors.Is), and setState, which reports
// each change of state. In production: github.com/sony/gobreaker.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var ErrOpen = errors.New("circuit breaker is open")

type CircuitBreaker struct {
	mu        sync.Mutex
	failures  int
	threshold int
	state     string // "closed", "open", "half-open"
	openUntil time.Time
	cooldown  time.Duration
}

func NewCircuitBreaker(threshold int, cooldown time.Duration) *CircuitBreaker {
	return &CircuitBreaker{threshold: threshold, cooldown: cooldown, state: "closed"}
}

// setState moves to state s, and reports a change (a real breaker would emit a metric).
// The caller holds cb.mu.
func (cb *CircuitBreaker) setState(s string) {
	if cb.state != s {
		fmt.Printf("breaker: %s -> %s\n", cb.state, s)
	}
	cb.state = s
}

func (cb *CircuitBreaker) Execute(fn func() error) error {
	cb.mu.Lock()
	if cb.state == "open" {
		if time.Now().Before(cb.openUntil) {
			cb.mu.Unlock()
			return ErrOpen
		}
		cb.setState("half-open")
	}
	cb.mu.Unlock()

	err := fn()

	cb.mu.Lock()
	defer cb.mu.Unlock()

	if err != nil {
		cb.failures++
		if cb.failures >= cb.threshold {
			cb.setState("open")
			cb.openUntil = time.Now().Add(cb.cooldown)
		}
		return err
	}

	cb.failures = 0
	cb.setState("closed")
	return nil
}

// request is a call to a service that is down or up; it says when it is really sent.
func request(n int, healthy bool) func() error {
	return func() error {
		fmt.Printf("call %d: request sent\n", n)
		if !healthy {
			return errors.New("503 service unavailable")
		}
		return nil
	}
}

func call(cb *CircuitBreaker, n int, healthy bool) {
	err := cb.Execute(request(n, healthy))
	switch {
	case err == nil:
		fmt.Printf("call %d: ok\n", n)
	case errors.Is(err, ErrOpen):
		fmt.Printf("call %d: rejected: %v\n", n, err)
	default:
		fmt.Printf("call %d: failed: %v\n", n, err)
	}
}

func main() {
	cooldown := 100 * time.Millisecond
	cb := NewCircuitBreaker(3, cooldown)

	// The service is down: three failures open the breaker.
	for n := 1; n <= 3; n++ {
		call(cb, n, false)
	}
	call(cb, 4, true) // rejected, although the service would have answered

	fmt.Println("waiting", cooldown)
	time.Sleep(cooldown)
	call(cb, 5, false) // the trial call fails: open again
	call(cb, 6, true)

	fmt.Println("waiting", cooldown)
	time.Sleep(cooldown)
	call(cb, 7, true) // the trial call succeeds: closed
	call(cb, 8, true)
}
