// A bounded queue with a drop-new policy: when the queue is full, a new task is turned
// away at once instead of making the producer wait.
//
// Notice: the select with a default case is what makes EnqueueNonBlocking never block.
// A burst larger than the queue loses its tail; a steady trickle that the worker keeps
// up with loses nothing.
package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

type Task struct{ ID int }

type Queue struct {
	ch chan Task
}

func NewQueue(n int) *Queue { return &Queue{ch: make(chan Task, n)} }

// EnqueueNonBlocking drops the new task if the queue is full.
func (q *Queue) EnqueueNonBlocking(t Task) bool {
	select {
	case q.ch <- t:
		return true
	default:
		return false
	}
}

func (q *Queue) Dequeue(ctx context.Context) (Task, bool) {
	select {
	case t, ok := <-q.ch:
		return t, ok
	case <-ctx.Done():
		return Task{}, false
	}
}

// idle is how long the worker waits for a task before it stops: fifty times the trickle's
// 10 ms, so that a busy machine cannot pause the producer long enough to look like the end.
const idle = 500 * time.Millisecond

// worker handles tasks until none has come for idle, and returns their IDs.
func worker(q *Queue, idle time.Duration) []int {
	var handled []int
	for {
		ctx, cancel := context.WithTimeout(context.Background(), idle)
		t, ok := q.Dequeue(ctx)
		cancel()
		if !ok {
			return handled
		}
		handled = append(handled, t.ID)
	}
}

// offer enqueues t and records its ID as queued or dropped.
func offer(q *Queue, t Task, queued, dropped *[]int) {
	if q.EnqueueNonBlocking(t) {
		*queued = append(*queued, t.ID)
	} else {
		*dropped = append(*dropped, t.ID)
	}
}

func list(ids []int) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Trim(fmt.Sprint(ids), "[]")
}

func main() {
	q := NewQueue(3)

	// 1. A burst of ten tasks before the worker has started.
	var queued, dropped []int
	for id := 1; id <= 10; id++ {
		offer(q, Task{ID: id}, &queued, &dropped)
	}
	fmt.Printf("burst of 10 into a queue of 3: queued %s, dropped %s\n", list(queued), list(dropped))

	// 2. The worker starts; five more tasks come, one every 10 ms.
	handled := make(chan []int)
	go func() { handled <- worker(q, idle) }()
	// A new goroutine can wait a while for a CPU on a busy machine: the trickle starts once
	// the worker has taken the burst, not after a guess at how long that takes.
	for len(q.ch) > 0 {
		time.Sleep(time.Millisecond)
	}
	queued, dropped = nil, nil
	for id := 11; id <= 15; id++ {
		time.Sleep(10 * time.Millisecond)
		offer(q, Task{ID: id}, &queued, &dropped)
	}
	fmt.Printf("one every 10ms: queued %s, dropped %s\n", list(queued), list(dropped))

	fmt.Println("worker handled:", list(<-handled))
}
