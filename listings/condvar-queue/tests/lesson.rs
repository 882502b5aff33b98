//! The lesson, under load: the listing's own `Queue` (src/main.rs, included as a module) with
//! more producers and consumers than the program has, and a smaller capacity, many times over.
//! Every item must come out exactly once, each producer's items in the order it pushed them,
//! the queue must never hold more than its capacity, and `close` must end every consumer.

use std::collections::HashMap;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` is the program's; the tests use the queue
mod listing;

use listing::Queue;

const ROUNDS: u32 = 300;
const PRODUCERS: u32 = 3;
const CONSUMERS: usize = 3;
const PER_PRODUCER: u32 = 50;
const CAPACITY: usize = 2;

/// One round: returns what each consumer took, in order, and the longest the queue was.
fn round() -> (Vec<Vec<u32>>, usize) {
    let queue = Queue::new(CAPACITY);
    let got = thread::scope(|s| {
        let consumers: Vec<_> = (0..CONSUMERS)
            .map(|_| s.spawn(|| std::iter::from_fn(|| queue.pop()).collect::<Vec<_>>()))
            .collect();
        thread::scope(|p| {
            for producer in 0..PRODUCERS {
                let queue = &queue;
                // Item `producer * 1000 + i`: which producer, and where in its order.
                p.spawn(move || (0..PER_PRODUCER).for_each(|i| queue.push(producer * 1000 + i)));
            }
        }); // every producer has pushed everything
        queue.close();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer panicked"))
            .collect()
    });
    let max_len = queue.lock().max_len;
    (got, max_len)
}

// Breakage tried: `close` wakes one consumer (`notify_one`) -> fails (a consumer sleeps on
// after the close: the rounds time out); `pop` no longer wakes a producer (`notify_one` on
// `not_full` removed) -> fails (time-out); `push` waits only while `len() > capacity` -> fails
// (the queue held 3 items, and the program prints `false`).
#[test]
fn every_item_once_in_order_within_capacity_and_close_ends_everyone() {
    // A broken queue hangs rather than fails: run the rounds on a thread, and give up on it
    // after 20 s, which a working queue never nears (300 rounds take about 0.3 s).
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        for _ in 0..ROUNDS {
            let (got, max_len) = round();
            assert!(max_len <= CAPACITY, "the queue held {max_len} items");
            let mut all: Vec<u32> = got.concat();
            all.sort_unstable();
            let expected: Vec<u32> = (0..PRODUCERS)
                .flat_map(|p| (0..PER_PRODUCER).map(move |i| p * 1000 + i))
                .collect();
            assert_eq!(all, expected, "not every item came out exactly once");
            for items in &got {
                // Per producer, a consumer's items must be in the order they were pushed.
                let mut last: HashMap<u32, u32> = HashMap::new();
                for &item in items {
                    let previous = last.insert(item / 1000, item % 1000);
                    assert!(
                        previous.is_none_or(|p| p < item % 1000),
                        "out of order: {items:?}"
                    );
                }
            }
        }
        done_tx.send(()).expect("the test waits for the rounds");
    });
    match done_rx.recv_timeout(Duration::from_secs(20)) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("a round hung: a thread was never woken"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("a round failed (see above)"),
    }
}
