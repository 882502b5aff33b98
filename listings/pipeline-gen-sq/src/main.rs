//! The original's pipeline, gen -> sq -> sq, collected into a `Vec`; then the same pipeline
//! read for its first value only.
//!
//! Notice: there is no `ctx` parameter. A stage learns that the stage after it has gone
//! when its `send` fails (the receiver was dropped), and returns; its own receiver is
//! dropped with it, so the failure climbs the pipeline stage by stage. The scope in
//! `first` returns only when every stage has ended.

use std::thread::{self, Scope};

use crossbeam::channel::{self, Receiver};

pub fn generate<'scope, I>(s: &'scope Scope<'scope, '_>, ns: I) -> Receiver<u64>
where
    I: IntoIterator<Item = u64, IntoIter: Send + 'scope>,
{
    let (out, rx) = channel::bounded(0);
    let ns = ns.into_iter();
    s.spawn(move || {
        for n in ns {
            if out.send(n).is_err() {
                return; // downstream has gone: Go's `case <-ctx.Done(): return`
            }
        }
    }); // `out` is dropped when the thread ends: Go's `defer close(out)`
    rx
}

pub fn sq<'scope>(s: &'scope Scope<'scope, '_>, input: Receiver<u64>) -> Receiver<u64> {
    let (out, rx) = channel::bounded(0);
    s.spawn(move || {
        for n in input {
            if out.send(n * n).is_err() {
                return;
            }
        }
    });
    rx
}

/// Runs the whole pipeline and collects what comes out.
fn pipeline() -> Vec<u64> {
    thread::scope(|s| sq(s, sq(s, generate(s, [1, 2, 3, 4]))).iter().collect())
}

/// Takes the first value and drops the pipeline's output: every stage stops.
fn first() -> Option<u64> {
    thread::scope(|s| sq(s, sq(s, generate(s, [1, 2, 3, 4]))).recv().ok())
}

fn main() {
    for v in pipeline() {
        println!("{v}");
    }
    match first() {
        Some(v) => println!("first value only: {v}"),
        None => println!("the pipeline was empty"),
    }
}
