// Fork-join: main forks five goroutines, then joins them with a sync.WaitGroup.
//
// Notice: without wg.Wait() main could return before any worker has printed,
// and the program would end with the goroutines never having run.
package main

import (
	"fmt"
	"sync"
	"time"
)

// worker simulates some work for a given ID.
func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done() // signal that this goroutine is done
	fmt.Printf("Worker %d started\n", id)
	time.Sleep(100 * time.Millisecond) // the work: long enough that all five overlap
	fmt.Printf("Worker %d finished\n", id)
}

func main() {
	var wg sync.WaitGroup

	// Fork: start the goroutines, counting each one before it starts.
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}

	// Join: wait until every worker has called Done.
	wg.Wait()

	fmt.Println("All workers finished, continue main flow...")
}
