//! What the output cannot show: a reader that stops early stops every stage, even when the
//! generator would never run out. The listing's `main.rs` is compiled in as a module, so
//! the test builds its pipeline from the very `generate` and `sq` the book shows (`pub` so
//! that this file can reach them).

#[path = "../src/main.rs"]
#[allow(dead_code)]
mod listing;

use std::thread;
use std::time::Duration;

use crossbeam::channel;

#[test]
fn the_first_value_stops_an_endless_pipeline() {
    let (done, finished) = channel::bounded(1);
    // A thread of its own, so that a pipeline that never stops fails the test instead of hanging it.
    thread::spawn(move || {
        let first = thread::scope(|s| {
            let out = listing::sq(s, listing::sq(s, listing::generate(s, 1..)));
            out.recv().ok()
        }); // the scope has joined every stage
        done.send(first).ok();
    });
    let first = finished
        .recv_timeout(Duration::from_secs(10))
        .expect("the stages did not stop when the reader went away");
    assert_eq!(first, Some(1));
}
