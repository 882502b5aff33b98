// A pipeline that can be stopped from outside: every stage selects on ctx.Done()
// as well as on its channels, so one cancel() ends all of them, wherever each one
// is waiting.
//
// Notice: square selects on ctx.Done() twice, once while it waits for a value and
// once while it waits to pass one on; a stage blocked at either point would
// otherwise leak. The WaitGroup is added so that main can show that every stage
// has returned.
package main

import (
	"context"
	"fmt"
	"sync"
)

func generator(ctx context.Context, wg *sync.WaitGroup, nums ...int) <-chan int {
	out := make(chan int)
	wg.Go(func() {
		defer fmt.Println("generator: stopped")
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	})
	return out
}

func square(ctx context.Context, wg *sync.WaitGroup, in <-chan int) <-chan int {
	out := make(chan int)
	wg.Go(func() {
		defer fmt.Println("square: stopped")
		defer close(out)
		for {
			select {
			case n, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- n * n:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	})
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup

	out := square(ctx, &wg, square(ctx, &wg, generator(ctx, &wg, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))

	// Read two values, then give up on the rest.
	for range 2 {
		fmt.Println("got", <-out)
	}
	fmt.Println("cancel")
	cancel()

	wg.Wait() // every stage has returned
	fmt.Println("all stages stopped")
}
