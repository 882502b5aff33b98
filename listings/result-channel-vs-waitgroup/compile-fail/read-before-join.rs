// Reading the result while the thread may still be writing it. Go compiles the same
// read before wg.Wait(), and it is a data race; Rust refuses the shared borrow.
use std::thread;

fn compute() -> u64 {
    6 * 7
}

fn main() {
    let mut result = 0;
    thread::scope(|s| {
        s.spawn(|| result = compute());
        println!("too early: {result}");
    });
}
