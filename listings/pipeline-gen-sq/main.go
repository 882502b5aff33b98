// The original's pipeline, gen -> sq -> sq, collected into a slice; then the same
// pipeline read for its first value only.
//
// Notice: every send is a select on ctx.Done(). When first cancels its ctx after
// one value, the stages still running return instead of blocking for ever on a
// send nobody will receive. Only the stage that sends on a channel closes it.
package main

import (
	"context"
	"fmt"
)

func gen(ctx context.Context, ns ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range ns {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func sq(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// pipeline runs the whole pipeline and collects what comes out.
func pipeline(ctx context.Context) []int {
	var res []int
	for v := range sq(ctx, sq(ctx, gen(ctx, 1, 2, 3, 4))) {
		res = append(res, v)
	}
	return res
}

// first takes the first value and cancels the rest of the pipeline.
func first(ctx context.Context) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // the stages still running see ctx.Done() and return
	return <-sq(ctx, sq(ctx, gen(ctx, 1, 2, 3, 4)))
}

func main() {
	ctx := context.Background()
	for _, v := range pipeline(ctx) {
		fmt.Println(v)
	}
	fmt.Println("first value only:", first(ctx))
}
