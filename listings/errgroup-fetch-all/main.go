// fetchAll fetches every page at once and returns the bodies in the order of urls, or
// the first error.
//
// Notice: each goroutine writes only its own results[i], so the slice needs no lock,
// and the bodies come back in the order asked for, whatever order the fetches finish
// in. When one fetch fails, errgroup cancels ctx and the others return early; g.Wait
// returns once they have. The stuck page shows it: only ctx.Done() ends its fetch.
package main

import (
	"context"
	"fmt"
	"path"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetchAll(ctx context.Context, urls []string) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx)
	results := make([]string, len(urls))

	// Since Go 1.22 every iteration has its own i and url, so the original's
	// `i, url := i, url` is no longer needed.
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
		return nil, err // the first error; ctx cancelled the others
	}
	return results, nil
}

// How long each simulated page takes to download.
var delays = map[string]time.Duration{
	"slow":    60 * time.Millisecond,
	"medium":  30 * time.Millisecond,
	"fast":    10 * time.Millisecond,
	"missing": 10 * time.Millisecond,
	"stuck":   time.Hour, // this server never answers in time
}

// fetch pretends to download a page.
func fetch(ctx context.Context, url string) (string, error) {
	page := path.Base(url)
	select {
	case <-time.After(delays[page]):
	case <-ctx.Done():
		fmt.Printf("fetch %s: cancelled\n", url)
		return "", ctx.Err()
	}
	if page == "missing" {
		return "", fmt.Errorf("fetch %s: 404 Not Found", url)
	}
	return "<html>" + page + "</html>", nil
}

func main() {
	ctx := context.Background()

	urls := []string{"https://example.com/slow", "https://example.com/fast", "https://example.com/medium"}
	bodies, err := fetchAll(ctx, urls)
	if err != nil {
		fmt.Println("fetchAll:", err)
	}
	for i, body := range bodies {
		fmt.Printf("%s: %s\n", urls[i], body)
	}

	urls = []string{"https://example.com/missing", "https://example.com/stuck"}
	if _, err := fetchAll(ctx, urls); err != nil {
		fmt.Println("with a missing page:", err)
	}
}
