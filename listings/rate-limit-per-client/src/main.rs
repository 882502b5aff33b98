//! Per-client rate limiting: every client gets a bucket of its own (10 requests a second,
//! burst 5), so a client that sends too much is turned away without slowing the others.
//!
//! Notice: `governor`'s keyed limiter is the original's `ClientLimiter`, ready-made: a
//! concurrent map (a `DashMap`) from client id to the state of that client's bucket,
//! created on first use. The state is a single timestamp (the generic cell rate
//! algorithm, equivalent to a token bucket), so `check_key` needs no lock of its own.
//! The original's map only grows; `retain_recent()` forgets the clients whose buckets are full.

use std::num::NonZeroU32;
use std::thread;
use std::time::Duration;

use anyhow::Context;
use governor::clock::MonotonicClock;
use governor::{Quota, RateLimiter};

fn main() -> anyhow::Result<()> {
    let rate = NonZeroU32::new(10).context("the rate must not be zero")?;
    let burst = NonZeroU32::new(5).context("the burst must not be zero")?;
    // The keyed limiter (`RateLimiter::keyed`), on the clock that `thread::sleep` uses: after
    // sleeping 100 ms, it has seen 100 ms pass (its default clock, quanta's, counts CPU cycles).
    let quota = Quota::per_second(rate).allow_burst(burst);
    let limiter = RateLimiter::dashmap_with_clock(quota, MonotonicClock);

    // Three clients send at the same time, each from a thread of its own.
    let clients = [("alice", 8), ("bob", 8), ("carol", 2)];
    let allowed: Vec<usize> = thread::scope(|s| {
        let counters: Vec<_> = clients
            .iter()
            .map(|&(client, requests)| {
                let limiter = &limiter;
                s.spawn(move || {
                    let key = client.to_owned();
                    (0..requests)
                        .filter(|_| limiter.check_key(&key).is_ok())
                        .count()
                })
            })
            .collect();
        counters
            .into_iter()
            .map(|c| c.join().expect("a client thread panicked"))
            .collect()
    });
    for ((client, requests), ok) in clients.iter().zip(allowed) {
        println!("{client}: {ok} of {requests} allowed");
    }
    println!("clients tracked: {}", limiter.len());

    // A token every 100 ms: alice has earned one back (100 ms after her first request, at the
    // latest; the sleep starts after it and never ends early, so no margin is needed).
    thread::sleep(Duration::from_millis(100));
    let again = limiter.check_key(&"alice".to_owned()).is_ok();
    println!("alice, 100ms later: allowed: {again}");
    Ok(())
}
