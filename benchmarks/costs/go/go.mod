// Go's side of the costs benchmark: run with `go test -bench . -benchtime 1s` from this folder.
module costs-go

go 1.26.0
