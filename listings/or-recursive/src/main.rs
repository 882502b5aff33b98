//! The recursive `or` of the original, in async Rust: a token that is cancelled as soon as
//! the first of many tokens is.
//!
//! Notice: there is no recursion. Go's `select` needs its cases written out, so the original
//! waits on three channels per level and recurses for the rest; `select_all` (from the
//! `futures` crate) waits on a list of any length. A `CancellationToken` plays the done
//! channel, and `ctx.Done()` is simply one more token. Every helper task goes into a
//! `JoinSet`, so `main` can stop the ones still waiting when it is done.

use std::time::Duration;

use futures::future::select_all;
use tokio::task::JoinSet;
use tokio::time::{self, Instant};
use tokio_util::sync::CancellationToken;

/// A token that is cancelled as soon as any of `signals` is.
pub fn or(tasks: &mut JoinSet<()>, signals: Vec<CancellationToken>) -> CancellationToken {
    if signals.is_empty() {
        // Never cancelled: the original returns a nil channel, which blocks for ever.
        return CancellationToken::new();
    }
    let out = CancellationToken::new();
    let done = out.clone();
    tasks.spawn(async move {
        let first = select_all(signals.iter().map(|signal| Box::pin(signal.cancelled())));
        // Also stop waiting if someone cancels `out` itself.
        done.run_until_cancelled(first).await;
        done.cancel();
    });
    out
}

/// A token that is cancelled `d` from now.
fn signal_after(tasks: &mut JoinSet<()>, d: Duration) -> CancellationToken {
    let signal = CancellationToken::new();
    let fire = signal.clone();
    // The deadline is fixed now, as Go's `time.AfterFunc` fixes it, not when the task is
    // first polled, which on a busy machine can be later.
    let deadline = Instant::now() + d;
    tasks.spawn(async move {
        time::sleep_until(deadline).await;
        fire.cancel();
    });
    signal
}

#[tokio::main]
async fn main() {
    let ms = Duration::from_millis;
    let mut tasks = JoinSet::new();
    let ctx = CancellationToken::new();

    // The original's example, with 1 s and 2 s halved to 500 ms and 1 s: the gap between the
    // two signals is the margin a busy machine has to wake us up before the second one.
    let start = Instant::now();
    let signals = vec![
        signal_after(&mut tasks, ms(500)),
        signal_after(&mut tasks, ms(1000)),
        ctx.clone(),
    ];
    let done = or(&mut tasks, signals);
    done.cancelled().await; // cancelled after 500 ms
    let elapsed = start.elapsed();
    if (ms(500)..ms(1000)).contains(&elapsed) {
        println!("or(500ms, 1s, ctx.Done()) closed with the first signal, after 500ms");
    } else {
        println!("or closed after {elapsed:?}");
    }

    // Ten signals, one list; the earliest one is last. The clock starts before the signals
    // do, so the earliest cannot fire before `start + 500ms`.
    let start = Instant::now();
    let signals = (1..=10)
        .rev()
        .map(|i| signal_after(&mut tasks, ms(i * 500)))
        .collect();
    or(&mut tasks, signals).cancelled().await;
    let elapsed = start.elapsed();
    if (ms(500)..ms(1000)).contains(&elapsed) {
        println!("or of 10 signals, 5s down to 500ms, closed with the earliest, after 500ms");
    } else {
        println!("or closed after {elapsed:?}");
    }

    // Go's `defer cancel()`; then stop the timers that have not fired yet.
    ctx.cancel();
    tasks.shutdown().await;
}
