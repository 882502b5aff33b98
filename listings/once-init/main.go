// Eight goroutines race to load one configuration; sync.Once lets exactly one of them do it.
//
// Notice: the losers do not skip ahead: once.Do blocks them until the winner's
// function has returned, so every goroutine sees a fully built Config.
// sync.OnceValue (Go 1.21) wraps the same thing as a function that returns the value.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Port int
}

var (
	once   sync.Once
	config *Config
	loads  atomic.Int32 // how many times the loader really ran
)

func loadConfig() {
	loads.Add(1)
	fmt.Println("loading config (runs once)")
	config = &Config{Port: 8080}
}

func getConfig() *Config {
	once.Do(loadConfig)
	return config
}

// The same, as one value: the function runs on the first call only.
var greeting = sync.OnceValue(func() string {
	loads.Add(1)
	return "hello from a lazily built value"
})

func main() {
	seen := make([]*Config, 8)
	start := make(chan struct{}) // nobody asks before all eight are ready: a real race
	var wg sync.WaitGroup
	for i := range seen {
		wg.Go(func() {
			<-start
			seen[i] = getConfig()
		})
	}
	close(start)
	wg.Wait()

	distinct := map[*Config]bool{}
	for _, c := range seen {
		distinct[c] = true
	}
	fmt.Printf("8 readers got port %d from %d distinct Config value(s)\n", seen[0].Port, len(distinct))
	fmt.Println(greeting())
	fmt.Println(greeting())
	fmt.Printf("initializers run: %d (one for the config, one for the greeting)\n", loads.Load())
}
