// fetchAllLimited is fetchAll with g.SetLimit: no more than limit fetches run at once.
//
// Notice: with a limit set, g.Go itself waits until a running goroutine returns, so the
// loop that starts the fetches is throttled too. fetch counts the fetches in flight,
// and the most it ever sees at once is the limit, never more.
package main

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetchAllLimited(ctx context.Context, urls []string, limit int) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit) // at most limit goroutines at once

	results := make([]string, len(urls))

	for i, url := range urls {
		g.Go(func() error {
			body, err := fetch(ctx, url)
			if err != nil {
				return err
			}
			results[i] = body
			return nil
		})
	}

	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}

// The fetches running now, and the most that ever ran at once.
var inFlight, maxInFlight atomic.Int32

// fetch pretends to download page n of the site: 20, 30 or 40 ms.
func fetch(ctx context.Context, url string) (string, error) {
	n := inFlight.Add(1)
	defer inFlight.Add(-1)
	for m := maxInFlight.Load(); n > m && !maxInFlight.CompareAndSwap(m, n); m = maxInFlight.Load() {
	}

	var page int
	if _, err := fmt.Sscanf(url, "https://example.com/p%d", &page); err != nil {
		return "", fmt.Errorf("fetch %s: %w", url, err)
	}
	select {
	case <-time.After(time.Duration(20+page%3*10) * time.Millisecond):
		return fmt.Sprintf("<p%d>", page), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	var urls []string
	for i := 1; i <= 10; i++ {
		urls = append(urls, fmt.Sprintf("https://example.com/p%d", i))
	}

	bodies, err := fetchAllLimited(context.Background(), urls, 3)
	if err != nil {
		fmt.Println("fetchAllLimited:", err)
		return
	}
	fmt.Printf("fetched %d pages, at most %d at once (limit 3)\n", len(bodies), maxInFlight.Load())
	fmt.Println("bodies, in the order of urls:", strings.Join(bodies, " "))
}
