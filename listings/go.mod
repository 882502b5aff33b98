// The Go originals of the book's listings: one package main per listing folder.
// Run one with `go run ./goroutines-waitgroup` from this folder.
module concurrency-book/listings

go 1.26.0

require (
	golang.org/x/sync v0.24.0
	golang.org/x/time v0.16.0
)
