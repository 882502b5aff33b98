// A sync.Pool of buffers: three rounds of four workers, and only four buffers ever made.
//
// Notice: New runs only when the pool has nothing to hand out, and a buffer must be
// Reset and Put back by hand. sync.Pool is a cache, not a store: the garbage collector
// may empty it at any time, so it suits scratch buffers, never connections.
package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

var allocated atomic.Int32

var bufPool = sync.Pool{
	New: func() any {
		allocated.Add(1)
		return new(bytes.Buffer)
	},
}

func main() {
	gets := 0
	for round := 1; round <= 3; round++ {
		// Take four buffers at once, so four are in use at the same time.
		bufs := make([]*bytes.Buffer, 4)
		for i := range bufs {
			bufs[i] = bufPool.Get().(*bytes.Buffer)
			gets++
		}

		// Fork: each worker writes into its own buffer. Join: wait for all four.
		var wg sync.WaitGroup
		for i, buf := range bufs {
			job := (round-1)*4 + i + 1
			wg.Go(func() { fmt.Fprintf(buf, "%d*%d=%d", job, job, job*job) })
		}
		wg.Wait()

		lines := make([]string, len(bufs))
		for i, buf := range bufs {
			lines[i] = buf.String()
		}
		fmt.Printf("round %d: %s\n", round, strings.Join(lines, " "))

		// Give the buffers back, emptied, for the next round.
		for _, buf := range bufs {
			buf.Reset()
			bufPool.Put(buf)
		}
	}
	fmt.Printf("buffers allocated: %d, reused: %d\n", allocated.Load(), gets-int(allocated.Load()))
}
