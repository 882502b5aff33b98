//! A task leak and its fix. `consume_leaky` waits on a channel whose sender is never
//! dropped, so it waits for ever; `consume` also watches a `CancellationToken`, so
//! `cancel()` always ends it.
//!
//! Notice: Rust does not stop a leak either. Dropping a task's `JoinHandle` does not end
//! the task, it detaches it, like a goroutine nobody waits for; keep the handle and await
//! or abort it. The runtime counts the tasks still alive, and the usual cure is free:
//! when the last `Sender` is dropped, the loop ends. `biased;` makes a cancel win over an
//! item that is ready at the same moment (`select!` otherwise picks at random, like Go).

use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time;
use tokio_util::sync::CancellationToken;

pub struct Item {
    pub id: u32,
}

fn process(it: Item) -> anyhow::Result<()> {
    println!("processed item {}", it.id);
    Ok(())
}

/// Returns only when every sender of `input` has been dropped.
pub async fn consume_leaky(input: &mut mpsc::Receiver<Item>) {
    while let Some(it) = input.recv().await {
        _ = process(it);
    }
}

/// The original's anti-leak consumer: it also returns when `ctx` is cancelled.
pub async fn consume(ctx: CancellationToken, input: &mut mpsc::Receiver<Item>) {
    loop {
        tokio::select! {
            biased;
            () = ctx.cancelled() => return,
            it = input.recv() => match it {
                Some(it) => _ = process(it),
                None => return, // every sender is gone
            },
        }
    }
}

/// Whether `task` is still running after `d`.
async fn still_running(task: &JoinHandle<()>, d: Duration) -> bool {
    time::sleep(d).await;
    !task.is_finished()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let wait = Duration::from_millis(100);

    // 1. The leak: the producer sends three items and keeps its sender alive.
    let (tx, mut rx) = mpsc::channel(1);
    let consumer = tokio::spawn(async move { consume_leaky(&mut rx).await });
    for id in 1..=3 {
        tx.send(Item { id }).await?;
    }
    _ = tx.reserve().await?; // a free slot: the consumer has taken the last item, too
    println!(
        "leaky: still running after 100ms: {}",
        still_running(&consumer, wait).await
    );
    let alive = Handle::current().metrics().num_alive_tasks();
    println!("leaky: running besides main: {alive}");
    // Only dropping the sender can end it. A real leak never gets this far; we drop it
    // here so that the program ends cleanly.
    drop(tx);
    consumer.await?;
    println!("leaky: returned once the channel was closed");

    // 2. The fix: the same producer, the same live sender, but consume watches ctx.
    let ctx = CancellationToken::new();
    let (tx, mut rx) = mpsc::channel(1);
    let consumer = tokio::spawn({
        let ctx = ctx.clone();
        async move { consume(ctx, &mut rx).await }
    });
    for id in 4..=6 {
        tx.send(Item { id }).await?;
    }
    _ = tx.reserve().await?;
    println!(
        "fixed: still running after 100ms: {}",
        still_running(&consumer, wait).await
    );
    ctx.cancel();
    consumer.await?;
    println!("fixed: returned on cancel, with the channel still open");
    drop(tx);
    Ok(())
}
