//! A circuit breaker: after 3 failures in a row it opens and rejects calls without making
//! them; once a 100 ms cooldown has passed, the next call goes through as the one trial
//! (half-open: other calls are still rejected), and its outcome closes the breaker or opens
//! it again.
//!
//! Notice: the state is an enum, and each state holds only its own data: only `Closed`
//! counts failures, only `Open` has a deadline. The lock is never held across the
//! `.await`, and nothing is printed under it. `call` takes the request as a future, and a future does nothing until it is
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
    Closed {
        failures: u32,
    },
    Open {
        until: Instant,
    },
    /// The cooldown has passed and one trial call is running; every other call is rejected.
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
pub enum CallError {
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

pub struct CircuitBreaker {
    threshold: u32,
    cooldown: Duration,
    state: Mutex<State>,
}

impl CircuitBreaker {
    pub fn new(threshold: u32, cooldown: Duration) -> Self {
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

    pub async fn call<T>(
        &self,
        request: impl Future<Output = anyhow::Result<T>>,
    ) -> Result<T, CallError> {
        // Decide under the lock, report after it: no printing (I/O) while others wait.
        let (trial, change) = {
            let mut state = self.lock();
            match *state {
                State::Closed { .. } => (false, None),
                State::Open { until } if Instant::now() >= until => {
                    (true, set(&mut state, State::HalfOpen)) // this call is the one trial
                }
                // Still cooling down, or another call is the trial: `request` is dropped unpolled.
                State::Open { .. } | State::HalfOpen => return Err(CallError::Open),
            }
        };
        report(change);
        // If this future is dropped during the trial, the breaker must not stay half-open.
        let mut guard = TrialGuard {
            breaker: self,
            armed: trial,
        };

        let result = request.await;

        let change = {
            let mut state = self.lock();
            let next = match (*state, &result) {
                // The trial decides.
                (_, Ok(_)) if trial => State::Closed { failures: 0 },
                (_, Err(_)) if trial => self.open(),
                // A call that started while closed counts only if the breaker is still closed:
                // a late failure must not restart the cooldown, nor a late success end it.
                (State::Closed { .. }, Ok(_)) => State::Closed { failures: 0 },
                (State::Closed { failures }, Err(_)) if failures + 1 >= self.threshold => {
                    self.open()
                }
                (State::Closed { failures }, Err(_)) => State::Closed {
                    failures: failures + 1,
                },
                (other, _) => other,
            };
            set(&mut state, next)
        };
        guard.armed = false; // the outcome is recorded
        report(change);
        result.map_err(CallError::Failed)
    }

    fn open(&self) -> State {
        State::Open {
            until: Instant::now() + self.cooldown,
        }
    }
}

/// Opens the breaker again if a trial call is cancelled before its outcome is known.
struct TrialGuard<'a> {
    breaker: &'a CircuitBreaker,
    armed: bool,
}

impl Drop for TrialGuard<'_> {
    fn drop(&mut self) {
        if self.armed {
            let mut state = self.breaker.lock();
            *state = self.breaker.open();
        }
    }
}

/// Moves to `to`, and returns the change of state to report, if any.
fn set(state: &mut State, to: State) -> Option<(&'static str, &'static str)> {
    let change = (state.name() != to.name()).then(|| (state.name(), to.name()));
    *state = to;
    change
}

/// Reports a change of state (a real breaker would emit a metric).
fn report(change: Option<(&str, &str)>) {
    if let Some((from, to)) = change {
        println!("breaker: {from} -> {to}");
    }
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
