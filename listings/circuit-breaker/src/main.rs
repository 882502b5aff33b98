//! A circuit breaker: after 3 failures in a row it opens and rejects calls without making
//! them; once a 100 ms cooldown has passed, the next call goes through as a trial
//! (half-open), and its outcome closes the breaker or opens it again.
//!
//! Notice: the state is an enum, and each state holds only its own data: only `Closed`
//! counts failures, only `Open` has a deadline. The lock is never held across the
//! `.await`. `call` takes the request as a future, and a future does nothing until it is
//! polled, so a rejected request is never sent. In production: the `failsafe` crate
//! (failure policies, backoff for the open state, futures support).

use std::fmt;
use std::future::Future;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use anyhow::bail;
use tokio::time::{Instant, sleep};

#[derive(Clone, Copy)]
enum State {
    Closed { failures: u32 },
    Open { until: Instant },
    HalfOpen,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Closed { .. } => "closed",
            State::Open { .. } => "open",
            State::HalfOpen => "half-open",
        }
    }
}

/// Why a call through the breaker failed.
#[derive(Debug)]
enum CallError {
    /// The breaker is open: the request was not made.
    Open,
    /// The request was made and failed.
    Failed(anyhow::Error),
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Open => write!(f, "circuit breaker is open"),
            CallError::Failed(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CallError {}

struct CircuitBreaker {
    threshold: u32,
    cooldown: Duration,
    state: Mutex<State>,
}

impl CircuitBreaker {
    fn new(threshold: u32, cooldown: Duration) -> Self {
        CircuitBreaker {
            threshold,
            cooldown,
            state: Mutex::new(State::Closed { failures: 0 }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .expect("no thread panics while holding the breaker's lock")
    }

    async fn call<T>(
        &self,
        request: impl Future<Output = anyhow::Result<T>>,
    ) -> Result<T, CallError> {
        {
            let mut state = self.lock();
            if let State::Open { until } = *state {
                if Instant::now() < until {
                    return Err(CallError::Open); // `request` is dropped unpolled
                }
                set(&mut state, State::HalfOpen);
            }
        } // the lock is released before the request runs

        let result = request.await;

        let mut state = self.lock();
        match result {
            Ok(v) => {
                set(&mut state, State::Closed { failures: 0 });
                Ok(v)
            }
            Err(e) => {
                let failures = match *state {
                    State::Closed { failures } => failures + 1,
                    State::Open { .. } | State::HalfOpen => self.threshold, // a failed trial
                };
                let next = if failures >= self.threshold {
                    State::Open {
                        until: Instant::now() + self.cooldown,
                    }
                } else {
                    State::Closed { failures }
                };
                set(&mut state, next);
                Err(CallError::Failed(e))
            }
        }
    }
}

/// Moves to `to`, and reports a change of state (a real breaker would emit a metric).
fn set(state: &mut State, to: State) {
    if state.name() != to.name() {
        println!("breaker: {} -> {}", state.name(), to.name());
    }
    *state = to;
}

/// A request to a service that is down or up; it says when it is really sent.
async fn request(n: u32, healthy: bool) -> anyhow::Result<()> {
    println!("call {n}: request sent");
    if !healthy {
        bail!("503 service unavailable");
    }
    Ok(())
}

async fn call(breaker: &CircuitBreaker, n: u32, healthy: bool) {
    match breaker.call(request(n, healthy)).await {
        Ok(()) => println!("call {n}: ok"),
        Err(e @ CallError::Open) => println!("call {n}: rejected: {e}"),
        Err(e @ CallError::Failed(_)) => println!("call {n}: failed: {e}"),
    }
}

#[tokio::main]
async fn main() {
    let cooldown = Duration::from_millis(100);
    let breaker = CircuitBreaker::new(3, cooldown);

    // The service is down: three failures open the breaker.
    for n in 1..=3 {
        call(&breaker, n, false).await;
    }
    call(&breaker, 4, true).await; // rejected, although the service would have answered

    println!("waiting {cooldown:?}");
    sleep(cooldown).await;
    call(&breaker, 5, false).await; // the trial call fails: open again
    call(&breaker, 6, true).await;

    println!("waiting {cooldown:?}");
    sleep(cooldown).await;
    call(&breaker, 7, true).await; // the trial call succeeds: closed
    call(&breaker, 8, true).await;
}
