//! A weighted semaphore: every job asks for as many permits as it is heavy.
//!
//! Notice: `acquire_many_owned(5)` is Go's `sem.Acquire(ctx, 5)`, and the permit it
//! returns is the `Release`: it goes back when the task drops it, on every path out of
//! the task, so the count cannot drift. The loop acquires *before* it spawns, so it waits
//! there whenever the budget is spent. `tokio::sync::Semaphore` is fair (first come,
//! first served), like `semaphore.Weighted`: a heavy job is not starved by light ones.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

const CAPACITY: u32 = 10; // 100 in the original
const LIGHT: u32 = 1;
const HEAVY: u32 = 5; // 10 in the original

/// Counts the weight handed out to jobs, and remembers the most ever out at once. It is kept
/// apart from the semaphore's own count, so that it would show a job working without permits.
#[derive(Default)]
struct Meter {
    in_use: AtomicU32,
    peak: AtomicU32,
}

impl Meter {
    fn enter(&self, weight: u32) {
        let now = self.in_use.fetch_add(weight, Ordering::SeqCst) + weight;
        self.peak.fetch_max(now, Ordering::SeqCst);
    }
}

async fn work(id: usize, weight: u32, _permit: OwnedSemaphorePermit, meter: Arc<Meter>) {
    tokio::time::sleep(Duration::from_millis(100)).await; // the work itself

    meter.in_use.fetch_sub(weight, Ordering::SeqCst);
    let kind = if weight == HEAVY { "heavy" } else { "light" };
    println!("job {id} ({kind}, weight {weight}) done");
    // `_permit` is dropped here: its weight goes back to the semaphore.
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let sem = Arc::new(Semaphore::new(CAPACITY as usize));
    let meter = Arc::new(Meter::default());
    let weights = [
        LIGHT, LIGHT, LIGHT, HEAVY, LIGHT, LIGHT, HEAVY, LIGHT, LIGHT, LIGHT,
    ];
    println!("capacity {CAPACITY}: light jobs take {LIGHT}, heavy jobs take {HEAVY}");

    let mut jobs = JoinSet::new();
    for (i, &weight) in weights.iter().enumerate() {
        // Waits here while fewer than `weight` permits are free; fails only if the
        // semaphore is closed (Go: only if ctx is done).
        let permit = sem.clone().acquire_many_owned(weight).await?;
        // Counted from here, not when the task first runs: the peak does not depend on how
        // soon a loaded machine schedules it.
        meter.enter(weight);
        jobs.spawn(work(i + 1, weight, permit, meter.clone()));
    }
    let mut done = 0;
    while let Some(joined) = jobs.join_next().await {
        joined?;
        done += 1;
    }

    println!(
        "{done} jobs done, all {} permits free again",
        sem.available_permits()
    );
    println!(
        "most weight in use at once: {} of {CAPACITY}",
        meter.peak.load(Ordering::SeqCst)
    );
    Ok(())
}
