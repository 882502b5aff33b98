// A bounded queue from a sync.Mutex and two sync.Conds: one producer, two consumers.
//
// Notice: Wait is always called in a for loop that re-checks the condition, because
// a woken goroutine must look again (another may have got there first). Signal wakes
// one waiter; Close uses Broadcast, because every waiter must see it.
package main

import (
	"fmt"
	"slices"
	"sync"
)

type Queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	capacity int
	closed   bool
	maxLen   int // the longest the queue has been, to check the bound
}

func NewQueue(capacity int) *Queue {
	q := &Queue{capacity: capacity}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Push(item int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.capacity {
		q.notFull.Wait() // unlocks mu while asleep, locks it again before returning
	}
	q.items = append(q.items, item)
	q.maxLen = max(q.maxLen, len(q.items))
	q.notEmpty.Signal()
}

// Pop returns false once the queue is closed and empty.
func (q *Queue) Pop() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	item := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return item, true
}

func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.notEmpty.Broadcast() // wake every consumer, not just one
}

func main() {
	q := NewQueue(3)
	got := make([][]int, 2) // what each consumer took, in the order it took it

	var wg sync.WaitGroup
	for c := range got {
		wg.Go(func() {
			for {
				item, ok := q.Pop()
				if !ok {
					return
				}
				got[c] = append(got[c], item)
			}
		})
	}
	for i := 1; i <= 20; i++ {
		q.Push(i)
	}
	q.Close()
	wg.Wait()

	all := slices.Concat(got...)
	slices.Sort(all)
	eachOnce := len(all) == 20
	for i, v := range all {
		eachOnce = eachOnce && v == i+1
	}
	fmt.Println("producer: pushed 1..=20 into a queue of capacity 3, then closed it")
	fmt.Printf("consumers: took %d items, each exactly once: %t\n", len(all), eachOnce)
	fmt.Printf("each consumer saw its items in FIFO order: %t\n",
		slices.IsSorted(got[0]) && slices.IsSorted(got[1]))
	fmt.Printf("the queue never held more than 3 items: %t\n", q.maxLen <= 3)
}
