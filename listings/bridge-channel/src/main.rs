//! `bridge` reads a channel of channels as one stream: all the values of the first
//! channel, then all of the second, and so on.
//!
//! Notice: with `or_done` as an iterator, a bridge is `flat_map`, the standard way to
//! flatten nested sequences; no goroutine and no extra channel. The third stream here
//! sends its values and hangs without being closed; closing `done` still ends the loop.

use std::iter;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver};
use crossbeam::select;

fn or_done<T>(done: Receiver<()>, input: Receiver<T>) -> impl Iterator<Item = T> {
    iter::from_fn(move || {
        select! {
            recv(done) -> _ => None,
            recv(input) -> v => v.ok(),
        }
    })
}

fn bridge<T>(done: Receiver<()>, streams: Receiver<Receiver<T>>) -> impl Iterator<Item = T> {
    or_done(done.clone(), streams).flat_map(move |stream| or_done(done.clone(), stream))
}

fn main() {
    let (close_done, done) = channel::bounded::<()>(0);
    let (stream_tx, streams) = channel::bounded(0);

    thread::scope(|s| {
        // Three streams, one after another. The first two are closed after their
        // values; the third keeps its sender until `done`, so it is never closed.
        let hang_until = done.clone();
        s.spawn(move || {
            let mut hung = None;
            for (i, vals) in [vec![1, 2, 3], vec![4, 5, 6], vec![7, 8]]
                .into_iter()
                .enumerate()
            {
                let (tx, stream) = channel::unbounded();
                for v in vals {
                    _ = tx.send(v);
                }
                if i == 2 {
                    hung = Some(tx); // keep the third sender: that stream stays open
                } // the other senders are dropped here, closing their streams
                if stream_tx.send(stream).is_err() {
                    return;
                }
            }
            drop(stream_tx); // no more streams
            _ = hang_until.recv(); // hold the third stream open until `done`
            drop(hung);
        });

        s.spawn(move || {
            thread::sleep(Duration::from_millis(50)); // give up on the hung stream
            drop(close_done);
        });

        for v in bridge(done, streams) {
            println!("got {v}");
        }
        println!("the third stream hung; closing done ended the bridge");
    });
}
