// Go compiles this and races: every goroutine runs `finished++` on the same variable.
// Rust rejects it: each closure borrows `finished` mutably, and a value can have only
// one mutable borrow at a time. (Share an AtomicUsize or a Mutex, or return a value.)
use std::thread;

fn main() {
    let mut finished = 0;
    thread::scope(|s| {
        for _ in 1..=5 {
            s.spawn(|| finished += 1);
        }
    });
    println!("{finished} workers finished");
}
