//! Rule 1 prevents the deadlock even when the two transfers really run at the same moment, and
//! rule 4 bounds a wait: the timeout waits its whole patience before it gives up (timed here in
//! the process, where no pipe or scheduler can shorten what is measured).

use std::sync::Barrier;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the other rules are not used here
mod listing;

use listing::{Account, timeout, transfer};

#[test]
fn the_timeout_waits_its_patience_then_gives_up() {
    let start = Instant::now();
    let said = timeout();
    let took = start.elapsed();
    assert!(said.starts_with("no reply within 100ms"), "{said}");
    assert!(took >= Duration::from_millis(100), "gave up after {took:?}");
}

/// Transfers both ways, `ROUNDS` times, with a barrier before each pair so that the two threads
/// take their locks at the same moment every round (in the program, one thread can finish its
/// 1000 transfers before the other starts). With a consistent order the rounds all end and the
/// balances are right; with opposite orders, one round soon has each thread holding one lock
/// and waiting for the other, and the test fails after 20 s instead of hanging.
/// Breakage tried: `transfer` locks `from` first whichever way the money goes (the order
/// reversed in one direction) -> fails, every run tried.
#[test]
fn lock_ordering_survives_transfers_at_the_same_moment() {
    const ROUNDS: usize = 2000;
    let (done_tx, done) = mpsc::channel();
    // Left behind, deadlocked, if the order is wrong: the test process ends without it.
    thread::spawn(move || {
        let (a, b) = (Account::new(1, 100), Account::new(2, 100));
        let barrier = Barrier::new(2);
        thread::scope(|s| {
            s.spawn(|| {
                for _ in 0..ROUNDS {
                    barrier.wait();
                    transfer(&a, &b, 1);
                }
            });
            s.spawn(|| {
                for _ in 0..ROUNDS {
                    barrier.wait();
                    transfer(&b, &a, 2);
                }
            });
        });
        let balances = (*a.lock(), *b.lock());
        done_tx.send(balances).ok();
    });
    let balances = match done.recv_timeout(Duration::from_secs(20)) {
        Ok(balances) => balances,
        Err(RecvTimeoutError::Timeout) => panic!("the transfers deadlocked (20 s)"),
        Err(RecvTimeoutError::Disconnected) => panic!("a transfer panicked"),
    };
    // Each round moves 1 from A to B and 2 back.
    let rounds = ROUNDS as i64;
    assert_eq!(balances, (100 + rounds, 100 - rounds));
}
