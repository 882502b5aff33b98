//! The lesson of `bridge`, tested on the listing's own function under concurrent use.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver, RecvTimeoutError};

// The listing is one file, the one the book shows; its `bridge` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::bridge;

/// Many streams, each fed by its own thread at the same time: the bridge still gives every
/// value once, stream after stream, in order.
/// Breakage tried: a merge (one `Select` over every stream received so far) -> fails.
#[test]
fn every_value_once_in_the_order_of_the_streams() {
    let (_close_done, done) = channel::bounded::<()>(0);
    let (stream_tx, streams) = channel::bounded::<Receiver<u32>>(0);
    let mut seed = 12345u32;
    let mut next_len = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (seed >> 16) % 50
    };
    let lens: Vec<u32> = (0..200).map(|_| next_len()).collect();
    let total: u32 = lens.iter().sum();
    let got = thread::scope(|s| {
        s.spawn(move || {
            let mut first = 0;
            for len in lens {
                let (tx, stream) = channel::bounded(0);
                // Each stream has its own sender thread, ready before the bridge reads it.
                thread::spawn(move || (first..first + len).for_each(|v| _ = tx.send(v)));
                first += len;
                stream_tx.send(stream).unwrap();
            }
        });
        bridge(done, streams).collect::<Vec<_>>()
    });
    assert_eq!(got, (0..total).collect::<Vec<_>>());
}

/// `done` wins: once it is closed, nothing comes out, even with a stream and values waiting.
/// Breakage tried: `select!` (unbiased) instead of `select_biased!` in `or_done` -> fails.
#[test]
fn once_done_is_closed_nothing_comes_out() {
    for _ in 0..1000 {
        let (close_done, done) = channel::bounded::<()>(0);
        let (stream_tx, streams) = channel::bounded(1);
        let (tx, stream) = channel::bounded(1);
        tx.send(1).unwrap();
        stream_tx.send(stream).unwrap();
        drop(close_done);
        assert_eq!(
            bridge(done, streams).next(),
            None,
            "a value came out after done"
        );
    }
}

/// A stream that hangs holds the bridge until `done`, and no longer.
/// Breakage tried: the inner loop reads only the stream (`flat_map(|s| s)`) -> fails (times out).
#[test]
fn a_hung_stream_holds_the_bridge_until_done() {
    let (close_done, done) = channel::bounded::<()>(0);
    let (stream_tx, streams) = channel::bounded(0);
    let (finished_tx, finished) = channel::bounded(1);
    let reader = thread::spawn(move || {
        let got: Vec<i32> = bridge(done, streams).collect();
        _ = finished_tx.send(got);
    });
    let (tx, stream) = channel::bounded(0);
    stream_tx.send(stream).unwrap();
    drop(stream_tx); // no more streams; the one sent hangs, open
    tx.send(1).unwrap();
    assert_eq!(
        finished.recv_timeout(Duration::from_millis(50)),
        Err(RecvTimeoutError::Timeout)
    );
    drop(close_done);
    let got = finished
        .recv_timeout(Duration::from_secs(10))
        .expect("the bridge did not end on done");
    assert_eq!(got, [1]);
    reader.join().unwrap();
    drop(tx);
}
