//! Two hundred OS threads, then ten thousand tokio tasks, each batch all alive at once.
//!
//! Notice: Rust makes you choose. A `std::thread` is an OS thread with a stack reserved
//! up front (2 MiB by default; `thread::Builder::stack_size` changes it). A tokio task is
//! a future: a state machine on the heap, polled by a few worker threads, and only at an
//! `.await` can it give its thread to another task. That is how ten thousand fit.

use std::sync::{Arc, Barrier};
use std::thread;

use tokio::task::JoinSet;

/// Starts `n` OS threads that all wait until every one of them has started,
/// and returns the sum of their ids.
fn threads(n: u64) -> anyhow::Result<u64> {
    let arrived = Barrier::new(usize::try_from(n)?);
    thread::scope(|s| {
        let mut handles = Vec::new();
        for id in 1..=n {
            let arrived = &arrived;
            let handle = thread::Builder::new()
                .stack_size(64 * 1024) // these threads need little stack
                .spawn_scoped(s, move || {
                    arrived.wait(); // a barrier: nobody goes on until all n are alive
                    id
                })?;
            handles.push(handle);
        }
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| anyhow::anyhow!("a thread panicked")))
            .sum()
    })
}

/// The same with `n` tokio tasks on the runtime's few worker threads.
async fn tasks(n: u64) -> anyhow::Result<u64> {
    let arrived = Arc::new(tokio::sync::Barrier::new(usize::try_from(n)?));
    let mut set = JoinSet::new();
    for id in 1..=n {
        let arrived = Arc::clone(&arrived);
        set.spawn(async move {
            arrived.wait().await; // waiting here frees the thread for other tasks
            id
        });
    }
    let mut sum = 0;
    while let Some(id) = set.join_next().await {
        sum += id?;
    }
    Ok(sum)
}

fn main() -> anyhow::Result<()> {
    println!("200 OS threads alive at once, sum of ids {}", threads(200)?);
    let runtime = tokio::runtime::Runtime::new()?;
    let sum = runtime.block_on(tasks(10_000))?;
    println!("10000 lightweight tasks alive at once, sum of ids {sum}");
    Ok(())
}
