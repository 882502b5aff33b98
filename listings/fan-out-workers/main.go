// Fan-out: three workers take jobs from one channel. Every job goes to exactly
// one worker, whichever is free; each worker has an output channel of its own.
//
// Notice: the workers share the input channel and nothing else. Each send is a
// select on ctx.Done(), so a worker whose reader has given up does not block for
// ever. main must read all the outputs at once (merge, the next section's fan-in):
// read one after the other, each worker would wait on its unread output after one
// job, and the first worker would do nearly all of them alone.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Job struct{ ID int }

type Result struct{ Worker, JobID, Value int }

// process stands in for real work: it takes a while, then squares the job's ID.
func process(worker int, job Job) Result {
	time.Sleep(50 * time.Millisecond)
	return Result{Worker: worker, JobID: job.ID, Value: job.ID * job.ID}
}

// fanOut starts several workers on the same input channel.
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

// merge forwards every output to one channel, which closes when all of them have (fan-in).
func merge(outs []<-chan Result) <-chan Result {
	merged := make(chan Result)
	var wg sync.WaitGroup
	for _, out := range outs {
		wg.Go(func() {
			for r := range out {
				merged <- r
			}
		})
	}
	go func() {
		wg.Wait()
		close(merged)
	}()
	return merged
}

func main() {
	ctx := context.Background()

	in := make(chan Job)
	go func() {
		defer close(in)
		for id := 1; id <= 9; id++ {
			in <- Job{ID: id}
		}
	}()

	outs := fanOut(ctx, in, 3)
	count, sum := 0, 0
	for r := range merge(outs) {
		fmt.Printf("worker %d: job %d -> %d\n", r.Worker, r.JobID, r.Value)
		count++
		sum += r.Value
	}
	fmt.Printf("%d results, sum %d\n", count, sum)
}
