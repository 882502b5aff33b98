// A worker pool: n workers share one jobs channel (fan-out) and one results
// channel (fan-in). Every job's result, error included, comes back with its ID;
// a deadline stops the pool early.
//
// Notice: every blocking step selects on ctx.Done(): taking a job, doing it, and
// handing in its result. The WaitGroup closes results only after the last worker
// has returned, which is what ends runPool's range loop.
package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

type Job struct{ ID int }

type Result struct {
	ID     int
	Worker int
	Err    error
}

// doJob stands in for real work: 10 ms, which ctx can cut short; every fifth job fails.
func doJob(ctx context.Context, j Job) error {
	select {
	case <-time.After(10 * time.Millisecond):
	case <-ctx.Done():
		return ctx.Err()
	}
	if j.ID%5 == 0 {
		return fmt.Errorf("job %d: invalid input", j.ID)
	}
	return nil
}

func worker(ctx context.Context, id int, jobs <-chan Job, results chan<- Result) {
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			err := doJob(ctx, j)
			select {
			case results <- Result{ID: j.ID, Worker: id, Err: err}:
			case <-ctx.Done():
				return
			}
		}
	}
}

func runPool(ctx context.Context, n int, jobsList []Job) []Result {
	jobs := make(chan Job)
	results := make(chan Result)

	var wg sync.WaitGroup
	wg.Add(n)
	for i := range n {
		go func() { defer wg.Done(); worker(ctx, i, jobs, results) }()
	}

	go func() {
		defer close(jobs)
		for _, j := range jobsList {
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	go func() { wg.Wait(); close(results) }()

	var out []Result
	for r := range results {
		out = append(out, r)
	}
	return out
}

func makeJobs(n int) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		jobs[i] = Job{ID: i + 1}
	}
	return jobs
}

func main() {
	results := runPool(context.Background(), 3, makeJobs(6))
	slices.SortFunc(results, func(a, b Result) int { return a.ID - b.ID }) // they arrive in any order
	for _, r := range results {
		if r.Err != nil {
			fmt.Printf("job %d (worker %d): error: %v\n", r.ID, r.Worker, r.Err)
		} else {
			fmt.Printf("job %d (worker %d): ok\n", r.ID, r.Worker)
		}
	}

	// The same pool with a deadline: 30 jobs of 10 ms on 3 workers need 100 ms.
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Millisecond)
	defer cancel()
	results = runPool(ctx, 3, makeJobs(30))
	fmt.Printf("with a 25ms deadline: %d of 30 jobs reported\n", len(results))
	fmt.Println("stopped early:", len(results) < 30)
}
