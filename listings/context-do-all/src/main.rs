//! `do_all` runs two tasks as a group: when one fails, the group's token is cancelled,
//! and the other one stops. Go's `context` is split in two here.
//!
//! Notice: cancellation is a `CancellationToken`, passed down as the first argument,
//! with a child token for the group (`errgroup.WithContext`). A deadline is
//! `tokio::time::timeout` around the one call it limits: when it expires, the call's
//! future is dropped, so `slow_query` itself needs no deadline, only the group's token.

use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time;
use tokio_util::sync::CancellationToken;

pub async fn do_all(ctx: &CancellationToken, msgs: mpsc::Receiver<String>) -> anyhow::Result<()> {
    let ctx = ctx.child_token();
    let mut group = JoinSet::new();
    group.spawn(task_a(ctx.clone(), msgs));
    group.spawn(task_b(ctx.clone()));

    // If one fails, cancel the others, and return the first error once all are done. A task
    // that panicked fails too: no early return leaves the other one running.
    let mut first_error = None;
    while let Some(joined) = group.join_next().await {
        if let Err(e) = joined.unwrap_or_else(|panicked| Err(panicked.into())) {
            ctx.cancel();
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// The original's loop: handle messages until the token is cancelled.
async fn task_a(ctx: CancellationToken, mut ch: mpsc::Receiver<String>) -> anyhow::Result<()> {
    loop {
        tokio::select! {
            biased; // cancellation wins over a waiting message
            () = ctx.cancelled() => {
                println!("taskA: cancelled, returning");
                bail!("cancelled");
            }
            Some(msg) = ch.recv() => {
                _ = handle(&ctx, &msg).await;
            }
        }
    }
}

async fn handle(_ctx: &CancellationToken, msg: &str) -> anyhow::Result<()> {
    println!("taskA: handled {msg}");
    Ok(())
}

/// Queries a slow dependency and allows it 30 ms.
async fn task_b(ctx: CancellationToken) -> anyhow::Result<()> {
    match time::timeout(Duration::from_millis(30), slow_query(&ctx)).await {
        Ok(answer) => answer.context("taskB"),
        Err(_elapsed) => bail!("taskB: query timed out after 30ms"),
    }
}

/// Pretends to ask a database that takes a second to answer.
async fn slow_query(ctx: &CancellationToken) -> anyhow::Result<()> {
    ctx.run_until_cancelled(time::sleep(Duration::from_secs(1)))
        .await
        .ok_or_else(|| anyhow!("cancelled"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let (tx, msgs) = mpsc::channel(3);
    for m in ["order-1", "order-2", "order-3"] {
        tx.send(m.to_owned()).await?;
    }
    // `tx` stays alive: taskA's loop can end only through the token.

    match do_all(&CancellationToken::new(), msgs).await {
        Err(e) => println!("doAll: {e}"),
        Ok(()) => println!("doAll: ok"),
    }
    drop(tx);
    Ok(())
}
