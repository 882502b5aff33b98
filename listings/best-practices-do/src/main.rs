//! The original's four habits, one part each: cancel through a token, let the producer close,
//! receive without blocking, and size a buffer to the number of results.
//!
//! Notice how each habit is built into a Rust type. A `CancellationToken` (Go's
//! `context`) is passed down and awaited. Only a `Sender` can close a channel, and it does
//! so by being dropped, so the producer owns the closing. `try_recv` is the `select` with
//! `default`. And a channel with room for every result lets each sender finish at once.

use std::time::Duration;

use anyhow::{Result, bail};
use tokio::sync::mpsc::{self, error::TryRecvError};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

/// 1. Takes a token and returns an error when it is cancelled before the work is done.
pub async fn do_work(stop: &CancellationToken) -> Result<()> {
    tokio::select! {
        biased; // a cancellation wins, even if the job is done at the same moment
        () = stop.cancelled() => bail!("cancelled"),
        () = sleep(Duration::from_secs(1)) => Ok(()), // a long job
    }
}

/// 2. The producer owns the only `Sender`; the channel closes when the task ends. Its
///    `JoinHandle` goes to the caller, who joins it: no task is left detached.
pub fn producer() -> (mpsc::Receiver<u32>, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(1);
    let task = tokio::spawn(async move {
        for n in 1..=3 {
            if tx.send(n).await.is_err() {
                return; // the consumer has gone
            }
        }
    }); // `tx` is dropped here: Go's `defer close(ch)`
    (rx, task)
}

/// 3. Takes a message if one is ready, and moves on if not (Go: `select` with `default`).
fn try_receive(rx: &mut mpsc::Receiver<&str>) {
    match rx.try_recv() {
        Ok(msg) => println!("3. non-blocking: got {msg}"),
        Err(TryRecvError::Empty) => println!("3. non-blocking: nothing ready, moved on"),
        Err(TryRecvError::Disconnected) => println!("3. non-blocking: the channel is closed"),
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    // 1. Always pass a cancellation signal down.
    let stop = CancellationToken::new();
    let canceller = {
        let stop = stop.clone();
        tokio::spawn(async move {
            sleep(Duration::from_millis(20)).await;
            stop.cancel();
        })
    };
    if let Err(err) = do_work(&stop).await {
        println!("1. cancellation: the 1 s job stopped early: {err}");
    }
    canceller.await?;

    // 2. Close channels only on the producer side.
    let (mut numbers, producing) = producer();
    let mut got = Vec::new();
    while let Some(n) = numbers.recv().await {
        got.push(n.to_string());
    }
    producing.await?; // a panic in the producer would come out here
    println!(
        "2. producer closes: got {}, then the channel closed",
        got.join(", ")
    );

    // 3. A receive that does not block.
    let (tx, mut rx) = mpsc::channel(1);
    try_receive(&mut rx); // nothing has been sent yet
    tx.send("ping").await?;
    try_receive(&mut rx);

    // 4. A buffer with room for every result: no sender ever waits.
    let items = [3, 1, 4, 1, 5];
    let (results_tx, mut results) = mpsc::channel(items.len());
    let mut senders = JoinSet::new();
    for item in items {
        let results_tx = results_tx.clone();
        senders.spawn(async move { results_tx.send(item * 10).await });
    }
    drop(results_tx);
    senders
        .join_all()
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?; // all sent, none read yet
    let mut sum = 0;
    while let Some(r) = results.recv().await {
        sum += r;
    }
    println!(
        "4. buffered: {} senders finished before any read; sum {sum}",
        items.len()
    );
    Ok(())
}
