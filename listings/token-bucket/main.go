// rate.Limiter, a token bucket: 10 tokens a second, room for 5, used three ways.
// Allow takes a token if there is one; Reserve takes the next token, now or later,
// and says how long to wait for it; Wait blocks until a token is ours.
//
// Notice: Wait takes a ctx, and fails at once if the token would come after the
// ctx's deadline. Repaired from the original: a package-level variable needs var, not :=.
package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/time/rate"
)

// Limiter: 10 requests/sec, burst 5
var limiter = rate.NewLimiter(10, 5)

// handleRequest blocks until a token is available, then handles the request.
func handleRequest(ctx context.Context) error {
	if err := limiter.Wait(ctx); err != nil {
		return err
	}
	// (the request would be handled here)
	return nil
}

// tryHandle is non-blocking: handled, or turned away.
func tryHandle() bool {
	if !limiter.Allow() {
		return false // rate limited
	}
	// (the request would be handled here)
	return true
}

// reserveHandle takes a token for the future, sleeps until it is due, then handles the request.
func reserveHandle() {
	r := limiter.Reserve()
	if !r.OK() {
		return // more than the burst: never possible
	}
	fmt.Printf("Reserve: next token in %v (within 100ms: %v)\n", r.Delay(), r.Delay() <= 100*time.Millisecond)
	time.Sleep(r.Delay()) // wait for our turn
	fmt.Println("Reserve: handled at its time")
}

func main() {
	ctx := context.Background()
	start := time.Now()

	// Allow: 8 requests at once; the burst of 5 gets through.
	allowed := 0
	for range 8 {
		if tryHandle() {
			allowed++
		}
	}
	fmt.Printf("Allow: %d of 8 requests handled at once, %d turned away\n", allowed, 8-allowed)

	// Reserve: the bucket is empty now, so the token is due in about 100 ms.
	reserveHandle()

	// Wait: three more requests, one token every 100 ms.
	for n := 1; n <= 3; n++ {
		if err := handleRequest(ctx); err != nil {
			fmt.Println("Wait:", err)
			return
		}
		fmt.Printf("Wait: request %d handled\n", n)
	}
	// 5 at once, then one every 100 ms: the 9th request cannot come before 400 ms.
	fmt.Println("9 requests took at least 400ms:", time.Since(start) >= 400*time.Millisecond)
}
