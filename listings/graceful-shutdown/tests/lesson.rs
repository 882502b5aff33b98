//! Cancellation ends everything: after `run` returns, on the normal path and on the forced
//! one, no task is left in the runtime (tokio's runtime metrics), and the forced path returns
//! at its limits, not when the stuck request and workers would have finished.
//!
//! `run` (src/main.rs, included as a module) sends SIGTERM to this test process; it listens
//! for it first, so the signal cannot kill the process. Both runs are in one test, one after
//! the other, so that one run's signal is not taken by the other.

#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use std::time::{Duration, Instant};

use listing::{NORMAL, STUCK, Timing, run};

fn alive_tasks() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

// Breakage tried: phase 2 as before (`timeout(limit, server)`, which drops the JoinHandle on a
// timeout, and no cut-off) -> fails (no answer for the client within the limit; with
// `client.await` unbounded as before, it waits the 10 s).
// Breakage tried: no abort on the forced path of phase 3 -> fails (3 workers still alive).
#[tokio::test]
async fn nothing_is_left_running_on_either_path() {
    run(NORMAL).await.expect("the normal run");
    assert_eq!(alive_tasks(), 0, "tasks left after the normal run");

    // Stuck for 10 s: both limits run out, and everything still ends.
    let short = Timing {
        drain_limit: Duration::from_millis(100),
        worker_limit: Duration::from_millis(50),
        ..STUCK
    };
    let start = Instant::now();
    run(short).await.expect("the forced run");
    assert_eq!(alive_tasks(), 0, "tasks left after the forced run");
    // Lower bound: both limits were really waited. Upper bound: far from the 10 s of the
    // stuck request and workers (nothing waited for them).
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(150), "took {took:?}");
    assert!(
        took < Duration::from_secs(5),
        "took {took:?}: the forced path waited for the work"
    );
}
