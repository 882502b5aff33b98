// A worker pool behind a small API: NewPool, Submit, Results and Shutdown.
//
// Notice: Shutdown closes the jobs channel, waits for the workers, then closes results,
// so a range over Results() ends. Nothing stops a caller from calling Submit after
// Shutdown: it compiles, and panics with "send on closed channel".
package main

import (
	"fmt"
	"sync"
	"time"
)

type Job int

type Result struct {
	Job, Square, Worker int
}

func process(job Job, worker int) Result {
	time.Sleep(50 * time.Millisecond) // the work itself
	return Result{Job: int(job), Square: int(job) * int(job), Worker: worker}
}

type Pool struct {
	jobs    chan Job
	results chan Result
	workers int
	wg      sync.WaitGroup
}

func NewPool(workers int) *Pool {
	p := &Pool{
		jobs:    make(chan Job, workers*2),
		results: make(chan Result, workers*2),
		workers: workers,
	}

	p.wg.Add(workers)
	for i := 1; i <= workers; i++ {
		go p.worker(i)
	}

	return p
}

func (p *Pool) worker(id int) {
	defer p.wg.Done()
	for job := range p.jobs {
		p.results <- process(job, id)
	}
}

// Submit queues a job; it blocks while the queue is full.
func (p *Pool) Submit(job Job) {
	p.jobs <- job
}

// Results delivers the results in the order they are done; it is closed by Shutdown.
func (p *Pool) Results() <-chan Result {
	return p.results
}

// Shutdown closes the job queue and waits for the workers to finish what is queued.
func (p *Pool) Shutdown() {
	close(p.jobs)
	p.wg.Wait()
	close(p.results)
}

func main() {
	p := NewPool(3)

	// Submit from one goroutine while main reads the results: with queues of six,
	// submitting all ten jobs and shutting down before reading any result would hang:
	// the workers block on the full results queue, and Shutdown waits for them.
	go func() {
		for n := 1; n <= 10; n++ {
			p.Submit(Job(n))
		}
		p.Shutdown()
	}()

	sum, count := 0, 0
	for r := range p.Results() {
		fmt.Printf("job %d -> %d (worker %d)\n", r.Job, r.Square, r.Worker)
		sum += r.Square
		count++
	}
	fmt.Printf("%d results, sum of squares %d\n", count, sum)
}
