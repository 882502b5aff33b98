// A weighted semaphore: every job asks for as many permits as it is heavy.
//
// Notice: Acquire(ctx, 5) takes five permits at once and Release(5) must give back
// exactly as many, by hand. The loop acquires before it starts the goroutine, so it
// waits there whenever the budget is spent; acquiring the whole capacity at the end
// waits until every job has released its share.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

const (
	capacity = 10 // 100 in the original
	light    = 1
	heavy    = 5 // 10 in the original
)

// meter counts the weight handed out to jobs, and remembers the most ever out at once.
var meter struct {
	sync.Mutex
	inUse, peak int64
}

func enter(weight int64) {
	meter.Lock()
	meter.inUse += weight
	meter.peak = max(meter.peak, meter.inUse)
	meter.Unlock()
}

func work(id int, weight int64) {
	time.Sleep(100 * time.Millisecond) // the work itself

	meter.Lock()
	meter.inUse -= weight
	meter.Unlock()
	kind := "light"
	if weight == heavy {
		kind = "heavy"
	}
	fmt.Printf("job %d (%s, weight %d) done\n", id, kind, weight)
}

func main() {
	ctx := context.Background()
	sem := semaphore.NewWeighted(capacity)
	weights := []int64{light, light, light, heavy, light, light, heavy, light, light, light}
	fmt.Printf("capacity %d: light jobs take %d, heavy jobs take %d\n", capacity, light, heavy)

	for i, weight := range weights {
		// Blocks while fewer than weight permits are free; fails only if ctx is done.
		if err := sem.Acquire(ctx, weight); err != nil {
			fmt.Println("acquire:", err)
			return
		}
		enter(weight) // counted from here, not when the goroutine first runs
		go func() {
			defer sem.Release(weight)
			work(i+1, weight)
		}()
	}

	// Taking the whole capacity waits until every job has given its permits back.
	if err := sem.Acquire(ctx, capacity); err != nil {
		fmt.Println("acquire:", err)
		return
	}
	sem.Release(capacity)

	fmt.Printf("%d jobs done, all %d permits free again\n", len(weights), capacity)
	fmt.Printf("most weight in use at once: %d of %d\n", meter.peak, capacity)
}
