//! The fix's promise, under contention: however many requests race to create the same user,
//! `insert_if_absent` lets exactly one of them in. (The output shows two requests once; a
//! check-then-insert hidden inside `insert_if_absent` would print the same lines nearly always.)

use std::sync::Barrier;
use std::thread;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the demo's helpers are not used here
mod listing;

use listing::{Users, ali};

const REQUESTS: usize = 8;
const ROUNDS: usize = 1_000;

#[test]
fn one_step_insert_lets_exactly_one_request_in() {
    for round in 0..ROUNDS {
        let users = Users::default();
        let start = Barrier::new(REQUESTS);
        let inserted: usize = thread::scope(|s| {
            let requests: Vec<_> = (0..REQUESTS)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        usize::from(users.insert_if_absent(1, ali()))
                    })
                })
                .collect();
            requests
                .into_iter()
                .map(|r| r.join().expect("a request panicked"))
                .sum()
        });
        assert_eq!(
            inserted, 1,
            "round {round}: {inserted} requests inserted id 1"
        );
    }
}
