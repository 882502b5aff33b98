// A publish/subscribe broker: every subscriber has its own buffered channel per topic.
//
// Notice: Publish never waits. It holds only the read lock and uses select with default,
// so a slow subscriber whose buffer is full loses the event instead of stalling everyone.
// Unsubscribe closes the subscriber's channel: the subscriber still reads what is
// buffered, then its range loop ends.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Event string

type Broker struct {
	mu          sync.RWMutex
	subscribers map[string][]chan Event
}

func NewBroker() *Broker {
	return &Broker{
		subscribers: make(map[string][]chan Event),
	}
}

func (b *Broker) Subscribe(topic string) <-chan Event {
	b.mu.Lock()
	defer b.mu.Unlock()

	ch := make(chan Event, 10)
	b.subscribers[topic] = append(b.subscribers[topic], ch)
	return ch
}

func (b *Broker) Publish(topic string, event Event) {
	b.mu.RLock()
	defer b.mu.RUnlock()

	for _, ch := range b.subscribers[topic] {
		select {
		case ch <- event:
		default:
			// Drop the event if the subscriber is slow.
		}
	}
}

func (b *Broker) Unsubscribe(topic string, ch <-chan Event) {
	b.mu.Lock()
	defer b.mu.Unlock()

	subs := b.subscribers[topic]
	for i, sub := range subs {
		if sub == ch {
			b.subscribers[topic] = append(subs[:i], subs[i+1:]...)
			close(sub)
			break
		}
	}
	if len(b.subscribers[topic]) == 0 {
		delete(b.subscribers, topic) // no empty topic is kept
	}
}

// Topics is the number of topics with subscribers.
func (b *Broker) Topics() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.subscribers)
}

// collect reads events until the channel is closed.
func collect(ch <-chan Event) []string {
	var got []string
	for e := range ch {
		got = append(got, string(e))
	}
	return got
}

func main() {
	b := NewBroker()
	alice := b.Subscribe("orders")
	bob := b.Subscribe("orders")
	carol := b.Subscribe("payments")
	dave := b.Subscribe("metrics") // reads nothing until the end

	// Each reader collects its events until its channel is closed.
	names := []string{"alice", "bob", "carol"}
	received := make([][]string, len(names))
	var wg sync.WaitGroup
	for i, ch := range []<-chan Event{alice, bob, carol} {
		wg.Go(func() { received[i] = collect(ch) })
	}

	b.Publish("orders", "order #1")
	b.Publish("orders", "order #2")
	b.Publish("payments", "payment #1")
	b.Unsubscribe("orders", bob)
	b.Publish("orders", "order #3") // bob has left: only alice gets it
	for n := 1; n <= 12; n++ {
		b.Publish("metrics", Event(fmt.Sprintf("tick %d", n)))
	}
	b.Unsubscribe("orders", alice)
	b.Unsubscribe("payments", carol)

	wg.Wait()
	for i, name := range names {
		fmt.Printf("%s got %s\n", name, strings.Join(received[i], ", "))
	}

	b.Unsubscribe("metrics", dave)
	ticks := collect(dave)
	last := "none"
	if len(ticks) > 0 {
		last = ticks[len(ticks)-1]
	}
	fmt.Printf("dave got %d of 12 ticks, the last one %s: his buffer holds 10, the rest were dropped\n", len(ticks), last)
	fmt.Println("topics left after every unsubscribe:", b.Topics())
}
