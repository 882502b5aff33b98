//! The breaker's invariants, on the listing's own `CircuitBreaker` (src/main.rs, included as a
//! module): one trial at a time when half-open, under real concurrency; late outcomes of calls
//! that started while closed change nothing; a cancelled trial does not leave it half-open.

#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use std::future::pending;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

use listing::{CallError, CircuitBreaker};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

const MS: Duration = Duration::from_millis(1);

async fn fails() -> anyhow::Result<()> {
    anyhow::bail!("503")
}

async fn succeeds() -> anyhow::Result<()> {
    Ok(())
}

/// Sixteen callers arrive at once after the cooldown, on four worker threads: one request is
/// sent (the trial), the fifteen others are rejected. The trial's request does not finish until
/// the others have returned, so the breaker is half-open the whole time, however the threads
/// are scheduled. Run 100 times.
// Breakage tried: the old `call` (half-open lets every caller through) -> fails (16 sent).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_trial_at_a_time_when_half_open() {
    const CALLERS: usize = 16;
    for _ in 0..100 {
        let breaker = Arc::new(CircuitBreaker::new(1, MS));
        assert!(matches!(
            breaker.call(fails()).await,
            Err(CallError::Failed(_))
        ));
        sleep(2 * MS).await; // the cooldown is over

        let sent = Arc::new(AtomicUsize::new(0));
        let returned = Arc::new(AtomicUsize::new(0));
        let start = Arc::new(tokio::sync::Barrier::new(CALLERS));
        let mut callers = JoinSet::new();
        for _ in 0..CALLERS {
            let (breaker, sent, returned, start) = (
                breaker.clone(),
                sent.clone(),
                returned.clone(),
                start.clone(),
            );
            callers.spawn(async move {
                start.wait().await;
                let request = async {
                    sent.fetch_add(1, SeqCst);
                    // Wait (up to 10 s) until every other caller has returned.
                    let deadline = Instant::now() + Duration::from_secs(10);
                    while returned.load(SeqCst) < CALLERS - 1 && Instant::now() < deadline {
                        sleep(MS).await;
                    }
                    Ok(())
                };
                let outcome = breaker.call(request).await;
                returned.fetch_add(1, SeqCst);
                outcome.is_ok()
            });
        }
        let oks = callers
            .join_all()
            .await
            .into_iter()
            .filter(|ok| *ok)
            .count();
        assert_eq!(sent.load(SeqCst), 1, "requests sent while half-open");
        assert_eq!(oks, 1);
        // The trial succeeded: closed, calls go through.
        assert!(breaker.call(succeeds()).await.is_ok());
    }
}

/// The breaker rejects calls for the whole cooldown, and not a moment longer.
// Breakage tried: `until: Instant::now() + self.cooldown / 2` -> fails.
#[tokio::test(start_paused = true)]
async fn open_for_exactly_the_cooldown() {
    let breaker = CircuitBreaker::new(1, 100 * MS);
    let _ = breaker.call(fails()).await;
    sleep(99 * MS).await;
    assert!(matches!(
        breaker.call(succeeds()).await,
        Err(CallError::Open)
    ));
    sleep(MS).await;
    assert!(
        breaker.call(succeeds()).await.is_ok(),
        "no trial after the cooldown"
    );
}

/// A call that started while closed fails after the breaker has opened: the cooldown still
/// ends when it would have, 100 ms after the breaker opened.
// Breakage tried: the old `call` (any failure while open sets a new `until`) -> fails.
#[tokio::test(start_paused = true)]
async fn a_late_failure_does_not_restart_the_cooldown() {
    let breaker = CircuitBreaker::new(3, 100 * MS);
    let slow = breaker.call(async {
        sleep(50 * MS).await;
        fails().await
    });
    let rest = async {
        for _ in 0..3 {
            let _ = breaker.call(fails()).await; // opens at t = 0
        }
        sleep(100 * MS).await; // t = 100: the slow call failed at t = 50
        breaker.call(succeeds()).await
    };
    let (_, trial) = tokio::join!(slow, rest);
    assert!(
        trial.is_ok(),
        "the trial at the end of the cooldown was rejected"
    );
}

/// A call that started while closed succeeds after the breaker has opened: it stays open.
// Breakage tried: the old `call` (any success closes) -> fails.
#[tokio::test(start_paused = true)]
async fn a_late_success_does_not_close_it() {
    let breaker = CircuitBreaker::new(3, 100 * MS);
    let slow = breaker.call(async {
        sleep(50 * MS).await;
        succeeds().await
    });
    let rest = async {
        for _ in 0..3 {
            let _ = breaker.call(fails()).await; // opens at t = 0
        }
        sleep(60 * MS).await; // t = 60: the slow call succeeded at t = 50
        breaker.call(succeeds()).await
    };
    let (_, late) = tokio::join!(slow, rest);
    assert!(matches!(late, Err(CallError::Open)));
}

/// The trial is cancelled (its future dropped): the breaker opens again, and after another
/// cooldown a new trial goes through, instead of rejecting every call for ever.
// Breakage tried: no `TrialGuard` -> fails (stuck half-open).
#[tokio::test(start_paused = true)]
async fn a_cancelled_trial_opens_it_again() {
    let breaker = CircuitBreaker::new(1, 100 * MS);
    let _ = breaker.call(fails()).await;
    sleep(100 * MS).await;
    let hung = breaker.call(pending::<anyhow::Result<()>>());
    assert!(timeout(10 * MS, hung).await.is_err());
    assert!(matches!(
        breaker.call(succeeds()).await,
        Err(CallError::Open)
    ));
    sleep(100 * MS).await;
    assert!(breaker.call(succeeds()).await.is_ok());
}
