// doAll runs two tasks in an errgroup: when one fails, the group's ctx is cancelled,
// and the other one stops.
//
// Notice: ctx is the first argument of every function, and cancellation flows down
// through it. taskB gives its query a deadline of its own with context.WithTimeout;
// when that expires, taskB fails, errgroup cancels ctx, and taskA's for-select loop
// sees ctx.Done() and returns.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func doAll(ctx context.Context, msgs <-chan string) error {
	g, ctx := errgroup.WithContext(ctx)

	g.Go(func() error { return taskA(ctx, msgs) })
	g.Go(func() error { return taskB(ctx) })

	// If one fails, ctx is cancelled for the others.
	return g.Wait()
}

// taskA is the original's loop: handle messages until ctx is done.
func taskA(ctx context.Context, ch <-chan string) error {
	for {
		select {
		case <-ctx.Done():
			fmt.Println("taskA: cancelled, returning")
			return ctx.Err()
		case msg := <-ch:
			_ = handle(ctx, msg)
		}
	}
}

func handle(ctx context.Context, msg string) error {
	fmt.Println("taskA: handled", msg)
	return nil
}

// taskB queries a slow dependency and allows it 30 ms.
func taskB(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	if err := slowQuery(ctx); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return errors.New("taskB: query timed out after 30ms")
		}
		return fmt.Errorf("taskB: %w", err)
	}
	return nil
}

// slowQuery pretends to ask a database that takes a second to answer.
func slowQuery(ctx context.Context) error {
	select {
	case <-time.After(time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	msgs := make(chan string, 3)
	for _, m := range []string{"order-1", "order-2", "order-3"} {
		msgs <- m
	}
	// msgs stays open: taskA's loop can end only through ctx.

	if err := doAll(context.Background(), msgs); err != nil {
		fmt.Println("doAll:", err)
	} else {
		fmt.Println("doAll: ok")
	}
}
