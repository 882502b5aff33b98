//! Two hundred OS threads, then ten thousand tokio tasks, each batch all alive at once.
//!
//! Notice: Rust makes you choose. A `std::thread` is an OS thread with a stack reserved
//! up front (2 MiB by default; `thread::Builder::stack_size` changes it). A tokio task is
//! a future: a state machine on the heap, polled by a few worker threads, and only at an
//! `.await` can it give its thread to another task. That is how ten thousand fit.
//! Each batch counts the units that started after another had already ended: 0 means the
//! whole batch was alive at the same moment.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use crossbeam::channel;
use tokio::task::JoinSet;

/// Counts the units of a batch that end, and those that start after one has ended.
#[derive(Default)]
struct Overlap {
    ended: AtomicU64,
    started_late: AtomicU64,
}

impl Overlap {
    // Relaxed is enough: the wait in the middle of each unit orders every start before
    // every end.
    fn start(&self) {
        if self.ended.load(Ordering::Relaxed) > 0 {
            self.started_late.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn end(&self) {
        self.ended.fetch_add(1, Ordering::Relaxed);
    }

    fn started_late(&self) -> u64 {
        self.started_late.load(Ordering::Relaxed)
    }
}

/// Starts `n` OS threads that each wait until all of them are alive, and returns the sum of
/// their ids and how many started late. If a spawn fails, the threads already running are let
/// go, joined, and the error is returned.
fn threads(n: u64) -> anyhow::Result<(u64, u64)> {
    let overlap = Overlap::default();
    let (arrived_tx, arrived) = channel::unbounded();
    // Nothing is ever sent on `release`: dropping it wakes every thread waiting on `released`.
    let (release, released) = channel::bounded::<()>(0);
    let sum = thread::scope(|s| {
        let release = release; // owned here, so that an early return (`?`) drops it too
        let mut handles = Vec::new();
        for id in 1..=n {
            let (overlap, arrived_tx, released) = (&overlap, arrived_tx.clone(), released.clone());
            let handle = thread::Builder::new()
                .stack_size(64 * 1024) // these threads need little stack
                .spawn_scoped(s, move || {
                    overlap.start();
                    arrived_tx.send(()).ok(); // "I am alive"
                    released.recv().ok(); // sleeps until `main` lets the batch go
                    overlap.end();
                    id
                })?;
            handles.push(handle);
        }
        drop(arrived_tx); // if a thread dies before it arrives, the wait below ends early
        arrived.iter().take(usize::try_from(n)?).for_each(drop); // all n are alive now
        drop(release);
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| anyhow::anyhow!("a thread panicked")))
            .sum::<anyhow::Result<u64>>()
    })?;
    Ok((sum, overlap.started_late()))
}

/// The same with `n` tokio tasks on the runtime's few worker threads.
async fn tasks(n: u64) -> anyhow::Result<(u64, u64)> {
    let overlap = Arc::new(Overlap::default());
    let arrived = Arc::new(tokio::sync::Barrier::new(usize::try_from(n)?));
    let mut set = JoinSet::new();
    for id in 1..=n {
        let (overlap, arrived) = (Arc::clone(&overlap), Arc::clone(&arrived));
        set.spawn(async move {
            overlap.start();
            arrived.wait().await; // waiting here frees the thread for other tasks
            overlap.end();
            id
        });
    }
    let mut sum = 0;
    while let Some(id) = set.join_next().await {
        sum += id?;
    }
    Ok((sum, overlap.started_late()))
}

fn main() -> anyhow::Result<()> {
    let (sum, late) = threads(200)?;
    println!("200 OS threads alive at once ({late} started after another ended), sum of ids {sum}");
    let runtime = tokio::runtime::Runtime::new()?;
    let (sum, late) = runtime.block_on(tasks(10_000))?;
    println!(
        "10000 lightweight tasks alive at once ({late} started after another ended), sum of ids {sum}"
    );
    Ok(())
}
