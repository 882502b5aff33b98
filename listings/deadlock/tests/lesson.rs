//! The deadlock is real: with each worker holding its first lock, neither gets its second one
//! during the whole of its patience, and both give up. (The printed "waited 50ms" is a constant;
//! a worker that gave up at once would print the same line.) Timed here, in the process, where
//! no pipe or scheduler between the program and the test can shorten what is measured.

use std::sync::Barrier;
use std::time::Instant;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the fixed-order worker are not used here
mod listing;

use listing::{Lock, PATIENCE, opposite_orders, two_workers};

#[test]
fn each_worker_waits_out_its_patience_then_gives_up() -> anyhow::Result<()> {
    for _ in 0..3 {
        let (a, b) = (Lock::new("A"), Lock::new("B"));
        let (both_hold, both_tried) = (Barrier::new(2), Barrier::new(2));
        let start = Instant::now();
        let said = two_workers(
            || opposite_orders(&a, &b, &both_hold, &both_tried),
            || opposite_orders(&b, &a, &both_hold, &both_tried),
        )?;
        let took = start.elapsed();
        assert!(said.iter().all(|r| r.gave_up), "a worker got both locks");
        assert!(
            took >= PATIENCE,
            "both gave up after {took:?}, before {PATIENCE:?}"
        );
    }
    Ok(())
}
