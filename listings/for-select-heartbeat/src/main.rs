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

// The original's 5 s heartbeat and 30 s idle time-out, fifty times shorter.
const HEARTBEAT_EVERY: Duration = Duration::from_millis(100);
const IDLE_AFTER: Duration = Duration::from_millis(600);

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
            msg = input.recv() => {
                let Some(msg) = msg else { return Ok(()) }; // the input was closed
                idle.as_mut().reset(Instant::now() + IDLE_AFTER);
                send(&ctx, &out, msg.to_uppercase()).await?;
            }
            () = &mut idle => bail!("idle timeout"), // a waiting message is not silence
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
    in_tx.send("hello".to_owned()).await?; // the client's first word waits for serve
    let server = tokio::spawn(serve(ctx.clone(), in_rx, out_tx));

    // The client sends two more words, each 400 ms after serve took the one before (its
    // slot in the channel is free again), then goes quiet. It keeps its sender until serve
    // drops the receiver: dropping it earlier would close the input, and serve would
    // return `Ok` instead of timing out.
    let client = tokio::spawn(async move {
        for word in ["world", "again"] {
            let Ok(slot) = in_tx.reserve().await else {
                return;
            };
            time::sleep(Duration::from_millis(400)).await;
            slot.send(word.to_owned());
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
