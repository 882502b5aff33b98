// Five goroutines run at once; main waits for all of them with a sync.WaitGroup.
//
// Notice: the counter is ours to keep right. wg.Add(1) must happen before the
// goroutine starts, and every worker must call wg.Done exactly once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done() // tell the WaitGroup this worker is finished
	fmt.Printf("Worker %d starting\n", id)
	time.Sleep(100 * time.Millisecond) // the original sleeps 1 s
	fmt.Printf("Worker %d done\n", id)
}

func main() {
	var wg sync.WaitGroup

	for i := 1; i <= 5; i++ {
		wg.Add(1) // one more worker to wait for
		go worker(i, &wg)
	}

	wg.Wait() // block until the counter is back to zero
	fmt.Println("All workers done")
}
