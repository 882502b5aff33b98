// The original's race: a goroutine runs data++ (1) while main checks data == 0 (2) and prints
// it (3). Nothing orders 1 against 2 and 3, so each run picks one of three orders.
//
// Notice: `go run ./race-condition racy` runs the original's code as it is; it prints
// "the value is 0", "the value is 1" or nothing, and `go run -race` reports the data race.
// The default run forces each order in turn with channels (so there is no data race and the
// output is always the same), then shows the fix: wait for the goroutine before reading.
package main

import (
	"fmt"
	"os"
	"sync"
)

// racy is the original's code, with fmt.Printf spelled right.
func racy() {
	var data int
	go func() {
		data++ // 1
	}()
	if data == 0 { // 2
		fmt.Printf("the value is %v\n", data) // 3
	}
}

// replay runs the three steps in the given order and returns what step 3 printed, if anything.
func replay(order [3]int) (string, bool) {
	var data int
	turn := make(chan struct{}) // main hands the goroutine its turn ...
	done := make(chan struct{}) // ... and waits until it is done
	go func() {
		<-turn
		data++ // 1
		close(done)
	}()

	sawZero, printed, line := false, false, ""
	for _, step := range order {
		switch {
		case step == 1:
			close(turn)
			<-done
		case step == 2:
			sawZero = data == 0
		case step == 3 && sawZero:
			line, printed = fmt.Sprintf("the value is %v", data), true
		}
	}
	return line, printed
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "racy" {
		racy()
		return
	}

	// The three orders the original lists.
	for _, order := range [][3]int{{2, 3, 1}, {1, 2, 3}, {2, 1, 3}} {
		if line, ok := replay(order); ok {
			fmt.Printf("order %d %d %d: prints %q\n", order[0], order[1], order[2], line)
		} else {
			fmt.Printf("order %d %d %d: prints nothing\n", order[0], order[1], order[2])
		}
	}

	// The fix: wait for the goroutine before reading what it wrote.
	var data int
	var wg sync.WaitGroup
	wg.Go(func() {
		data++ // 1
	})
	wg.Wait()
	fmt.Printf("joined first: data is %d, every time\n", data)
}
