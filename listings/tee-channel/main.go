// Tee copies every value of one channel to two channels, for two independent readers.
//
// Notice: Tee does not take the next value until both readers have taken this one, so
// the slower reader sets the pace for both. Setting a channel variable to nil once it
// has had its copy takes that case out of the select.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func OrDone[T any](done <-chan struct{}, in <-chan T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for {
			select {
			case <-done:
				return
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- v:
				case <-done:
					return
				}
			}
		}
	}()
	return out
}

func Tee[T any](done <-chan struct{}, in <-chan T) (<-chan T, <-chan T) {
	out1 := make(chan T)
	out2 := make(chan T)

	go func() {
		defer close(out1)
		defer close(out2)
		for v := range OrDone(done, in) {
			var o1, o2 = out1, out2
			var v1, v2 = v, v
			for range 2 {
				select {
				case o1 <- v1:
					o1 = nil // this one has its copy: do not send it again
				case o2 <- v2:
					o2 = nil
				case <-done:
					return
				}
			}
		}
	}()
	return out1, out2
}

func main() {
	done := make(chan struct{})
	defer close(done)

	in := make(chan string)
	go func() {
		defer close(in)
		for _, word := range []string{"one", "two", "three", "four", "five"} {
			in <- word
		}
	}()

	out1, out2 := Tee(done, in)
	var got1, got2 []string
	var wg sync.WaitGroup
	wg.Go(func() {
		for v := range out1 {
			got1 = append(got1, v)
		}
	})
	wg.Go(func() {
		for v := range out2 {
			got2 = append(got2, v)
		}
	})
	wg.Wait()

	fmt.Println("out1 got:", strings.Join(got1, " "))
	fmt.Println("out2 got:", strings.Join(got2, " "))
}
