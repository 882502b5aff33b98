// The same measurements as the Rust benches, for Go on the same machine: spawning a
// goroutine, a channel's size and allocation, and channel round trips.
//
// Run: go test -bench . -benchtime 1s -run TestSizes -v
package costs

import (
	"runtime"
	"sync"
	"testing"
)

var sink int

func BenchmarkSpawnAndWait(b *testing.B) {
	done := make(chan int)
	for b.Loop() {
		go func() { done <- 1 }()
		sink += <-done
	}
}

func BenchmarkSpawnBatchThenWaitAll(b *testing.B) {
	var wg sync.WaitGroup
	for b.Loop() {
		wg.Go(func() {})
	}
	wg.Wait()
}

func BenchmarkChanBuffered1SendRecvOneGoroutine(b *testing.B) {
	ch := make(chan int, 1)
	for b.Loop() {
		ch <- 1
		sink += <-ch
	}
}

func BenchmarkChanUnbufferedPingPong(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for n := range ping {
			pong <- n
		}
	}()
	for b.Loop() {
		ping <- 1
		sink += <-pong
	}
	close(ping)
}

// TestSizes prints what a channel allocates and what a parked goroutine costs.
func TestSizes(t *testing.T) {
	var keep []chan int
	for _, size := range []int{0, 1, 100} {
		var ch chan int
		allocs := testing.AllocsPerRun(1, func() { ch = make(chan int, size) })
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		ch = make(chan int, size)
		runtime.ReadMemStats(&after)
		keep = append(keep, ch)
		t.Logf("make(chan int, %d): %d allocation(s), %d bytes", size, int(allocs), after.TotalAlloc-before.TotalAlloc)
	}

	// Park 10,000 goroutines on a channel and see how much stack and heap they take.
	const n = 10_000
	release := make(chan struct{})
	var started, done sync.WaitGroup
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range n {
		started.Add(1)
		done.Go(func() {
			started.Done()
			<-release
		})
	}
	started.Wait()
	runtime.ReadMemStats(&after)
	t.Logf("a parked goroutine: %d bytes of stack, %d bytes of heap",
		(after.StackInuse-before.StackInuse)/n, (after.HeapAlloc-before.HeapAlloc)/n)
	close(release)
	done.Wait()
	_ = keep
}
