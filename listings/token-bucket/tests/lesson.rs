//! The bucket's invariant, on the listing's own `TokenBucket` (src/main.rs, included as a
//! module): never more than `burst + rate × time` tokens, exactly on schedule with tokio's
//! paused clock, and under concurrent use from real threads.

#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

use listing::TokenBucket;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

const MS: Duration = Duration::from_millis(1);

// Breakage tried: no `.min(self.burst)` in refill -> fails (an idle second fills 15).
#[tokio::test(start_paused = true)]
async fn a_burst_then_one_token_every_100ms_and_never_more_than_the_burst() {
    let bucket = TokenBucket::new(10.0, 5);
    assert_eq!((0..8).filter(|_| bucket.allow()).count(), 5);
    sleep(99 * MS).await;
    assert!(!bucket.allow(), "a token before 100 ms");
    sleep(MS).await;
    assert!(bucket.allow());
    sleep(Duration::from_secs(1)).await; // idle: the bucket fills up to 5, not 10
    assert_eq!((0..8).filter(|_| bucket.allow()).count(), 5);
}

/// Twenty callers wait at once: five go at once, then one every 100 ms, in order.
// Breakage tried: `reserve` does not go into debt (`available` kept >= 0) -> fails.
#[tokio::test(start_paused = true)]
async fn concurrent_waits_are_served_one_per_token() {
    let bucket = Arc::new(TokenBucket::new(10.0, 5));
    let start = Instant::now();
    let mut waiters = JoinSet::new();
    for _ in 0..20 {
        let bucket = bucket.clone();
        waiters.spawn(async move {
            bucket.wait().await.expect("burst >= 1");
            start.elapsed()
        });
    }
    let mut times = waiters.join_all().await;
    times.sort();
    for (i, t) in times.iter().enumerate() {
        let due = 100 * MS * (i.saturating_sub(4) as u32);
        // tokio's timer has a 1 ms resolution and rounds a deadline up.
        assert!(
            *t >= due && *t <= due + MS,
            "waiter {i} at {t:?}, due at {due:?}"
        );
    }
}

/// Eight threads take tokens as fast as they can for 200 ms: after every token taken, the
/// count so far is at most what the bucket can have earned, `burst + rate × elapsed` (the
/// clock starts before the bucket is made, so the bound errs towards the bucket).
// Breakage tried: `allow` reads the count under one lock and takes the token under another
// -> fails (two threads take the same token; in 6 runs of 10 with 3 rounds, so 5 rounds).
#[test]
fn allow_from_eight_threads_never_exceeds_burst_plus_rate_times_time() {
    const RATE: f64 = 1000.0;
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let bucket = TokenBucket::new(RATE, 5);
        let taken = AtomicUsize::new(0);
        let over = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    while !stop.load(SeqCst) {
                        if bucket.allow() {
                            let n = taken.fetch_add(1, SeqCst) + 1;
                            if n as f64 > 5.0 + RATE * start.elapsed().as_secs_f64() {
                                over.fetch_add(1, SeqCst);
                            }
                        }
                    }
                });
            }
            std::thread::sleep(Duration::from_millis(200));
            stop.store(true, SeqCst);
        });
        assert_eq!(over.load(SeqCst), 0, "more tokens taken than earned");
        assert!(taken.load(SeqCst) >= 5, "the burst was not there");
    }
}
