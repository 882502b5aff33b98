//! The backoff's lesson, on the listing's own `retry` and `Backoff` (src/main.rs, included as a
//! module), with tokio's paused clock: no test depends on how fast the machine is.

#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use std::cell::Cell;
use std::time::Duration;

use listing::{Backoff, RetryError, retry};
use tokio::time::{Instant, timeout};
use tokio_util::sync::CancellationToken;

const MS: Duration = Duration::from_millis(1);

fn exact() -> Backoff {
    Backoff {
        base: 10 * MS,
        cap: 50 * MS,
        jitter: false,
    }
}

async fn always_fails() -> anyhow::Result<()> {
    anyhow::bail!("connection refused")
}

#[test]
fn waits_double_and_stop_at_the_cap() {
    let b = exact();
    let delays: Vec<_> = (0..8).map(|a| b.delay(a)).collect();
    assert_eq!(delays, [10, 20, 40, 50, 50, 50, 50, 50].map(|n| n * MS));
    assert_eq!(b.delay(u32::MAX), 50 * MS, "many doublings give the cap");
}

#[test]
fn jittered_waits_spread_over_zero_to_the_exponential_value() {
    let b = Backoff {
        jitter: true,
        ..exact()
    };
    for attempt in 0..6 {
        let exp = exact().delay(attempt);
        let samples: Vec<_> = (0..2000).map(|_| b.delay(attempt)).collect();
        assert!(samples.iter().all(|d| *d <= exp), "a wait above {exp:?}");
        // Uniform on [0, exp]: the mean is exp/2 (the bounds are > 20 standard errors away).
        let mean = samples.iter().sum::<Duration>() / 2000;
        assert!(
            mean > exp * 4 / 10 && mean < exp * 6 / 10,
            "mean {mean:?} for {exp:?}"
        );
        assert!(
            samples.iter().any(|d| *d < exp / 10),
            "no short wait for {exp:?}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn the_waits_are_really_waited() {
    let ctx = CancellationToken::new();
    let start = Instant::now();
    let r: Result<(), _> = retry(&ctx, 5, &exact(), always_fails).await;
    assert!(matches!(r, Err(RetryError::Exhausted { attempts: 5, .. })));
    let waited = start.elapsed();
    // 10 + 20 + 40 + 50; no wait after the last attempt (tokio's timer may round up 1 ms each).
    assert!(
        waited >= 120 * MS && waited <= 124 * MS,
        "waited {waited:?}"
    );
}

// Breakage tried: `attempt == max_attempts` (the old test) -> fails (retries for an hour).
#[tokio::test(start_paused = true)]
async fn zero_attempts_still_ends() {
    let ctx = CancellationToken::new();
    let calls = Cell::new(0);
    let r: Result<(), _> = timeout(
        Duration::from_secs(3600),
        retry(&ctx, 0, &exact(), || {
            calls.set(calls.get() + 1);
            always_fails()
        }),
    )
    .await
    .expect("retry(max_attempts = 0) retried for an hour");
    assert!(matches!(r, Err(RetryError::Exhausted { attempts: 1, .. })));
    assert_eq!(calls.get(), 1);
}

#[tokio::test(start_paused = true)]
async fn cancellation_ends_the_wait_at_once() {
    let ctx = CancellationToken::new();
    let calls = Cell::new(0);
    let start = Instant::now();
    let r: Result<(), _> = retry(&ctx, 5, &exact(), || {
        calls.set(calls.get() + 1);
        if calls.get() == 2 {
            ctx.cancel();
        }
        always_fails()
    })
    .await;
    assert!(matches!(r, Err(RetryError::Cancelled)));
    assert_eq!(calls.get(), 2);
    // Only the first wait (10 ms) was sat out, not the 20 ms one announced after call 2.
    assert!(start.elapsed() < 20 * MS, "waited {:?}", start.elapsed());
}

// Breakage tried: no `biased;` in retry's select -> fails.
#[tokio::test(start_paused = true)]
async fn cancellation_wins_over_a_finished_wait() {
    // With no wait at all, the timer and the token are both ready: `biased;` picks the token.
    let zero = Backoff {
        base: Duration::ZERO,
        cap: Duration::ZERO,
        jitter: false,
    };
    for _ in 0..200 {
        let ctx = CancellationToken::new();
        let r: Result<(), _> = retry(&ctx, 5, &zero, || {
            ctx.cancel();
            always_fails()
        })
        .await;
        assert!(matches!(r, Err(RetryError::Cancelled)));
    }
}
