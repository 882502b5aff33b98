//! The lesson, model-checked: `loom` runs the listing's own `send` and `receive` under every
//! interleaving of the two threads, and lets a load return an older store where the memory
//! model allows it. loom models a subset of C11 (it treats `SeqCst` accesses as `AcqRel` and
//! leaves out load buffering; see its README). Neither gap matters here: the listing uses no
//! `SeqCst`, and the bad run to find is a load that returns the older store of `data`.

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` is the program's; the tests use the mailbox only
mod listing;

use listing::Mailbox;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use loom::thread;

/// With `Release` on the flag's store and `Acquire` on its load, the reader that sees the flag
/// sees the data, in every execution loom explores.
// Breakage tried: `Release` -> `Relaxed` in `send` -> fails ("the reader saw the flag but
// data 0"); `Acquire` -> `Relaxed` in `receive` -> fails the same way.
#[test]
fn the_reader_that_sees_the_flag_sees_the_data() {
    loom::model(|| {
        let mailbox = Arc::new(Mailbox::default());
        let writer = thread::spawn({
            let mailbox = Arc::clone(&mailbox);
            move || mailbox.send(42)
        });
        let got = mailbox.receive();
        assert_eq!(got, 42, "the reader saw the flag but data {got}");
        writer.join().expect("the writer panicked");
    });
}

/// The control: the same two threads with every ordering `Relaxed`. loom must find the
/// execution in which the reader sees the flag set and the data still 0; if it did not, the
/// test above would prove nothing.
#[test]
#[should_panic(expected = "the reader saw the flag but data 0")]
fn with_relaxed_loom_finds_the_stale_read() {
    loom::model(|| {
        let data = Arc::new(AtomicU64::new(0));
        let ready = Arc::new(AtomicBool::new(false));
        let writer = thread::spawn({
            let (data, ready) = (Arc::clone(&data), Arc::clone(&ready));
            move || {
                data.store(42, Ordering::Relaxed);
                ready.store(true, Ordering::Relaxed);
            }
        });
        while !ready.load(Ordering::Relaxed) {
            thread::yield_now();
        }
        let got = data.load(Ordering::Relaxed);
        assert_eq!(got, 42, "the reader saw the flag but data {got}");
        writer.join().expect("the writer panicked");
    });
}
