//! The lesson of the listing's consumers, tested with tokio's count of live tasks.

use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

// The listing is one file, the one the book shows; its consumers are `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::{Item, consume, consume_leaky};

fn alive() -> usize {
    Handle::current().metrics().num_alive_tasks()
}

/// Waits until the runtime has no task left (a finished task is counted until the runtime
/// has released it, a moment after its `JoinHandle` is ready), for at most 10 s.
async fn no_task_left() -> bool {
    for _ in 0..10_000 {
        if Handle::current().metrics().num_alive_tasks() == 0 {
            return true;
        }
        sleep(Duration::from_millis(1)).await;
    }
    false
}

/// The leaky consumer outlives its producer: only closing the channel ends it.
#[tokio::test]
async fn the_leaky_consumer_runs_until_the_channel_closes() {
    let (tx, mut rx) = mpsc::channel(1);
    let consumer = tokio::spawn(async move { consume_leaky(&mut rx).await });
    tx.send(Item { id: 1 }).await.unwrap();
    sleep(Duration::from_millis(50)).await;
    assert!(!consumer.is_finished());
    assert_eq!(alive(), 1, "the leaked task is counted");
    drop(tx);
    timeout(Duration::from_secs(10), consumer)
        .await
        .expect("still running after the channel closed")
        .unwrap();
    assert!(no_task_left().await);
}

/// After the cancel, the fixed consumer ends, with a sender still alive, and no task is left.
/// Breakage tried: `consume` without its `ctx.cancelled()` branch -> fails (the join times out).
#[tokio::test]
async fn a_cancel_ends_the_consumer_and_leaves_no_task() {
    let ctx = CancellationToken::new();
    let (tx, mut rx) = mpsc::channel(1);
    let consumer = tokio::spawn({
        let ctx = ctx.clone();
        async move { consume(ctx, &mut rx).await }
    });
    for id in 1..=3 {
        tx.send(Item { id }).await.unwrap();
    }
    assert_eq!(alive(), 1);
    ctx.cancel();
    timeout(Duration::from_secs(10), consumer)
        .await
        .expect("the consumer did not end on cancel")
        .unwrap();
    assert!(no_task_left().await, "a task is left after the cancel");
    drop(tx); // the sender lived until now: the channel was never closed
}

/// A cancel wins over an item that is ready at the same moment: the item is not taken.
/// Breakage tried: `consume` without `biased;` -> fails.
#[tokio::test]
async fn a_cancel_wins_over_a_ready_item() {
    for _ in 0..200 {
        let ctx = CancellationToken::new();
        let (tx, mut rx) = mpsc::channel(1);
        tx.send(Item { id: 1 }).await.unwrap();
        ctx.cancel();
        consume(ctx, &mut rx).await;
        assert_eq!(rx.len(), 1, "the consumer took an item after the cancel");
    }
}
