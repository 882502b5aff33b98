//! The lesson of the actor, tested on the listing's own `Counter` under concurrent use.

use std::thread;
use std::time::Duration;

use crossbeam::channel;

// The listing is one file, the one the book shows; its `Counter` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::Counter;

/// Eight threads add at once while another reads: every add counts, and the reader sees the
/// value only grow. Then the last handle goes, and the owner ends by itself.
/// Breakage tried: `add` with `try_send` (it gives up when the mailbox is full) -> fails.
#[test]
fn every_add_counts_and_the_owner_ends_with_the_last_handle() {
    let (counter, owner) = Counter::spawn(4);
    thread::scope(|s| {
        for _ in 0..8 {
            let counter = counter.clone();
            s.spawn(move || (0..2_000).for_each(|_| counter.add(1).unwrap()));
        }
        let reader = counter.clone();
        s.spawn(move || {
            let mut last = 0;
            for _ in 0..500 {
                let v = reader.get().expect("the actor stopped early");
                assert!((last..=16_000).contains(&v), "read {v} after {last}");
                last = v;
            }
        });
    });
    assert_eq!(counter.get(), Some(16_000));

    drop(counter);
    let (ended_tx, ended) = channel::bounded(1);
    thread::spawn(move || _ = ended_tx.send(owner.join()));
    let joined = ended
        .recv_timeout(Duration::from_secs(10))
        .expect("the owner still runs after the last handle was dropped");
    assert!(joined.is_ok(), "the owner panicked");
}
