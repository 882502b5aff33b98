//! `tee` copies every value of one channel to two channels, for two independent readers.
//!
//! Notice: the values must be `Clone` (each reader gets its own) and `Send` (they cross
//! threads), so a tee cannot hand two threads the same unlocked, mutable value. Like
//! Go's, this tee does not take the next value until both readers have this one; a
//! `Select` built afresh for each value offers it to whichever reader is ready first,
//! where Go sets the served channel to nil. Both selects try `done` first.

use std::iter;
use std::thread::{self, Scope};

use crossbeam::channel::{self, Receiver, Select, select_biased};

/// As in or-done: the values of `input` until it or `done` is closed; `done` wins.
fn or_done<T>(done: Receiver<()>, input: Receiver<T>) -> impl Iterator<Item = T> {
    iter::from_fn(move || {
        select_biased! {
            recv(done) -> _ => None,
            recv(input) -> v => v.ok(),
        }
    })
}

/// Two receivers that each get every value of `input`, in order, until it or `done` closes.
pub fn tee<'scope, T: Clone + Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    done: Receiver<()>,
    input: Receiver<T>,
) -> (Receiver<T>, Receiver<T>) {
    let (tx1, out1) = channel::bounded(0);
    let (tx2, out2) = channel::bounded(0);

    scope.spawn(move || {
        for v in or_done(done.clone(), input) {
            let mut waiting = vec![&tx1, &tx2];
            while !waiting.is_empty() {
                // `done` first: once it is closed, it wins over a reader that is ready.
                let mut select = Select::new_biased();
                select.recv(&done);
                for tx in &waiting {
                    select.send(tx);
                }
                let ready = select.select();
                let i = match ready.index() {
                    0 => {
                        _ = ready.recv(&done);
                        return;
                    }
                    i => i - 1, // the position of that reader's sender in `waiting`
                };
                if ready.send(waiting[i], v.clone()).is_err() {
                    return; // that reader has gone away
                }
                waiting.swap_remove(i); // this one has its copy
            }
        }
    }); // `tx1` and `tx2` are dropped when the thread ends: both outputs close

    (out1, out2)
}

fn main() {
    let (close_done, done) = channel::bounded::<()>(0);

    thread::scope(|s| {
        let (tx, input) = channel::bounded(0);
        s.spawn(move || {
            for word in ["one", "two", "three", "four", "five"] {
                if tx.send(word).is_err() {
                    return;
                }
            }
        }); // `tx` is dropped here: the input closes

        let (out1, out2) = tee(s, done, input);
        let reader1 = s.spawn(move || out1.iter().collect::<Vec<_>>());
        let reader2 = s.spawn(move || out2.iter().collect::<Vec<_>>());
        let got1 = reader1.join().expect("reader 1 panicked");
        let got2 = reader2.join().expect("reader 2 panicked");

        println!("out1 got: {}", got1.join(" "));
        println!("out2 got: {}", got2.join(" "));
    });

    drop(close_done); // Go's `defer close(done)`
}
