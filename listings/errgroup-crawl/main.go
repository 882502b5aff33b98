// crawlAll fetches every page, at most eight at a time, and stops them all at the first
// error.
//
// Notice: errgroup.WithContext cancels ctx as soon as one goroutine returns an error,
// and g.Wait returns that first error once every goroutine has returned. The buffered
// channel sem is a semaphore: a goroutine puts a token in before it fetches and takes
// it out when it is done, so no more than cap(sem) fetches run at once.
package main

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func crawlAll(ctx context.Context, urls []string) error {
	g, ctx := errgroup.WithContext(ctx)
	sem := make(chan struct{}, 8) // at most 8 fetches at once

	for _, u := range urls {
		g.Go(func() error {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			defer func() { <-sem }()
			body, err := fetch(ctx, u)
			if err != nil {
				return err
			}
			return store(ctx, u, body)
		})
	}
	return g.Wait()
}

// What the simulated web saw: fetches running now, the most at once, pages stored, and
// fetches cut short by a cancelled context.
var inFlight, maxInFlight, stored, stoppedEarly atomic.Int32

// fetch pretends to download a page: 100 ms, or a 404 after 10 ms for a missing one.
func fetch(ctx context.Context, url string) (string, error) {
	n := inFlight.Add(1)
	defer inFlight.Add(-1)
	for m := maxInFlight.Load(); n > m && !maxInFlight.CompareAndSwap(m, n); m = maxInFlight.Load() {
	}

	if strings.HasSuffix(url, "/missing") {
		time.Sleep(10 * time.Millisecond)
		return "", fmt.Errorf("fetch %s: 404 Not Found", url)
	}
	select {
	case <-time.After(100 * time.Millisecond):
		return "<html>" + url + "</html>", nil
	case <-ctx.Done():
		stoppedEarly.Add(1)
		return "", ctx.Err()
	}
}

// store pretends to save a page.
func store(ctx context.Context, url, body string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	stored.Add(1)
	return nil
}

func main() {
	ctx := context.Background()

	var urls []string
	for i := 1; i <= 16; i++ {
		urls = append(urls, fmt.Sprintf("https://example.com/page/%d", i))
	}
	if err := crawlAll(ctx, urls); err != nil {
		fmt.Println("crawl of 16 pages:", err)
	} else {
		fmt.Printf("crawl of 16 pages: %d stored, at most %d fetches at once\n",
			stored.Load(), maxInFlight.Load())
	}

	stored.Store(0)
	urls = []string{
		"https://example.com/a",
		"https://example.com/b",
		"https://example.com/missing",
		"https://example.com/c",
		"https://example.com/d",
		"https://example.com/e",
	}
	err := crawlAll(ctx, urls)
	fmt.Println("crawl with a missing page:", err)
	fmt.Printf("%d stored, %d fetches stopped early by the cancelled context\n",
		stored.Load(), stoppedEarly.Load())
}
