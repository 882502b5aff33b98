// Graceful shutdown: on SIGTERM, stop accepting, drain the requests in flight, then stop
// the workers, each phase with a time limit.
//
// Notice: the signal is real. The program sends SIGTERM to itself, and signal.Notify
// turns it into a value on sigCh. server.Shutdown closes the listener at once and then
// waits for the connections in flight; cancel() tells the workers to return, and the
// WaitGroup, wrapped in a channel so that select can put a time limit on it, waits for them.
// The forced path waits with limits too: requests still in flight at the drain limit are cut
// off (a second context that the handler selects on), and the server and the client are
// waited for again, each up to a limit. Workers that miss their limit cannot be stopped from
// outside (Go has no way to abort a goroutine): they are left to end with the process.
// `go run ./graceful-shutdown stuck` takes that path.
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"
)

const workers = 3 // 10 in the original

// timing says how long things take, and how long each phase may wait for them.
type timing struct {
	request     time.Duration // the slow request, counted from the start of the shutdown
	unit        time.Duration // one unit of background work, finished before ctx is looked at
	drainLimit  time.Duration
	workerLimit time.Duration
}

// normal: the request and the workers finish well inside their limits.
var normal = timing{
	request:     50 * time.Millisecond,
	unit:        time.Millisecond,
	drainLimit:  3 * time.Second, // 30 s in the original
	workerLimit: 1 * time.Second, // 10 s in the original
}

// worker does a unit of background work every 10 ms until ctx is cancelled.
func worker(ctx context.Context, unit time.Duration) {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			time.Sleep(unit) // one unit of background work, not interrupted
		}
	}
}

func main() {
	t := normal
	if len(os.Args) > 1 && os.Args[1] == "stuck" {
		// A request and a unit of work that would take 10 s: both limits run out.
		t.request, t.unit = 10*time.Second, 10*time.Second
	}

	// Listen for the signals first: from here on they no longer kill the process.
	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, syscall.SIGINT, syscall.SIGTERM)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { worker(ctx, t.unit) })
	}
	fmt.Printf("workers: %d started\n", workers)

	// A slow request: still running when the shutdown begins.
	started := make(chan struct{})
	shuttingDown := make(chan struct{})
	cutOff, cutOffCancel := context.WithCancel(context.Background())
	defer cutOffCancel()
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("handler: request started")
		close(started)
		<-shuttingDown // still working then, on every run however loaded the machine is
		select {
		case <-cutOff.Done():
			fmt.Println("handler: request cut off")
			http.Error(w, "cut off", http.StatusServiceUnavailable)
		case <-time.After(t.request):
			fmt.Println("handler: request finished")
			fmt.Fprint(w, "done")
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0") // port 0: the OS picks one
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	fmt.Println("server: listening on", ln.Addr())
	server := &http.Server{Handler: mux}
	go func() {
		if err := server.Serve(ln); err != http.ErrServerClosed {
			fmt.Println("serve:", err)
		}
	}()

	// One request to ourselves; once it is in flight, signal ourselves.
	reply := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			reply <- err.Error()
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			reply <- err.Error()
			return
		}
		reply <- fmt.Sprintf("%s %q", resp.Status, strings.TrimSpace(string(body)))
	}()
	<-started
	fmt.Println("main: sending SIGTERM to this process")
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		fmt.Println("kill:", err)
		return
	}

	name := map[os.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[<-sigCh]
	fmt.Printf("signal: %s received, shutting down\n", name)

	// Phase 1: close the listener; no new connection is accepted from here on.
	// Phase 2: wait, up to a limit, for the requests in flight to finish.
	// server.Shutdown does both.
	fmt.Println("phase 1: stop accepting new connections")
	close(shuttingDown)
	if err := shutdown(server, t.drainLimit); err != nil {
		fmt.Printf("phase 2: requests still running after %v, cut off\n", t.drainLimit)
		cutOffCancel() // the handlers answer at once, so the connections close
		if err := shutdown(server, t.drainLimit); err != nil {
			server.Close()
			fmt.Println("phase 2: the server ignored the cut-off:", err)
			return
		}
	} else {
		fmt.Println("phase 2: in-flight requests drained")
	}
	select {
	case r := <-reply:
		fmt.Println("client:", r)
	case <-time.After(t.drainLimit):
		fmt.Println("client: no answer")
		return
	}

	// Phase 3: cancel the workers and wait, up to a limit, for them to return.
	fmt.Println("phase 3: cancel the workers")
	cancel()
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		fmt.Printf("phase 3: %d workers stopped\n", workers)
	case <-time.After(t.workerLimit):
		// Cancelled, but still in a unit of work: they end with the process.
		fmt.Println("phase 3: forced shutdown, workers abandoned")
	}
	fmt.Println("graceful shutdown complete")
}

// shutdown closes the listeners and waits, up to limit, for the connections to finish.
func shutdown(server *http.Server, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	return server.Shutdown(ctx)
}
