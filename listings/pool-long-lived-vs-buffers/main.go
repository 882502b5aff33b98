// Reuse for short-lived scratch buffers; an explicit pool for long-lived connections.
//
// Notice: sync.Pool suits the buffers, because losing one costs only an allocation: the
// garbage collector empties the pool when it likes. Connections must never vanish like
// that, so they live in a buffered channel that only our code adds to and takes from,
// and it keeps them across garbage collections (forced here between the requests).
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

var buffersMade int

// bufPool holds *[]byte rather than []byte: putting a slice into an interface would
// allocate on every Put.
var bufPool = sync.Pool{
	New: func() any {
		buffersMade++
		buf := make([]byte, 0, 4096)
		return &buf
	},
}

// process is short-lived work that needs 4 KB of scratch space for one call.
func process(data []byte) int {
	bufp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bufp)

	buf := (*bufp)[:0]
	for _, b := range data {
		if 'a' <= b && b <= 'z' {
			b -= 'a' - 'A'
		}
		buf = append(buf, b)
	}
	*bufp = buf

	letters := 0
	for _, b := range buf {
		if 'A' <= b && b <= 'Z' {
			letters++
		}
	}
	return letters
}

// Conn is a long-lived resource: expensive to open, meant to be kept.
type Conn struct{ id int }

type ConnPool struct {
	idle   chan *Conn
	dialed int
}

// Get returns an idle connection if there is one, a new one otherwise.
func (p *ConnPool) Get() *Conn {
	select {
	case c := <-p.idle:
		return c
	default:
		p.dialed++
		return &Conn{id: p.dialed}
	}
}

// Put keeps the connection for the next caller; it closes it if the pool is full.
func (p *ConnPool) Put(c *Conn) {
	select {
	case p.idle <- c:
	default: // would close the connection
	}
}

func main() {
	letters := 0
	for i := range 1000 {
		letters += process([]byte("message " + strconv.Itoa(i)))
	}
	fmt.Printf("buffers: 1000 messages, %d letters, %d scratch buffer made\n", letters, buffersMade)

	pool := &ConnPool{idle: make(chan *Conn, 2)}
	var servedBy []string
	for range 3 {
		c := pool.Get()
		servedBy = append(servedBy, "#"+strconv.Itoa(c.id))
		pool.Put(c)
		runtime.GC() // a sync.Pool could lose the connection here; a channel cannot
	}
	fmt.Printf("connections: 3 requests served by %s; %d dialed\n", strings.Join(servedBy, ", "), pool.dialed)
}
