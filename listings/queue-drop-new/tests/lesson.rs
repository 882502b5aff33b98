//! The lesson of the drop-new queue, tested on the listing's own `Queue` under concurrent use.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

// The listing is one file, the one the book shows; its `Queue` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::{Queue, Task};

/// Eight producers offer at once to a queue of 3 that nobody reads: exactly 3 tasks are
/// accepted, and they are the ones in the queue.
/// Breakage tried: an unbounded channel in `Queue::new` -> fails.
#[test]
fn a_full_queue_takes_exactly_its_capacity() {
    let q = Queue::new(3);
    let accepted = Mutex::new(Vec::new());
    thread::scope(|s| {
        for p in 0..8u32 {
            let (q, accepted) = (&q, &accepted);
            s.spawn(move || {
                for i in 0..1_250 {
                    let id = p * 10_000 + i;
                    if q.enqueue_non_blocking(Task { id }) {
                        accepted.lock().unwrap().push(id);
                    }
                }
            });
        }
    });
    let mut accepted = accepted.into_inner().unwrap();
    assert_eq!(accepted.len(), 3, "accepted: {accepted:?}");
    let mut queued = Vec::new();
    while let Some(t) = q.dequeue(Instant::now()) {
        queued.push(t.id);
    }
    queued.sort();
    accepted.sort();
    assert_eq!(
        queued, accepted,
        "the queue holds exactly the accepted tasks"
    );
}

/// Refusing does not wait: one producer is refused 10,000 times in well under 5 s (a queue
/// that waited even 1 ms before giving up would need 10 s: a sleep never ends early).
/// Breakage tried: `send_timeout(t, 1 ms)` in `enqueue_non_blocking` -> fails.
#[test]
fn a_full_queue_refuses_at_once() {
    let q = Queue::new(3);
    for id in 0..3 {
        assert!(q.enqueue_non_blocking(Task { id }));
    }
    let started = Instant::now();
    for id in 3..10_003 {
        assert!(!q.enqueue_non_blocking(Task { id }));
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the producer waited"
    );
}

/// Producers and a worker at the same time: every accepted task is handled exactly once, and
/// no refused task is.
#[test]
fn every_accepted_task_is_handled_once_and_no_refused_one() {
    let q = Queue::new(3);
    let accepted = Mutex::new(Vec::new());
    let producers_done = AtomicBool::new(false);
    let handled = thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut handled = Vec::new();
            loop {
                match q.dequeue(Instant::now() + Duration::from_millis(10)) {
                    Some(t) => handled.push(t.id),
                    // The producers are done: take what is left, then stop.
                    None if producers_done.load(Ordering::Acquire) => {
                        while let Some(t) = q.dequeue(Instant::now()) {
                            handled.push(t.id);
                        }
                        return handled;
                    }
                    None => {}
                }
            }
        });
        thread::scope(|p| {
            for n in 0..4u32 {
                let (q, accepted) = (&q, &accepted);
                p.spawn(move || {
                    for i in 0..5_000 {
                        let id = n * 10_000 + i;
                        if q.enqueue_non_blocking(Task { id }) {
                            accepted.lock().unwrap().push(id);
                        }
                    }
                });
            }
        });
        producers_done.store(true, Ordering::Release);
        worker.join().unwrap()
    });
    let mut accepted = accepted.into_inner().unwrap();
    let mut handled = handled;
    accepted.sort();
    handled.sort();
    assert!(accepted.len() >= 3);
    assert_eq!(handled, accepted);
}
