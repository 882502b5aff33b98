//! The lesson of `tee`, tested on the listing's own function under concurrent use.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, RecvTimeoutError};

// The listing is one file, the one the book shows; its `tee` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::tee;

/// Two readers at different, changing paces: each gets every value once, in order.
/// Breakage tried: `waiting.clear()` after the first send (only the faster reader gets each
/// value) -> fails.
#[test]
fn both_readers_get_every_value_in_order() {
    for round in 0..5u64 {
        let (_close_done, done) = channel::bounded::<()>(0);
        let (tx, input) = channel::bounded(0);
        let (got1, got2) = thread::scope(|s| {
            s.spawn(move || (0..200u64).for_each(|v| tx.send(v).unwrap()));
            let (out1, out2) = tee(s, done, input);
            let read = move |out: channel::Receiver<u64>, every: u64| {
                move || {
                    let mut got = Vec::new();
                    for v in out {
                        if v % every == round % every {
                            thread::yield_now(); // now and then, fall behind
                        }
                        got.push(v);
                    }
                    got
                }
            };
            let r1 = s.spawn(read(out1, 3));
            let r2 = s.spawn(read(out2, 7));
            (r1.join().unwrap(), r2.join().unwrap())
        });
        assert_eq!(got1, (0..200).collect::<Vec<_>>());
        assert_eq!(got2, got1);
    }
}

/// The slower reader sets the pace: while one reader takes nothing, the other gets at most
/// the current value. Closing `done` then ends the tee: both outputs close.
/// Breakage tried: outputs with a buffer (`channel::bounded(5)`) -> fails.
#[test]
fn the_slower_reader_sets_the_pace_and_done_ends_the_tee() {
    let (close_done, done) = channel::bounded::<()>(0);
    let (tx, input) = channel::bounded(0);
    thread::scope(|s| {
        s.spawn(move || {
            for v in 0..10 {
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let (out1, out2) = tee(s, done, input);
        assert_eq!(out1.recv_timeout(Duration::from_secs(10)), Ok(0));
        // out2 has not taken 0, so 1 is not even taken from the input.
        assert_eq!(
            out1.recv_timeout(Duration::from_millis(100)),
            Err(RecvTimeoutError::Timeout)
        );
        drop(close_done);
        assert_eq!(
            out1.recv_timeout(Duration::from_secs(10)),
            Err(RecvTimeoutError::Disconnected)
        );
        assert_eq!(
            out2.recv_timeout(Duration::from_secs(10)),
            Err(RecvTimeoutError::Disconnected)
        );
    }); // the scope joins the tee's thread and the source: none is left
}

/// `done` wins: once it is closed, the tee takes nothing from the input and gives nothing out,
/// even with a value waiting and both readers ready.
/// Breakage tried: `select!` (unbiased) in `or_done` -> fails. (The biased `Select` in `tee`
/// matters only when `done` closes just as a reader arrives: no test here can force that.)
#[test]
fn once_done_is_closed_no_value_comes_out() {
    for _ in 0..100 {
        let (close_done, done) = channel::bounded::<()>(0);
        let (tx, input) = channel::bounded(1);
        tx.send(1).unwrap();
        let still_there = input.clone();
        drop(close_done);
        thread::scope(|s| {
            let (out1, out2) = tee(s, done, input);
            let r2 = s.spawn(move || out2.recv());
            assert!(out1.recv().is_err(), "a value came out after done");
            assert!(r2.join().unwrap().is_err(), "a value came out after done");
        });
        assert_eq!(still_there.len(), 1, "the tee took a value after done");
    }
}
