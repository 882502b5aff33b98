// Fan-out: three workers take jobs from one channel. Every job goes to exactly
// one worker, whichever is free; each worker has an output channel of its own.
//
// Notice: the workers share the input channel and nothing else. Each send is a
// select on ctx.Done(), so a worker whose reader has given up does not block for
// ever. The outputs are read one after the other here; fan-in merges them.
package main

import (
	"context"
	"fmt"
	"time"
)

type Job struct{ ID int }

type Result struct{ JobID, Value int }

// process stands in for real work: it takes a while, then squares the job's ID.
func process(job Job) Result {
	time.Sleep(10 * time.Millisecond)
	return Result{JobID: job.ID, Value: job.ID * job.ID}
}

// fanOut starts several workers on the same input channel.
func fanOut(ctx context.Context, in <-chan Job, workers int) []<-chan Result {
	outs := make([]<-chan Result, workers)
	for i := range workers {
		outs[i] = worker(ctx, in)
	}
	return outs
}

func worker(ctx context.Context, in <-chan Job) <-chan Result {
	out := make(chan Result)
	go func() {
		defer close(out)
		for job := range in {
			select {
			case out <- process(job):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
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
	for w, out := range outs {
		for r := range out {
			fmt.Printf("worker %d: job %d -> %d\n", w, r.JobID, r.Value)
			count++
			sum += r.Value
		}
	}
	fmt.Printf("%d results, sum %d\n", count, sum)
}
