//! A `tokio::select!` loop: one task waits on its cancellation token, a heartbeat
//! interval, an idle timer and its input, all at once, and reacts to whichever is ready.
//!
//! Notice: the interval and the timer are made once, before the loop, and a message
//! resets the timer in place (`Sleep::reset`), as `idle.Reset` does in Go.
//! `out` is moved into `serve` and dropped when it returns, however it returns: that is
//! Go's `defer close(out)`. `biased;` makes a cancel win when other branches are ready
//! too; without it `select!` picks at random, as Go's `select` does.

use std::pin::pin;
use std::time::Duration;

use anyhow::{anyhow, bail};
use tokio::sync::mpsc;
use tokio::time::{self, Instant, MissedTickBehavior};
use tokio_util::sync::CancellationToken;

// The note's 5 s heartbeat and 30 s idle time-out, a hundred times shorter.
const HEARTBEAT_EVERY: Duration = Duration::from_millis(50);
const IDLE_AFTER: Duration = Duration::from_millis(300);

pub async fn serve(
    ctx: CancellationToken,
    mut input: mpsc::Receiver<String>,
    out: mpsc::Sender<String>,
) -> anyhow::Result<()> {
    // An interval's first tick is immediate; Go's ticker first fires after one period.
    let mut heartbeat = time::interval_at(Instant::now() + HEARTBEAT_EVERY, HEARTBEAT_EVERY);
    // Like Go's ticker, drop the ticks a slow reader missed instead of bursting them.
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut idle = pin!(time::sleep(IDLE_AFTER));

    loop {
        tokio::select! {
            biased; // a cancel wins over whatever else is ready; then the rest, in this order
            () = ctx.cancelled() => bail!("cancelled"),
            _ = heartbeat.tick() => send(&ctx, &out, "ping".to_owned()).await?,
            () = &mut idle => bail!("idle timeout"),
            msg = input.recv() => {
                let Some(msg) = msg else { return Ok(()) }; // the input was closed
                idle.as_mut().reset(Instant::now() + IDLE_AFTER);
                send(&ctx, &out, msg.to_uppercase()).await?;
            }
        }
    }
}

/// Sends one message, unless the token is cancelled first.
pub async fn send(
    ctx: &CancellationToken,
    out: &mpsc::Sender<String>,
    msg: String,
) -> anyhow::Result<()> {
    tokio::select! {
        biased;
        () = ctx.cancelled() => bail!("cancelled"),
        sent = out.send(msg) => sent.map_err(|_| anyhow!("nobody reads the output")),
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let ctx = CancellationToken::new();
    let (in_tx, in_rx) = mpsc::channel(1);
    let (out_tx, mut out_rx) = mpsc::channel(1);
    let server = tokio::spawn(serve(ctx.clone(), in_rx, out_tx));

    // A client sends three words 200 ms apart, then goes quiet. It keeps its sender until
    // serve drops the receiver: dropping it earlier would close the input, and serve
    // would return `Ok` instead of timing out.
    let client = tokio::spawn(async move {
        for (i, word) in ["hello", "world", "again"].into_iter().enumerate() {
            if i > 0 {
                time::sleep(Duration::from_millis(200)).await;
            }
            if in_tx.send(word.to_owned()).await.is_err() {
                return;
            }
        }
        in_tx.closed().await;
    });

    // Print what serve sends, folding each run of heartbeats into one line.
    let mut pings = 0;
    let flush = |pings: &mut u32| {
        if *pings > 0 {
            println!("ping x{pings}");
            *pings = 0;
        }
    };
    while let Some(msg) = out_rx.recv().await {
        if msg == "ping" {
            pings += 1;
            continue;
        }
        flush(&mut pings);
        println!("{msg}");
    }
    flush(&mut pings);

    let served = server.await?;
    client.await?;
    match served {
        Ok(()) => println!("serve: the input was closed"),
        Err(e) => println!("serve: {e}"),
    }
    Ok(())
}
