// A worker pool: three goroutines share one buffered channel of jobs and one of results.
//
// Notice: close(jobs) is what ends each worker's range loop; without it the
// workers would wait for more jobs for ever.
package main

import (
	"fmt"
	"time"
)

func main() {
	jobs := make(chan int, 100)
	results := make(chan int, 100)

	// Start 3 workers.
	for w := 1; w <= 3; w++ {
		go func(id int, jobs <-chan int, results chan<- int) {
			for j := range jobs {
				fmt.Println("worker", id, "processing job", j)
				time.Sleep(100 * time.Millisecond) // 1 s in the original
				results <- j * 2
			}
		}(w, jobs, results)
	}

	// Send the jobs, then close the channel so the workers know there are no more.
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)

	// Collect exactly as many results as there were jobs.
	sum := 0
	for a := 1; a <= 5; a++ {
		sum += <-results
	}
	fmt.Println("sum of results:", sum)
}
