//! Bounded parallelism: at most three items in flight, and the first error stops the rest.
//!
//! Notice: the `JoinSet` is both Go's `WaitGroup` and its `errCh`. When three tasks are
//! running, the loop waits for one of them to finish (that is the free slot), and its
//! result comes back through the join, so an error surfaces with `?`. `shutdown` then
//! aborts the items still running and waits for them: nothing is left behind, and no
//! context has to be threaded through. A deadline is `tokio::time::timeout` around the
//! whole call: it drops the future, and dropping a `JoinSet` aborts its tasks.
//! `futures`' `try_for_each_concurrent(limit, ..)` does all of this in one line.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Result, ensure};
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};

pub type Item = u32;

/// Counts the items in flight and the most ever in flight at once.
#[derive(Default)]
pub struct Meter {
    pub in_flight: AtomicUsize,
    pub peak: AtomicUsize,
}

/// Marks one item in flight for as long as it lives, even if its task is aborted.
struct InFlight(Arc<Meter>);

impl InFlight {
    fn new(meter: Arc<Meter>) -> Self {
        let now = meter.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        meter.peak.fetch_max(now, Ordering::SeqCst);
        InFlight(meter)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn process(item: Item, _in_flight: InFlight) -> Result<()> {
    sleep(Duration::from_millis(50)).await; // the work itself
    ensure!(item != 7, "item {item}: cannot process");
    Ok(())
}

pub async fn process_items(items: Vec<Item>, max_parallel: usize, meter: Arc<Meter>) -> Result<()> {
    let mut running = JoinSet::new();
    let outcome: Result<()> = async {
        for item in items {
            if running.len() == max_parallel {
                // No free slot: wait for a task to finish, and stop at its error.
                if let Some(joined) = running.join_next().await {
                    joined??;
                }
            }
            // In flight from here (not from the task's first poll, which a loaded machine may
            // delay) until its task ends or is aborted.
            running.spawn(process(item, InFlight::new(meter.clone())));
        }
        while let Some(joined) = running.join_next().await {
            joined??;
        }
        Ok(())
    }
    .await;
    // After an error, abort the items still in flight and wait until they are gone.
    running.shutdown().await;
    outcome
}

#[tokio::main]
async fn main() -> Result<()> {
    let meter = Arc::new(Meter::default());
    process_items((1..=6).collect(), 3, meter.clone()).await?;
    let peak = meter.peak.load(Ordering::SeqCst);
    println!("run 1: 6 good items processed, at most {peak} at once");

    // The contrast: a bound as large as the batch is no bound at all.
    let unbounded = Arc::new(Meter::default());
    process_items((1..=6).collect(), 6, unbounded.clone()).await?;
    let peak = unbounded.peak.load(Ordering::SeqCst);
    println!("run 1 with a bound of 6: at most {peak} at once");

    if let Err(err) = process_items((1..=10).collect(), 3, meter.clone()).await {
        println!("run 2: stopped at the first error: {err}");
    }
    let left = meter.in_flight.load(Ordering::SeqCst);
    println!("run 2: items still in flight after the return: {left}");

    // A deadline for the whole batch (Go: context.WithTimeout).
    let deadline = Duration::from_millis(75);
    let batch = process_items((1..=6).collect(), 3, meter.clone());
    if timeout(deadline, batch).await.is_err() {
        println!("run 3: gave up at the {} ms deadline", deadline.as_millis());
    }
    Ok(())
}
