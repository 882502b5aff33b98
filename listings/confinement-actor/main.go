// An actor: one goroutine owns the counter, and every other goroutine talks to it
// through a channel of commands.
//
// Notice: val is a local variable of Run, so no mutex guards it. Ten goroutines add
// to it at once, and Get still sees every Add: the channel hands the commands to the
// owner one at a time, in the order they were sent.
package main

import (
	"context"
	"fmt"
	"sync"
)

// Command is anything the actor understands: an Add or a Get.
type Command any

type Get struct{ Reply chan<- int }
type Add struct{ N int }

type Counter struct {
	cmds chan Command
}

func NewCounter(buffer int) *Counter {
	return &Counter{cmds: make(chan Command, buffer)}
}

// Run is the owner: the only code that ever reads or writes val.
func (c *Counter) Run(ctx context.Context) {
	var val int
	for {
		select {
		case <-ctx.Done():
			return
		case cmd := <-c.cmds:
			switch m := cmd.(type) {
			case Add:
				val += m.N
			case Get:
				// If the asker has given up, do not wait for it for ever.
				select {
				case m.Reply <- val:
				case <-ctx.Done():
					return
				}
			}
		}
	}
}

func (c *Counter) Add(n int) { c.cmds <- Add{N: n} }

func (c *Counter) Get(ctx context.Context) (int, bool) {
	reply := make(chan int, 1)
	select {
	case c.cmds <- Get{Reply: reply}:
	case <-ctx.Done():
		return 0, false
	}
	select {
	case v := <-reply:
		return v, true
	case <-ctx.Done():
		return 0, false
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	counter := NewCounter(16)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		counter.Run(ctx)
	}()

	// Ten goroutines add 1, a hundred times each, all at the same time.
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			for range 100 {
				counter.Add(1)
			}
		})
	}
	wg.Wait()

	if v, ok := counter.Get(ctx); ok {
		fmt.Println("value:", v)
	}

	cancel() // stop the owner
	<-stopped
	fmt.Println("actor stopped")
}
