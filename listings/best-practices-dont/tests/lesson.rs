//! Mistakes 1 and 2 at run time, tested on the listing's own functions: each fails with an
//! error that comes back, where Go panics or leaks a blocked goroutine. (Mistakes 3 and 4 are
//! compile errors: tests/compile_fail.rs.)

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use crossbeam::channel::bounded;

// The listing is one file, the one the book shows; its functions are `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::{leak, producer};

/// Runs `f` on another thread and gives its result, or fails the test after 10 s: a send
/// that blocks for ever must not hang the test (the stuck thread is left behind).
fn within_10_s<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || tx.send(f()).ok());
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!("{what} still waits after 10 s"),
        Err(RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    }
}

/// Mistake 1: the consumer drops its `Receiver` after the first value: the producer's next send
/// returns an error (with the value it could not send), and the producer returns it.
/// Breakage tried: the producer ignores a failed send (`tx.send(n).ok()`, then `Ok(())`)
/// -> fails; a producer that waits for a reader instead hangs, and fails after 10 s.
#[test]
fn a_dropped_receiver_makes_the_next_send_fail() {
    let (tx, rx) = bounded(0);
    let producing = thread::spawn(move || producer(tx));
    assert_eq!(rx.recv(), Ok(1));
    drop(rx);
    let sent = within_10_s("the producer", move || producing.join().unwrap());
    assert_eq!(sent.map_err(|e| e.into_inner()), Err(2));
}

/// Mistake 2: `leak` returns with a send nobody will receive: that send fails as soon as the
/// `Receiver` is gone, and its thread ends, instead of blocking for ever.
/// Breakage tried: `leak` keeps its `Receiver` alive (`std::mem::forget(rx)`) -> fails
/// ("the leaked send still waits after 10 s").
#[test]
fn an_unreceived_send_fails_instead_of_leaking() {
    let sender = leak();
    let sent = within_10_s("the leaked send", move || sender.join().unwrap());
    assert_eq!(sent.map_err(|e| e.into_inner()), Err(1));
}
