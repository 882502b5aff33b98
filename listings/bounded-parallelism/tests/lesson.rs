//! The bound, on the listing's own `process_items` (src/main.rs, included as a module), for
//! every bound from 1 to 6 on tokio's paused clock: the peak is exactly the bound (never more,
//! and reached), the batch takes as many rounds as the bound implies, and after an error or a
//! deadline nothing is left in flight.

#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use std::sync::Arc;
use std::sync::atomic::Ordering::SeqCst;
use std::time::Duration;

use listing::{Item, Meter, process_items};
use tokio::time::{Instant, timeout};

/// Twelve good items (item 7 is the one that fails).
fn good() -> Vec<Item> {
    (8..20).collect()
}

// Breakage tried: `running.len() > max_parallel` (one too many) -> fails.
#[tokio::test(start_paused = true)]
async fn the_peak_is_exactly_the_bound() {
    for bound in 1..=6 {
        let meter = Arc::new(Meter::default());
        let start = Instant::now();
        process_items(good(), bound, meter.clone()).await.unwrap();
        assert_eq!(meter.peak.load(SeqCst), bound, "bound {bound}");
        // 12 items of 50 ms, `bound` at a time: ceil(12 / bound) rounds.
        let rounds = 12_u32.div_ceil(bound as u32);
        let took = start.elapsed();
        let expected = Duration::from_millis(50) * rounds;
        assert!(
            took >= expected && took < expected + Duration::from_millis(10),
            "{took:?}"
        );
    }
}

// Breakage tried: no `running.shutdown().await` (the JoinSet is dropped, which aborts its
// tasks but does not wait for them) -> fails (items still in flight after the return).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_left_in_flight_after_an_error_or_a_deadline() {
    for _ in 0..5 {
        let meter = Arc::new(Meter::default());
        let err = process_items((1..=10).collect(), 3, meter.clone()).await;
        assert!(err.is_err());
        assert_eq!(meter.in_flight.load(SeqCst), 0, "in flight after the error");

        let meter = Arc::new(Meter::default());
        let batch = process_items(good(), 3, meter.clone());
        assert!(timeout(Duration::from_millis(75), batch).await.is_err());
        // Dropping the batch dropped its JoinSet, which aborts the tasks; an abort is done
        // once the task is next scheduled, so wait for the count, with a generous limit.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while meter.in_flight.load(SeqCst) != 0 && std::time::Instant::now() < deadline {
            tokio::task::yield_now().await;
        }
        assert_eq!(
            meter.in_flight.load(SeqCst),
            0,
            "in flight after the deadline"
        );
    }
}
