//! The lesson of `or`, tested on the listing's own function.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, RecvTimeoutError};

// The listing is one file, the one the book shows; its `or` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::or;

/// Runs `f` on a thread and waits for it at most 10 s.
fn within_10s(f: impl FnOnce() + Send + 'static) {
    let (done_tx, done) = channel::bounded(1);
    thread::spawn(move || {
        f();
        _ = done_tx.send(());
    });
    done.recv_timeout(Duration::from_secs(10))
        .expect("still running after 10 s");
}

/// Out stays open while no signal fires, and closes as soon as one does (a message or a
/// disconnect), while the others stay silent; its thread ends too (the scope joins it).
/// Breakage tried: `or` waits for every signal (a `recv` on each in turn) -> fails.
#[test]
fn the_first_signal_closes_out_and_the_others_do_not_matter() {
    for (which, by_message) in [(0, true), (4, false), (9, true)] {
        within_10s(move || {
            let (senders, signals): (Vec<_>, Vec<_>) =
                (0..10).map(|_| channel::bounded::<()>(1)).unzip();
            let mut senders: Vec<_> = senders.into_iter().map(Some).collect();
            thread::scope(|s| {
                let out = or(s, signals);
                assert_eq!(
                    out.recv_timeout(Duration::from_millis(50)),
                    Err(RecvTimeoutError::Timeout),
                    "out closed before any signal"
                );
                let fire = senders[which].take().unwrap();
                if by_message {
                    fire.send(()).unwrap();
                } else {
                    drop(fire);
                }
                assert_eq!(
                    out.recv_timeout(Duration::from_secs(10)),
                    Err(RecvTimeoutError::Disconnected)
                );
            }); // the other nine senders are still alive: the scope ends only if `or` has
            drop(senders);
        });
    }
}
