// The original's race in Rust. Go compiles it and races; Rust rejects it: the thread borrows
// `data` mutably for as long as it may run, and `main` may not read `data` meanwhile.
use std::thread;

fn main() {
    let mut data = 0;
    thread::scope(|s| {
        s.spawn(|| data += 1); // 1
        if data == 0 { // 2
            println!("the value is {data}"); // 3
        }
    });
}
