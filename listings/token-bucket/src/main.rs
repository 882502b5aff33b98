//! A token bucket written out: 10 tokens a second, room for 5. `allow` takes a token if
//! there is one; `reserve` takes the next token, now or later, and says how long to wait
//! for it; `wait` is `reserve` followed by that wait.
//!
//! Notice: like Go's `rate.Limiter`, nothing ticks: each call first adds the tokens
//! earned since the last call. A reservation may take the count below zero; that debt
//! is what makes the next caller wait its turn. In production, use `governor` (as the
//! per-client listing does): the same idea, lock-free, with a clock you can fake in tests.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context;
use tokio::time::{Instant, sleep};

pub struct TokenBucket {
    rate: f64,  // tokens per second
    burst: f64, // the most tokens the bucket holds
    tokens: Mutex<Tokens>,
}

struct Tokens {
    available: f64, // below zero when future tokens are reserved
    last: Instant,
}

impl TokenBucket {
    /// A full bucket.
    pub fn new(rate: f64, burst: u32) -> Self {
        let burst = f64::from(burst);
        TokenBucket {
            rate,
            burst,
            tokens: Mutex::new(Tokens {
                available: burst,
                last: Instant::now(),
            }),
        }
    }

    /// Locks the bucket and adds the tokens earned since the last call.
    fn refill(&self) -> MutexGuard<'_, Tokens> {
        let mut t = self
            .tokens
            .lock()
            .expect("no thread panics while holding the bucket");
        let now = Instant::now();
        let earned = now.duration_since(t.last).as_secs_f64() * self.rate;
        t.available = (t.available + earned).min(self.burst);
        t.last = now;
        t
    }

    /// Takes a token if one is there now (`rate.Limiter.Allow`).
    pub fn allow(&self) -> bool {
        let mut t = self.refill();
        if t.available >= 1.0 {
            t.available -= 1.0;
            true
        } else {
            false
        }
    }

    /// Takes the next token and returns how long until it is due (`Reserve` + `Delay`);
    /// `None` if the bucket can never hold one (`!r.OK()`).
    pub fn reserve(&self) -> Option<Duration> {
        if self.burst < 1.0 {
            return None;
        }
        let mut t = self.refill();
        t.available -= 1.0;
        Some(Duration::from_secs_f64((-t.available).max(0.0) / self.rate))
    }

    /// Waits until a token is ours (`Wait`). To give up waiting, wrap it in
    /// `tokio::time::timeout` or a `select!`.
    pub async fn wait(&self) -> anyhow::Result<()> {
        let delay = self
            .reserve()
            .context("the bucket can never hold a token")?;
        sleep(delay).await;
        Ok(())
    }
}

/// Non-blocking: handled, or turned away.
fn try_handle(limiter: &TokenBucket) -> bool {
    limiter.allow() // (the request would be handled here)
}

/// Takes a token for the future, sleeps until it is due, then handles the request.
async fn reserve_handle(limiter: &TokenBucket) {
    let Some(delay) = limiter.reserve() else {
        return; // more than the burst: never possible
    };
    println!(
        "Reserve: next token in {delay:?} (within 100ms: {})",
        delay <= Duration::from_millis(100)
    );
    sleep(delay).await;
    println!("Reserve: handled at its time");
}

/// Blocks until a token is available, then handles the request.
async fn handle_request(limiter: &TokenBucket) -> anyhow::Result<()> {
    limiter.wait().await?;
    Ok(()) // (the request would be handled here)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let limiter = TokenBucket::new(10.0, 5); // 10 requests a second, burst 5
    let start = Instant::now();

    // Allow: 8 requests at once; the burst of 5 gets through.
    let allowed = (0..8).filter(|_| try_handle(&limiter)).count();
    println!(
        "Allow: {allowed} of 8 requests handled at once, {} turned away",
        8 - allowed
    );

    // Reserve: the bucket is empty now, so the token is due in about 100 ms.
    reserve_handle(&limiter).await;

    // Wait: three more requests, one token every 100 ms.
    for n in 1..=3 {
        handle_request(&limiter).await?;
        println!("Wait: request {n} handled");
    }
    // 5 at once, then one every 100 ms: the 9th request cannot come before 400 ms. A late
    // sleep only makes it later, so this holds on a loaded machine too.
    println!(
        "9 requests took at least 400ms: {}",
        start.elapsed() >= Duration::from_millis(400)
    );
    Ok(())
}
