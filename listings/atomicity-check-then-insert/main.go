// Two requests create the same user: each asks "does id 1 exist?", hears "no", and INSERTs.
//
// Notice: every single operation on the table is atomic (it holds the lock), yet
// "check, then insert" is not: the lock is let go between the two steps, and the other
// request's check fits in the gap. A barrier forces that interleaving on every run, so one
// INSERT always fails with a duplicate key. The fix makes deciding and inserting one step
// under one lock, like INSERT ... ON CONFLICT (id) DO NOTHING in SQL.
package main

import (
	"fmt"
	"sync"
)

type User struct {
	Name    string
	Balance int
}

// DuplicateKeyError is the error a database gives when a primary key is taken.
type DuplicateKeyError struct{ ID int }

func (e DuplicateKeyError) Error() string {
	return fmt.Sprintf("duplicate key: id %d already exists", e.ID)
}

// Users is the users table: a map from primary key to row, behind one lock.
type Users struct {
	mu   sync.Mutex
	rows map[int]User
}

func NewUsers() *Users { return &Users{rows: map[int]User{}} }

// Exists is SELECT EXISTS (SELECT 1 FROM users WHERE id = $1): atomic on its own.
func (u *Users) Exists(id int) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	_, ok := u.rows[id]
	return ok
}

// Insert is INSERT INTO users ...: atomic on its own; fails if the key is taken.
func (u *Users) Insert(id int, user User) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if _, ok := u.rows[id]; ok {
		return DuplicateKeyError{id}
	}
	u.rows[id] = user
	return nil
}

// InsertIfAbsent is INSERT ... ON CONFLICT (id) DO NOTHING: the check and the insert under
// one lock. It reports whether this call inserted the row.
func (u *Users) InsertIfAbsent(id int, user User) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if _, ok := u.rows[id]; ok {
		return false
	}
	u.rows[id] = user
	return true
}

func (u *Users) Len() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.rows)
}

// twoRequests runs request on two goroutines at once and returns their answers, A's first.
// barrier makes each request wait until both have reached it (Go has no Barrier type; a
// WaitGroup that both count down and both wait on is a one-shot barrier).
func twoRequests[T any](request func(barrier func()) T) [2]T {
	var arrived, done sync.WaitGroup
	arrived.Add(2)
	barrier := func() { arrived.Done(); arrived.Wait() }
	var answers [2]T
	for i := range answers {
		done.Go(func() { answers[i] = request(barrier) })
	}
	done.Wait()
	return answers
}

// answer is what a request ends with: whether it inserted the row, and the error its
// INSERT failed with, if any.
type answer struct {
	inserted bool
	err      error
}

// summary counts what the two requests did and what the table holds.
func summary(answers [2]answer, users *Users) string {
	inserted, errors := 0, 0
	for _, a := range answers {
		if a.inserted {
			inserted++
		}
		if a.err != nil {
			errors++
		}
	}
	return fmt.Sprintf("  inserted: %d, errors: %d, rows: %d", inserted, errors, users.Len())
}

func main() {
	ali := User{Name: "Ali", Balance: 100}
	names := [2]string{"A", "B"}

	fmt.Println("check, then insert (two atomic steps):")
	users := NewUsers()
	answers := twoRequests(func(barrier func()) answer {
		free := !users.Exists(1)
		barrier() // both have checked before either inserts
		if !free {
			return answer{}
		}
		err := users.Insert(1, ali)
		return answer{inserted: err == nil, err: err}
	})
	for i, a := range answers {
		switch {
		case a.err != nil:
			fmt.Printf("  request %s: id 1 was free, INSERT failed: %v\n", names[i], a.err)
		case a.inserted:
			fmt.Printf("  request %s: id 1 was free, INSERT succeeded\n", names[i])
		default:
			fmt.Printf("  request %s: id 1 was taken, no INSERT\n", names[i])
		}
	}
	fmt.Println(summary(answers, users))

	fmt.Println("check and insert in one step (ON CONFLICT DO NOTHING):")
	users = NewUsers()
	answers = twoRequests(func(barrier func()) answer {
		barrier()                                             // both arrive together here too
		return answer{inserted: users.InsertIfAbsent(1, ali)} // a taken id is an answer, not an error
	})
	for i, a := range answers {
		switch {
		case a.err != nil:
			fmt.Printf("  request %s: failed: %v\n", names[i], a.err)
		case a.inserted:
			fmt.Printf("  request %s: inserted\n", names[i])
		default:
			fmt.Printf("  request %s: already there\n", names[i])
		}
	}
	fmt.Println(summary(answers, users))

	for id, user := range users.rows {
		fmt.Printf("users: (%d, '%s', %d)\n", id, user.Name, user.Balance)
	}
}
