//! `or_done` wraps a channel so that a `for` loop over it also ends when `done` closes.
//!
//! Notice: Go needs a goroutine and a second channel for this, because only a channel
//! can be ranged over. In Rust it is an iterator: each `next` is one `select_biased!` on
//! `done` and the input, on the reader's own thread. `done` comes first, so once it is
//! closed no more values come out, even if one is waiting (Go's `select` picks at random).
//! "Closing" `done` is dropping its only `Sender`; every receiver of it sees the disconnect.

use std::iter;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver, select_biased};

/// The values of `input` until it is closed, or until `done` is, whichever comes first.
pub fn or_done<T>(done: Receiver<()>, input: Receiver<T>) -> impl Iterator<Item = T> {
    iter::from_fn(move || {
        select_biased! {
            recv(done) -> _ => None, // `done` was closed: it wins over a waiting value
            recv(input) -> v => v.ok(), // `None` once `input` is closed
        }
    })
}

fn main() {
    let (close_done, done) = channel::bounded::<()>(0);
    let (tx, input) = channel::bounded(0);
    let (stalling, stalled) = channel::bounded::<()>(0);

    thread::scope(|s| {
        // A source that sends five values and then stalls, without dropping its sender.
        let hang_until = done.clone();
        s.spawn(move || {
            for v in 1..=5 {
                if tx.send(v).is_err() {
                    return; // the reader has gone: a send fails instead of blocking
                }
            }
            drop(stalling); // for the demo: say that it stalls now
            _ = hang_until.recv();
        });

        // Give up on the source 50 ms after it stalls. (The channel has no buffer, so by
        // then the reader has taken all five values: none is waiting when `done` closes.)
        s.spawn(move || {
            _ = stalled.recv();
            thread::sleep(Duration::from_millis(50));
            drop(close_done);
        });

        for v in or_done(done, input) {
            println!("got {v}");
        }
        println!("done was closed: the loop ended, although in never was");
    });
}
