//! The lesson of `or_done`, tested on the listing's own function under concurrent use.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, RecvTimeoutError};

// The listing is one file, the one the book shows; its `or_done` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::or_done;

/// `done` wins: once it is closed, no value comes out, even when one is waiting.
/// Breakage tried: `select!` (unbiased) instead of `select_biased!` -> fails.
#[test]
fn once_done_is_closed_no_value_comes_out() {
    for _ in 0..1000 {
        let (close_done, done) = channel::bounded::<()>(0);
        let (tx, input) = channel::bounded(1);
        tx.send(1).unwrap();
        drop(close_done);
        assert_eq!(
            or_done(done, input).next(),
            None,
            "a value came out after done"
        );
    }
}

/// While `done` is open, every value of a concurrent sender comes out once, in order,
/// and the loop ends when the sender closes the channel.
#[test]
fn every_value_comes_out_in_order_until_the_input_closes() {
    let (_close_done, done) = channel::bounded::<()>(0);
    let (tx, input) = channel::bounded(0);
    let got = thread::scope(|s| {
        s.spawn(move || (0..20_000).for_each(|v| tx.send(v).unwrap()));
        or_done(done, input).collect::<Vec<_>>()
    });
    assert_eq!(got, (0..20_000).collect::<Vec<_>>());
}

/// The reader of a stalled source ends on `done`, and every thread of it ends too.
/// Breakage tried: `or_done` reads only the input (`input.iter()`) -> fails (times out).
#[test]
fn a_reader_of_a_stalled_source_ends_on_done() {
    let (finished_tx, finished) = channel::bounded(1);
    let (close_done, done) = channel::bounded::<()>(0);
    let (tx, input) = channel::bounded(0);
    let reader = thread::spawn(move || {
        let got: Vec<i32> = or_done(done, input).collect();
        _ = finished_tx.send(got);
    });
    for v in 1..=3 {
        tx.send(v).unwrap();
    }
    // The source stalls (it keeps `tx`), and the reader waits; then done closes.
    assert_eq!(
        finished.recv_timeout(Duration::from_millis(50)),
        Err(RecvTimeoutError::Timeout)
    );
    drop(close_done);
    let got = finished
        .recv_timeout(Duration::from_secs(10))
        .expect("the reader did not end on done");
    assert_eq!(got, [1, 2, 3]);
    reader.join().unwrap();
    drop(tx);
}
