//! `or_done` wraps a channel so that a `for` loop over it also ends when `done` closes.
//!
//! Notice: Go needs a goroutine and a second channel for this, because only a channel
//! can be ranged over. In Rust it is an iterator: each `next` is one `select!` on
//! `done` and the input, on the reader's own thread. "Closing" `done` is dropping its
//! only `Sender`; every receiver of it sees the disconnect.

use std::iter;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver};
use crossbeam::select;

/// The values of `input` until it is closed, or until `done` is, whichever comes first.
fn or_done<T>(done: Receiver<()>, input: Receiver<T>) -> impl Iterator<Item = T> {
    iter::from_fn(move || {
        select! {
            recv(done) -> _ => None, // `done` was closed
            recv(input) -> v => v.ok(), // `None` once `input` is closed
        }
    })
}

fn main() {
    let (close_done, done) = channel::bounded::<()>(0);
    let (tx, input) = channel::bounded(0);

    thread::scope(|s| {
        // A source that sends five values and then stalls, without dropping its sender.
        let stalled = done.clone();
        s.spawn(move || {
            for v in 1..=5 {
                if tx.send(v).is_err() {
                    return; // the reader has gone: a send fails instead of blocking
                }
            }
            _ = stalled.recv();
        });

        // Give up on the source after 50 ms.
        s.spawn(move || {
            thread::sleep(Duration::from_millis(50));
            drop(close_done);
        });

        for v in or_done(done, input) {
            println!("got {v}");
        }
        println!("done was closed: the loop ended, although in never was");
    });
}
