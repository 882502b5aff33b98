//! Fan-in: the values of three channels, merged into one channel that closes when all
//! three inputs have closed.
//!
//! Notice: Go needs a `WaitGroup` and one more goroutine to know when to close `out`.
//! Here every forwarding thread holds a clone of the `Sender`, and the channel closes
//! when the last clone is dropped, which is when the last thread ends. Nothing counts.
//! The three sources send at the same pace, so their values come interleaved.

use std::thread::{self, Scope};
use std::time::Duration;

use crossbeam::channel::{self, Receiver};

/// Forwards every value of every input to one output, in whatever order they come.
fn fan_in<'scope, T: Send + 'scope>(
    s: &'scope Scope<'scope, '_>,
    inputs: Vec<Receiver<T>>,
) -> Receiver<T> {
    let (out, merged) = channel::bounded(0);
    for input in inputs {
        let out = out.clone();
        s.spawn(move || {
            for v in input {
                if out.send(v).is_err() {
                    return; // the reader has gone
                }
            }
        });
    }
    merged // `out` is dropped here; only the threads' clones keep the channel open
}

/// A source that sends a value every 50 ms, then closes.
fn source<'scope>(
    s: &'scope Scope<'scope, '_>,
    name: &'static str,
    values: [u64; 3],
) -> Receiver<(&'static str, u64)> {
    let (tx, rx) = channel::bounded(0);
    s.spawn(move || {
        for v in values {
            thread::sleep(Duration::from_millis(50));
            if tx.send((name, v)).is_err() {
                return;
            }
        }
    });
    rx
}

fn main() {
    thread::scope(|s| {
        let a = source(s, "a", [1, 2, 3]);
        let b = source(s, "b", [10, 20, 30]);
        let c = source(s, "c", [100, 200, 300]);

        let (mut count, mut sum) = (0, 0);
        for (name, v) in fan_in(s, vec![a, b, c]) {
            println!("from {name}: {v}");
            count += 1;
            sum += v;
        }
        println!("merged {count} values, sum {sum}; the output closed after all 3 inputs did");
    });
}
