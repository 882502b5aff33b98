//! The lesson of `serve`: a cancel ends it at once, whatever else is ready, and leaves no task.

use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

// The listing is one file, the one the book shows; its `serve` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::{send, serve};

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

/// Cancelled before it starts, with a message waiting, or with the input closed: `serve`
/// sends nothing and says "cancelled".
/// Breakage tried: `serve`'s `select!` without `biased;` -> fails.
#[tokio::test]
async fn a_cancel_wins_in_serve() {
    for _ in 0..200 {
        for close_input in [false, true] {
            let ctx = CancellationToken::new();
            let (in_tx, in_rx) = mpsc::channel(1);
            let (out_tx, mut out_rx) = mpsc::channel(1);
            if close_input {
                drop(in_tx); // `recv` is ready with `None`: serve would return `Ok`
            } else {
                in_tx.send("hello".to_owned()).await.unwrap();
            }
            ctx.cancel();
            let served = serve(ctx, in_rx, out_tx).await;
            let said = served.map_err(|e| e.to_string());
            assert_eq!(said, Err("cancelled".to_owned()));
            assert_eq!(
                out_rx.recv().await,
                None,
                "serve sent something after the cancel"
            );
        }
    }
}

/// Cancelled, with a reader ready for the message: `send` does not send it.
/// Breakage tried: `send`'s `select!` without `biased;` -> fails.
#[tokio::test]
async fn a_cancel_wins_in_send() {
    for _ in 0..200 {
        let ctx = CancellationToken::new();
        let (out_tx, mut out_rx) = mpsc::channel(1);
        ctx.cancel();
        let sent = send(&ctx, &out_tx, "hello".to_owned()).await;
        assert!(sent.is_err());
        drop(out_tx);
        assert_eq!(out_rx.recv().await, None, "send sent after the cancel");
    }
}

/// A cancel in the middle of a run, while heartbeats go out and the input stays open, ends
/// `serve` with "cancelled" (not the idle time-out), and no task is left.
/// Breakage tried: `serve` without its `ctx.cancelled()` branch -> fails ("idle timeout").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancel_ends_serve_and_leaves_no_task() {
    let ctx = CancellationToken::new();
    let (in_tx, in_rx) = mpsc::channel(1);
    let (out_tx, mut out_rx) = mpsc::channel(1);
    let server = tokio::spawn(serve(ctx.clone(), in_rx, out_tx));
    in_tx.send("hello".to_owned()).await.unwrap();
    assert_eq!(out_rx.recv().await.as_deref(), Some("HELLO"));
    assert_eq!(out_rx.recv().await.as_deref(), Some("ping"));
    // Read no more: one heartbeat waits in `out`, and `serve` waits to send the next.
    sleep(Duration::from_millis(250)).await;
    ctx.cancel();
    let served = timeout(Duration::from_secs(10), server)
        .await
        .expect("serve did not end on cancel")
        .unwrap();
    assert_eq!(served.unwrap_err().to_string(), "cancelled");
    assert!(no_task_left().await, "a task is left after the cancel");
    drop(in_tx); // the input was open until the end
}
