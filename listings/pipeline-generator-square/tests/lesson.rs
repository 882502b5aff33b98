//! The lesson of the pipeline, tested on the listing's own stages: each stage's close travels
//! down the line, so the last loop ends by itself once the generator runs out.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

// The listing is one file, the one the book shows; its stages are `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::{generator, square};

/// generator -> square -> square over 1000 values, collected on another thread: every value
/// comes out in order, the end of the input reaches the last loop, and every stage's thread
/// ends (the scope joins them). A pipeline that does not end leaves that thread waiting for
/// ever; the test gives up after 10 s (the run takes a few ms).
/// Breakage tried: `std::mem::forget(tx)` after the loop in `square` (its output never
/// closes) -> "the pipeline did not end within 10 s" -> fails.
#[test]
fn the_close_travels_down_until_the_last_loop_ends() {
    const N: u64 = 1000;
    let (done_tx, done) = mpsc::channel();
    // Left running if the pipeline hangs: the test process ends without it.
    thread::spawn(move || {
        let values: Vec<u64> = thread::scope(|s| {
            let out = square(s, square(s, generator(s, 1..=N)));
            out.iter().collect() // ends when the last stage closes its output
        }); // and the scope has joined every stage
        done_tx.send(values).ok();
    });
    let values = match done.recv_timeout(Duration::from_secs(10)) {
        Ok(values) => values,
        Err(RecvTimeoutError::Timeout) => panic!("the pipeline did not end within 10 s"),
        Err(RecvTimeoutError::Disconnected) => panic!("the pipeline's thread panicked"),
    };
    let want: Vec<u64> = (1..=N).map(|n| n.pow(4)).collect();
    assert_eq!(values, want);
}
