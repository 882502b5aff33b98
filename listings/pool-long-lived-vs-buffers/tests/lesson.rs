//! The lesson, on more than one thread: the program calls `process` from `main` only, so its
//! "1 scratch buffer made" cannot tell a buffer per thread from one buffer behind a lock. Here
//! the listing's own `process` (src/main.rs, included as a module) runs on four threads.

use std::sync::atomic::Ordering;
use std::thread;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the connection pool are the program's; the test uses `process`
mod listing;

use listing::{BUFFERS_MADE, process};

/// Four threads, 250 calls each: four buffers, one per thread, each reused by every call on it.
// Breakage tried: one shared buffer (`static SCRATCH: Mutex<Vec<u8>>`, locked in `process`)
// -> the program still prints "1 scratch buffer made", this test fails (1, not 4); a new
// buffer per call -> fails (1000), as does the output.
#[test]
fn one_scratch_buffer_per_thread() {
    thread::scope(|s| {
        for t in 0..4 {
            s.spawn(move || {
                for i in 0..250 {
                    assert_eq!(process(format!("thread {t} call {i}").as_bytes()), 10);
                }
            });
        }
    });
    assert_eq!(BUFFERS_MADE.load(Ordering::Relaxed), 4);
}
