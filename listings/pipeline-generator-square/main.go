// A pipeline: a generator feeds a square stage, whose output feeds a second square stage.
//
// Notice: each stage owns its output channel and closes it (defer close(out)) when
// its input runs out; that close is what ends the next stage's range loop, and so
// on down the line until main's loop ends too.
package main

import "fmt"

// generator is the source: it sends each number, then closes its output.
func generator(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

// square is a processing stage: it squares every number it receives.
func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func main() {
	// Build the pipeline: generator -> square -> square.
	c := generator(2, 3, 4)
	out := square(square(c))

	for n := range out {
		fmt.Println(n) // 16, 81, 256
	}
}
