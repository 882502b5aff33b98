// Two threads add to one plain variable. Go compiles this (`go run -race` reports a
// DATA RACE); Rust does not: the threads may outlive `counter`, and both would write it.
use std::thread;

fn main() {
    let mut counter = 0;
    let a = thread::spawn(|| counter += 1);
    let b = thread::spawn(|| counter += 1);
    let _ = (a.join(), b.join());
}
