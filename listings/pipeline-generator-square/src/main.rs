//! A pipeline: a generator feeds a square stage, whose output feeds a second square stage.
//!
//! Notice: each stage is a thread that owns the `Sender` of its output. When the stage's
//! loop ends, that `Sender` is dropped and the next stage's `for` loop ends: Go's
//! `defer close(out)`, done by the compiler. The stages run in a `thread::scope`, which
//! joins every one of them before `main` goes on.

use std::thread::{self, Scope};

use crossbeam::channel::{self, Receiver};

/// The source: sends each number, then closes its output by dropping `tx`.
pub fn generator<'scope, I>(s: &'scope Scope<'scope, '_>, nums: I) -> Receiver<u64>
where
    I: IntoIterator<Item = u64, IntoIter: Send + 'scope>,
{
    let (tx, rx) = channel::bounded(0); // unbuffered, like make(chan int)
    let nums = nums.into_iter();
    s.spawn(move || {
        for n in nums {
            if tx.send(n).is_err() {
                break; // nobody reads any more
            }
        }
    });
    rx
}

/// A processing stage: squares every number it receives.
pub fn square<'scope>(s: &'scope Scope<'scope, '_>, input: Receiver<u64>) -> Receiver<u64> {
    let (tx, rx) = channel::bounded(0);
    s.spawn(move || {
        for n in input {
            if tx.send(n * n).is_err() {
                break;
            }
        }
    });
    rx
}

fn main() {
    thread::scope(|s| {
        // Build the pipeline: generator -> square -> square.
        let c = generator(s, [2, 3, 4]);
        let out = square(s, square(s, c));

        for n in out {
            println!("{n}"); // 16, 81, 256
        }
    });
}
