//! Retry with exponential backoff: wait 10 ms after the first failure, then twice as long
//! after each one, never more than 50 ms; optionally spread each wait with full jitter.
//! The wait gives way at once when the token is cancelled.
//!
//! Notice: the error says *why* `retry` gave up, as a type the caller can match on. The
//! note waits 100 ms doubling up to 10 s; the waits here are scaled down, and the cap is
//! low enough to be reached. In production, use `backon` (`ExponentialBuilder` with
//! `with_jitter()`) or `tokio-retry`; the older `backoff` crate is unmaintained.

use std::fmt;
use std::future::Future;
use std::time::Duration;

use anyhow::bail;
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

/// How long to wait between attempts.
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    pub jitter: bool,
}

impl Backoff {
    /// The wait after failed attempt number `attempt`, counting from 0.
    pub fn delay(&self, attempt: u32) -> Duration {
        // Saturating: a thousand doublings give the cap, not an overflow.
        let doubled = self.base.saturating_mul(2u32.saturating_pow(attempt));
        let exp = doubled.min(self.cap);
        if self.jitter {
            rand::random_range(Duration::ZERO..=exp) // full jitter: anywhere up to `exp`
        } else {
            exp
        }
    }
}

/// Why `retry` gave up.
#[derive(Debug)]
pub enum RetryError {
    /// Every attempt failed; `last` is the error of the last one.
    Exhausted { attempts: u32, last: anyhow::Error },
    /// The token was cancelled while waiting for the next attempt.
    Cancelled,
}

impl fmt::Display for RetryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exhausted { attempts, last } => write!(f, "after {attempts} attempts: {last}"),
            Self::Cancelled => write!(f, "cancelled while waiting to retry"),
        }
    }
}

impl std::error::Error for RetryError {}

/// Calls `op` until it succeeds, at most `max_attempts` times (at least once: 0 counts as 1).
pub async fn retry<T, F, Fut>(
    ctx: &CancellationToken,
    max_attempts: u32,
    backoff: &Backoff,
    mut op: F,
) -> Result<T, RetryError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    let mut attempt = 0;
    loop {
        let err = match op().await {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        attempt += 1;
        // `>=`, not `==`: with `max_attempts == 0`, `==` would never be true.
        if attempt >= max_attempts {
            println!("attempt {attempt} failed: {err}; no attempts left");
            return Err(RetryError::Exhausted {
                attempts: attempt,
                last: err,
            });
        }

        let delay = backoff.delay(attempt - 1);
        let ms = delay.as_millis(); // printed in whole milliseconds
        println!("attempt {attempt} failed: {err}; retrying in {ms}ms");
        tokio::select! {
            biased; // a cancelled token wins, even when the wait is over too
            () = ctx.cancelled() => return Err(RetryError::Cancelled),
            () = sleep(delay) => {}
        }
    }
}

/// A request to a service that refuses the first `failures` calls.
async fn send_request(call: u32, failures: u32) -> anyhow::Result<()> {
    if call <= failures {
        bail!("connection refused");
    }
    Ok(())
}

fn report(outcome: Result<(), RetryError>, calls: u32) {
    match outcome {
        Ok(()) => println!("succeeded on call {calls}"),
        Err(e @ RetryError::Exhausted { .. }) => println!("gave up: {e}"),
        Err(RetryError::Cancelled) => println!("stopped: cancelled while waiting to retry"),
    }
}

#[tokio::main]
async fn main() {
    let ctx = CancellationToken::new();
    let exact = Backoff {
        base: Duration::from_millis(10),
        cap: Duration::from_millis(50),
        jitter: false,
    };

    println!("-- fails 3 times, then succeeds");
    let mut calls = 0;
    let outcome = retry(&ctx, 5, &exact, || {
        calls += 1;
        send_request(calls, 3)
    })
    .await;
    report(outcome, calls);

    println!("-- always fails; the wait stops growing at 50ms");
    let mut calls = 0;
    let outcome = retry(&ctx, 5, &exact, || {
        calls += 1;
        send_request(calls, u32::MAX)
    })
    .await;
    report(outcome, calls);

    println!("-- always fails; a shutdown comes during call 2");
    let shutdown = CancellationToken::new();
    let mut calls = 0;
    let outcome = retry(&shutdown, 5, &exact, || {
        calls += 1;
        if calls == 2 {
            shutdown.cancel();
        }
        send_request(calls, u32::MAX)
    })
    .await;
    report(outcome, calls);

    println!("-- fails 3 times, with full jitter");
    let jittered = Backoff {
        jitter: true,
        ..exact
    };
    let mut calls = 0;
    let outcome = retry(&ctx, 5, &jittered, || {
        calls += 1;
        send_request(calls, 3)
    })
    .await;
    report(outcome, calls);
}
