//! A pipeline that can be stopped from outside: every stage waits on the token as well as
//! on its channels, so one `cancel()` ends all of them, wherever each one is waiting.
//!
//! Notice: the `CancellationToken` is `ctx`, `ctx.cancelled()` is `<-ctx.Done()`, and
//! `tokio::select!` is Go's `select`. A `TaskTracker` plays the `WaitGroup`, so that
//! `main` can show that every stage has returned. tokio's channels need room for at
//! least one value; Go's here are unbuffered.

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

fn generator(ctx: &CancellationToken, tasks: &TaskTracker, nums: Vec<u64>) -> mpsc::Receiver<u64> {
    let (out, rx) = mpsc::channel(1);
    let ctx = ctx.clone();
    tasks.spawn(async move {
        for n in nums {
            tokio::select! {
                biased; // a cancelled token wins, even when `out` has room
                () = ctx.cancelled() => break,
                sent = out.send(n) => if sent.is_err() { break },
            }
        }
        println!("generator: stopped");
    });
    rx
}

fn square(
    ctx: &CancellationToken,
    tasks: &TaskTracker,
    mut input: mpsc::Receiver<u64>,
) -> mpsc::Receiver<u64> {
    let (out, rx) = mpsc::channel(1);
    let ctx = ctx.clone();
    tasks.spawn(async move {
        loop {
            tokio::select! {
                biased;
                () = ctx.cancelled() => break,
                n = input.recv() => {
                    let Some(n) = n else { break }; // the input was closed
                    tokio::select! {
                        biased;
                        () = ctx.cancelled() => break,
                        sent = out.send(n * n) => if sent.is_err() { break },
                    }
                }
            }
        }
        println!("square: stopped");
    });
    rx
}

#[tokio::main]
async fn main() {
    let ctx = CancellationToken::new();
    let tasks = TaskTracker::new();

    // generator -> square -> square, every stage with the same token.
    let nums = generator(&ctx, &tasks, (1..=10).collect());
    let squares = square(&ctx, &tasks, nums);
    let mut out = square(&ctx, &tasks, squares);

    // Read two values, then give up on the rest.
    for _ in 0..2 {
        let Some(n) = out.recv().await else { break };
        println!("got {n}");
    }
    println!("cancel");
    ctx.cancel();

    tasks.close(); // no more tasks will be added
    tasks.wait().await; // every stage has returned
    println!("all stages stopped");
    drop(out); // held until here: the token, not a closed channel, stopped the stages
}
