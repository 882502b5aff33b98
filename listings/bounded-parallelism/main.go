// Bounded parallelism: at most three items in flight, and the first error stops the rest.
//
// Notice: a buffered channel of empty structs is the semaphore (a send takes a slot,
// a receive gives it back), errCh keeps the first error and drops the others, and the
// WaitGroup counts the goroutines. The original's version returned early without waiting;
// here every return cancels the items still running and waits for them.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Item int

// meter counts the items in flight and the most ever in flight at once.
var meter struct {
	sync.Mutex
	inFlight, peak int
}

func process(ctx context.Context, item Item) error {
	select {
	case <-time.After(50 * time.Millisecond): // the work itself
	case <-ctx.Done():
		return ctx.Err()
	}
	if item == 7 {
		return fmt.Errorf("item %d: cannot process", item)
	}
	return nil
}

func processItems(ctx context.Context, items []Item, maxParallel int) error {
	sem := make(chan struct{}, maxParallel)
	errCh := make(chan error, 1)
	var wg sync.WaitGroup
	defer wg.Wait() // deferred first, so it runs last: after cancel
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stop the items still in flight on every return

	for _, item := range items {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		case err := <-errCh:
			return err
		}

		// In flight from here (not from when the goroutine first runs) until it returns.
		meter.Lock()
		meter.inFlight++
		meter.peak = max(meter.peak, meter.inFlight)
		meter.Unlock()
		wg.Add(1)
		go func(item Item) {
			defer wg.Done()
			defer func() { <-sem }()
			defer func() {
				meter.Lock()
				meter.inFlight--
				meter.Unlock()
			}()

			if err := process(ctx, item); err != nil {
				select {
				case errCh <- err:
				default: // an error is already waiting; keep the first
				}
			}
		}(item)
	}

	wg.Wait()

	select {
	case err := <-errCh:
		return err
	default:
		return nil
	}
}

func items(n int) []Item {
	out := make([]Item, n)
	for i := range out {
		out[i] = Item(i + 1)
	}
	return out
}

func main() {
	ctx := context.Background()

	if err := processItems(ctx, items(6), 3); err != nil {
		fmt.Println("run 1:", err)
		return
	}
	fmt.Printf("run 1: 6 good items processed, at most %d at once\n", meter.peak)

	// The contrast: a bound as large as the batch is no bound at all.
	meter.peak = 0
	if err := processItems(ctx, items(6), 6); err != nil {
		fmt.Println("run 1:", err)
		return
	}
	fmt.Printf("run 1 with a bound of 6: at most %d at once\n", meter.peak)

	if err := processItems(ctx, items(10), 3); err != nil {
		fmt.Println("run 2: stopped at the first error:", err)
	}
	fmt.Println("run 2: items still in flight after the return:", meter.inFlight)

	// A deadline for the whole batch.
	deadline := 75 * time.Millisecond
	ctx3, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	if err := processItems(ctx3, items(6), 3); errors.Is(err, context.DeadlineExceeded) {
		fmt.Printf("run 3: gave up at the %d ms deadline\n", deadline.Milliseconds())
	}
}
