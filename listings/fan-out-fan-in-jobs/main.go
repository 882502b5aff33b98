// processJobs: a feeder, three workers (fan-out) and a merge (fan-in), composed
// into one function that takes a slice of jobs and returns a slice of results.
//
// Notice: the results arrive in an order that changes from run to run, so they are
// sorted before they are printed; each says which of the three workers did it. ctx
// reaches every stage: cancelling it would stop the feeder, the workers and the merge,
// and processJobs would return what it has.
package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

type Job struct{ ID int }

type Result struct{ Worker, JobID, Value int }

// process stands in for real work: it takes a while, then squares the job's ID.
func process(worker int, job Job) Result {
	time.Sleep(10 * time.Millisecond)
	return Result{Worker: worker, JobID: job.ID, Value: job.ID * job.ID}
}

func processJobs(ctx context.Context, jobs []Job, workers int) []Result {
	// Input channel
	in := make(chan Job)
	go func() {
		defer close(in)
		for _, job := range jobs {
			select {
			case in <- job:
			case <-ctx.Done():
				return
			}
		}
	}()

	// Fan-out
	outs := fanOut(ctx, in, workers)

	// Fan-in
	results := fanIn(ctx, outs...)

	// Collect the results
	var out []Result
	for result := range results {
		out = append(out, result)
	}
	return out
}

func fanOut(ctx context.Context, in <-chan Job, workers int) []<-chan Result {
	outs := make([]<-chan Result, workers)
	for i := range workers {
		outs[i] = worker(ctx, i, in)
	}
	return outs
}

func worker(ctx context.Context, id int, in <-chan Job) <-chan Result {
	out := make(chan Result)
	go func() {
		defer close(out)
		for job := range in {
			select {
			case out <- process(id, job):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func fanIn(ctx context.Context, channels ...<-chan Result) <-chan Result {
	var wg sync.WaitGroup
	out := make(chan Result)

	output := func(c <-chan Result) {
		defer wg.Done()
		for result := range c {
			select {
			case out <- result:
			case <-ctx.Done():
				return
			}
		}
	}

	wg.Add(len(channels))
	for _, c := range channels {
		go output(c)
	}

	go func() {
		wg.Wait()
		close(out)
	}()

	return out
}

func main() {
	var jobs []Job
	for id := 1; id <= 8; id++ {
		jobs = append(jobs, Job{ID: id})
	}
	results := processJobs(context.Background(), jobs, 3)

	var arrival []string
	for _, r := range results {
		arrival = append(arrival, strconv.Itoa(r.JobID))
	}
	fmt.Println("results arrived in the order:", strings.Join(arrival, " "))

	slices.SortFunc(results, func(a, b Result) int { return a.JobID - b.JobID })
	for _, r := range results {
		fmt.Printf("job %d -> %d (worker %d)\n", r.JobID, r.Value, r.Worker)
	}
	fmt.Printf("%d results\n", len(results))
}
