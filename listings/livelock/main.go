// Alice and Bob meet in a corridor with two lanes, both in lane 1. Each is polite: seeing
// the other in the way, each steps into the other lane, at the same moment, and they are
// face to face again.
//
// Notice: nothing is blocked. Both goroutines keep running and keep changing state, yet
// nobody gets past: that is livelock, and unlike a deadlock it burns CPU while it lasts.
// main is the clock that makes them move in lockstep (the original's "every time they move at
// the same moment"), and gives up after 5 attempts. The fix breaks the symmetry: only one
// of them steps aside. (Real systems break it with randomness: a random, growing backoff,
// as Ethernet does after a collision.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

const attempts = 5

func otherLane(lane int) int { return 3 - lane } // 1 <-> 2

// walk is one walker: told where the other one is, it decides where to be next, and says so.
func walk(stepsAside bool, sees <-chan int, moves chan<- int) {
	lane := 1
	for other := range sees {
		if stepsAside && other == lane {
			lane = otherLane(lane)
		}
		moves <- lane
	}
}

// corridor lets Alice and Bob try to pass each other; stepsAside says who is polite.
func corridor(stepsAside [2]bool) {
	names := [2]string{"Alice", "Bob"}
	var sees [2]chan int
	var moves [2]chan int
	var wg sync.WaitGroup
	for i, polite := range stepsAside {
		sees[i], moves[i] = make(chan int, 1), make(chan int, 1)
		wg.Go(func() { walk(polite, sees[i], moves[i]) })
	}
	defer wg.Wait()
	defer func() { close(sees[0]); close(sees[1]) }() // ends each walker's loop

	lanes := [2]int{1, 1}
	moved := 0
	for attempt := 1; attempt <= attempts; attempt++ {
		// Both see the same picture, then both move at once.
		sees[0] <- lanes[1]
		sees[1] <- lanes[0]
		next := [2]int{<-moves[0], <-moves[1]}

		var said []string
		for i, name := range names {
			if next[i] == lanes[i] {
				said = append(said, fmt.Sprintf("%s stays in lane %d", name, next[i]))
			} else {
				moved++
				said = append(said, fmt.Sprintf("%s to lane %d", name, next[i]))
			}
		}
		lanes = next
		if lanes[0] != lanes[1] {
			fmt.Printf("  attempt %d: %s, they pass\n", attempt, strings.Join(said, ", "))
			fmt.Printf("  got past on attempt %d (moves: %d)\n", attempt, moved)
			return
		}
		fmt.Printf("  attempt %d: %s, face to face again\n", attempt, strings.Join(said, ", "))
	}
	fmt.Printf("  gave up after %d attempts (moves: %d), nobody got past\n", attempts, moved)
}

func main() {
	fmt.Println("both step aside, in lockstep:")
	corridor([2]bool{true, true})
	fmt.Println("only Alice steps aside:")
	corridor([2]bool{true, false})
}
