// A read-mostly cache behind a sync.RWMutex, and statistics behind a sync.Mutex.
//
// Notice: readers take RLock and run side by side; the writer's Lock waits for them
// and shuts them out while it writes. The stats are written on every lookup, so a
// plain Mutex fits them better: an RWMutex only pays off when reads dominate.
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu      sync.RWMutex
	entries map[string]int // key -> version
}

func (c *Cache) Get(key string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.entries[key]
	return v, ok
}

func (c *Cache) Bump(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key]++
}

type Stats struct {
	mu           sync.Mutex
	hits, misses int
}

func (s *Stats) Record(hit bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if hit {
		s.hits++
	} else {
		s.misses++
	}
}

func main() {
	cache := &Cache{entries: make(map[string]int)}
	for k := range 8 {
		cache.entries[fmt.Sprintf("k%d", k)] = 0 // k0..k7 exist, k8 and k9 never will
	}
	var stats Stats

	var wg sync.WaitGroup
	for range 4 { // four readers, 1000 lookups each
		wg.Go(func() {
			for i := range 1000 {
				_, ok := cache.Get(fmt.Sprintf("k%d", i%10))
				stats.Record(ok)
			}
		})
	}
	wg.Go(func() { // one writer, 100 updates
		for range 100 {
			cache.Bump("k0")
		}
	})
	wg.Wait()

	version, _ := cache.Get("k0")
	fmt.Printf("lookups: %d (hits %d, misses %d)\n", stats.hits+stats.misses, stats.hits, stats.misses)
	fmt.Printf("writes: 100, version of k0: %d\n", version)
}
