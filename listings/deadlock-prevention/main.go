// The original's five rules against deadlock, one small function each. Rules 1 to 3 move money
// between two accounts from two goroutines at once, 1000 transfers each way.
//
// Notice: rule 1 breaks the cycle of waiting by a global order; rule 2 leaves nothing to
// order, since one lock guards both balances; rule 3 has no lock at all, one goroutine owns
// the balances. Rules 4 and 5 do not prevent the wait, they bound it: a timeout in select,
// and a context whose Done channel a long-running goroutine checks.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const transfers = 1000

type Account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// transfer is rule 1, lock ordering: whichever way the money goes, the lower id is
// locked first.
func transfer(from, to *Account, amount int) {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

func lockOrdering() string {
	a, b := &Account{id: 1, balance: 100}, &Account{id: 2, balance: 100}
	var wg sync.WaitGroup
	wg.Go(func() {
		for range transfers {
			transfer(a, b, 1)
		}
	})
	wg.Go(func() {
		for range transfers {
			transfer(b, a, 1)
		}
	})
	wg.Wait()
	return fmt.Sprintf("A = %d, B = %d", a.balance, b.balance)
}

// oneLock is rule 2, avoid nested locks: the balances change together, so one lock guards
// both, and a goroutine never holds one lock while it waits for another.
func oneLock() string {
	var mu sync.Mutex
	balances := [2]int{100, 100}
	transfer := func(from, to int) {
		mu.Lock()
		defer mu.Unlock()
		balances[from]--
		balances[to]++
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for range transfers {
			transfer(0, 1)
		}
	})
	wg.Go(func() {
		for range transfers {
			transfer(1, 0)
		}
	})
	wg.Wait()
	return fmt.Sprintf("A = %d, B = %d", balances[0], balances[1])
}

// channels is rule 3, use channels: one goroutine owns the balances; the others send it
// transfers.
func channels() string {
	requests := make(chan [2]int, 16)
	result := make(chan [2]int)
	go func() {
		balances := [2]int{100, 100}
		for r := range requests {
			balances[r[0]]--
			balances[r[1]]++
		}
		result <- balances // the loop ends when requests is closed
	}()
	var wg sync.WaitGroup
	for _, r := range [][2]int{{0, 1}, {1, 0}} {
		wg.Go(func() {
			for range transfers {
				requests <- r
			}
		})
	}
	wg.Wait()
	close(requests)
	balances := <-result
	return fmt.Sprintf("A = %d, B = %d", balances[0], balances[1])
}

// timeout is rule 4: ask a server that never answers, and stop waiting after 100 ms.
func timeout() string {
	reply := make(chan int) // nobody ever sends on it
	patience := 100 * time.Millisecond
	select {
	case answer := <-reply:
		return fmt.Sprintf("answer %d", answer)
	case <-time.After(patience):
		return fmt.Sprintf("no reply within %v, gave up instead of waiting for ever", patience)
	}
}

// cancellation is rule 5: the worker checks ctx.Done() between sends and stops once the
// context is cancelled.
func cancellation() string {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	values := make(chan int)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for i := 1; ; i++ {
			select {
			case <-ctx.Done():
				return
			case values <- i:
			}
		}
	}()
	took := 0
	for range 3 {
		<-values
		took++
	}
	cancel()
	<-stopped // closed only because the worker saw the cancellation
	return fmt.Sprintf("took %d values, cancelled, the worker stopped", took)
}

func main() {
	fmt.Printf("1. lock ordering: %d transfers each way, %s\n", transfers, lockOrdering())
	fmt.Printf("2. one lock, not two: %d transfers each way, %s\n", transfers, oneLock())
	fmt.Printf("3. channels, no lock: %d transfers each way, %s\n", transfers, channels())
	fmt.Printf("4. timeout: %s\n", timeout())
	fmt.Printf("5. cancellation: %s\n", cancellation())
}
