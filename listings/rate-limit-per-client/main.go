// Per-client rate limiting: every client gets a rate.Limiter of its own (10
// requests a second, burst 5), so a client that sends too much is turned away
// without slowing the others.
//
// Notice: the mutex guards only the map; each rate.Limiter has a lock of its own,
// so Allow runs outside cl.mu. The map only grows: a real server must also forget
// clients it has not seen for a while. Added to the original: a constructor and Len.
package main

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

type ClientLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	limit    rate.Limit
	burst    int
}

func NewClientLimiter(limit rate.Limit, burst int) *ClientLimiter {
	return &ClientLimiter{limiters: make(map[string]*rate.Limiter), limit: limit, burst: burst}
}

func (cl *ClientLimiter) GetLimiter(clientID string) *rate.Limiter {
	cl.mu.Lock()
	defer cl.mu.Unlock()

	limiter, exists := cl.limiters[clientID]
	if !exists {
		limiter = rate.NewLimiter(cl.limit, cl.burst)
		cl.limiters[clientID] = limiter
	}
	return limiter
}

func (cl *ClientLimiter) Allow(clientID string) bool {
	return cl.GetLimiter(clientID).Allow()
}

// Len is the number of clients with a limiter.
func (cl *ClientLimiter) Len() int {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return len(cl.limiters)
}

func main() {
	cl := NewClientLimiter(10, 5)

	// Three clients send at the same time, each from a goroutine of its own.
	clients := []struct {
		name     string
		requests int
	}{{"alice", 8}, {"bob", 8}, {"carol", 2}}
	allowed := make([]int, len(clients))
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Go(func() {
			for range c.requests {
				if cl.Allow(c.name) {
					allowed[i]++ // each goroutine has its own element
				}
			}
		})
	}
	wg.Wait()
	for i, c := range clients {
		fmt.Printf("%s: %d of %d allowed\n", c.name, allowed[i], c.requests)
	}
	fmt.Println("clients tracked:", cl.Len())

	// A token every 100 ms: alice has earned one back.
	time.Sleep(100 * time.Millisecond)
	fmt.Println("alice, 100ms later: allowed:", cl.Allow("alice"))
}
