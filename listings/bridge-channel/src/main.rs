//! `bridge` reads a channel of channels as one stream: all the values of the first
//! channel, then all of the second, and so on.
//!
//! Notice: with `or_done` as an iterator, a bridge is `flat_map`, the standard way to
//! flatten nested sequences; no goroutine and no extra channel. The third stream here
//! sends its values and hangs without being closed; closing `done` still ends the loop.
//! Both `or_done`s try `done` first (`select_biased!`): after `done`, nothing comes out.

use std::iter;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver, select_biased};

/// As in or-done: the values of `input` until it or `done` is closed; `done` wins.
fn or_done<T>(done: Receiver<()>, input: Receiver<T>) -> impl Iterator<Item = T> {
    iter::from_fn(move || {
        select_biased! {
            recv(done) -> _ => None,
            recv(input) -> v => v.ok(),
        }
    })
}

/// The values of each stream of `streams` in turn, until `streams` or `done` is closed.
pub fn bridge<T>(done: Receiver<()>, streams: Receiver<Receiver<T>>) -> impl Iterator<Item = T> {
    or_done(done.clone(), streams).flat_map(move |stream| or_done(done.clone(), stream))
}

fn main() {
    let (close_done, done) = channel::bounded::<()>(0);
    let (stream_tx, streams) = channel::bounded(0);
    let (hanging, hung) = channel::bounded::<()>(0);

    thread::scope(|s| {
        // Three streams, one after another, each handed over before its values. The first
        // two are closed after their values; the third keeps its sender until `done`.
        let hang_until = done.clone();
        s.spawn(move || {
            let mut third = None;
            for (i, vals) in [vec![1, 2, 3], vec![4, 5, 6], vec![7, 8]]
                .into_iter()
                .enumerate()
            {
                let (tx, stream) = channel::bounded(0);
                if stream_tx.send(stream).is_err() {
                    return;
                }
                for v in vals {
                    if tx.send(v).is_err() {
                        return; // the reader has gone
                    }
                }
                if i == 2 {
                    third = Some(tx); // keep the third sender: that stream stays open
                } // the other senders are dropped here, closing their streams
            }
            drop(stream_tx); // no more streams
            drop(hanging); // for the demo: say that the third stream hangs now
            _ = hang_until.recv(); // hold the third stream open until `done`
            drop(third);
        });

        // Give up on the hung stream 50 ms after it hangs. (Its channel has no buffer, so by
        // then the reader has taken all eight values: none is waiting when `done` closes.)
        s.spawn(move || {
            _ = hung.recv();
            thread::sleep(Duration::from_millis(50));
            drop(close_done);
        });

        for v in bridge(done, streams) {
            println!("got {v}");
        }
        println!("the third stream hung; closing done ended the bridge");
    });
}
