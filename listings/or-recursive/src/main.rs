//! The recursive `or` of note 001, in async Rust: a token that is cancelled as soon as
//! the first of many tokens is.
//!
//! Notice: there is no recursion. Go's `select` needs its cases written out, so the note
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
fn or(tasks: &mut JoinSet<()>, signals: Vec<CancellationToken>) -> CancellationToken {
    if signals.is_empty() {
        // Never cancelled: the note returns a nil channel, which blocks for ever.
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

/// A token that is cancelled after `d`.
fn signal_after(tasks: &mut JoinSet<()>, d: Duration) -> CancellationToken {
    let signal = CancellationToken::new();
    let fire = signal.clone();
    tasks.spawn(async move {
        time::sleep(d).await;
        fire.cancel();
    });
    signal
}

#[tokio::main]
async fn main() {
    let ms = Duration::from_millis;
    let mut tasks = JoinSet::new();
    let ctx = CancellationToken::new();

    // The note's example, with 1 s and 2 s scaled down to 100 ms and 200 ms.
    let start = Instant::now();
    let signals = vec![
        signal_after(&mut tasks, ms(100)),
        signal_after(&mut tasks, ms(200)),
        ctx.clone(),
    ];
    let done = or(&mut tasks, signals);
    done.cancelled().await; // cancelled after 100 ms
    let elapsed = start.elapsed();
    if (ms(100)..ms(200)).contains(&elapsed) {
        println!("or(100ms, 200ms, ctx.Done()) closed with the first signal, after 100ms");
    } else {
        println!("or closed after {elapsed:?}");
    }

    // Ten signals, one list; the earliest one is last.
    let signals = (1..=10)
        .rev()
        .map(|i| signal_after(&mut tasks, ms(i * 40)))
        .collect();
    let start = Instant::now();
    or(&mut tasks, signals).cancelled().await;
    let elapsed = start.elapsed();
    if (ms(40)..ms(80)).contains(&elapsed) {
        println!("or of 10 signals, 400ms down to 40ms, closed with the earliest, after 40ms");
    } else {
        println!("or closed after {elapsed:?}");
    }

    // Go's `defer cancel()`; then stop the timers that have not fired yet.
    ctx.cancel();
    tasks.shutdown().await;
}
