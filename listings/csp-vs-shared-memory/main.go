// The two models side by side: a job moves through a channel, and a read-mostly cache
// is shared behind sync.Map or a map with a sync.RWMutex.
//
// Notice: after `jobs <- job` the job is the worker's by convention only; main could
// still change it, and nothing but the race detector would object. The cache is shared
// on purpose: sync.Map suits keys written once and read many times, a map with an
// RWMutex is simpler, and both are behind the same small interface here.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Job struct {
	ID   int
	Name string
}

type Result struct {
	JobID int
	Text  string
}

func worker(jobs <-chan Job, results chan<- Result) {
	for job := range jobs {
		results <- Result{JobID: job.ID, Text: strings.ToUpper(job.Name)}
	}
}

func pipeline() {
	jobs := make(chan Job)
	results := make(chan Result)

	go worker(jobs, results) // ownership transfer

	for i, name := range []string{"resize photo.png", "scan report.pdf"} {
		jobs <- Job{ID: i + 1, Name: name} // hand the job over
		r := <-results                     // and get the result back
		fmt.Printf("pipeline: job %d -> %q\n", r.JobID, r.Text)
	}
	close(jobs)
}

// Cache is what the workload needs from a shared cache.
type Cache interface {
	Load(key string) (string, bool)
	Store(key, value string)
}

type syncMapCache struct{ m sync.Map }

func (c *syncMapCache) Load(key string) (string, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		return "", false
	}
	return v.(string), true
}

func (c *syncMapCache) Store(key, value string) { c.m.Store(key, value) }

type lockedMapCache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *lockedMapCache) Load(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *lockedMapCache) Store(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}

// readMostly has four readers load a key 100 times each while one writer replaces its value once.
func readMostly(label string, cache Cache) {
	cache.Store("config", "v1")
	var wg sync.WaitGroup
	found := make([]int, 4)
	for i := range found {
		wg.Go(func() {
			for range 100 {
				if _, ok := cache.Load("config"); ok {
					found[i]++
				}
			}
		})
	}
	wg.Go(func() { cache.Store("config", "v2") }) // the rare write
	wg.Wait()

	total := 0
	for _, n := range found {
		total += n
	}
	now, _ := cache.Load("config")
	fmt.Printf("cache (%s): 400 reads, %d found the key; it is now %s\n", label, total, now)
}

func main() {
	pipeline()
	readMostly("concurrent map", &syncMapCache{})
	readMostly("map + read-write lock", &lockedMapCache{m: make(map[string]string)})
}
