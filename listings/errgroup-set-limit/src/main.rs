//! `fetch_all_limited` is `fetch_all` with a limit: no more than `limit` fetches run at
//! once. Go's `g.SetLimit` becomes a `tokio::sync::Semaphore`.
//!
//! Notice: like `g.Go` under a limit, the loop waits for a free slot *before* it spawns,
//! so it is throttled too. The permit moves into the task and is released when the
//! task ends, however it ends. `fetch` counts the fetches in flight: the most it ever
//! sees at once is the limit, never more.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

use anyhow::Context;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time;

async fn fetch_all_limited(urls: &[String], limit: usize) -> anyhow::Result<Vec<String>> {
    let slots = Arc::new(Semaphore::new(limit));
    let mut group = JoinSet::new();
    let mut results = vec![String::new(); urls.len()];

    for (i, url) in urls.iter().cloned().enumerate() {
        let slot = Arc::clone(&slots).acquire_owned().await?;
        // Take in what has finished meanwhile: a failed fetch ends the loop here, and
        // dropping `group` on the way out aborts the fetches still running.
        while let Some(joined) = group.try_join_next() {
            let (i, body) = joined??;
            results[i] = body;
        }
        group.spawn(async move {
            let body = fetch(&url).await;
            drop(slot); // the slot is free again
            body.map(|body| (i, body))
        });
    }

    while let Some(joined) = group.join_next().await {
        let (i, body) = joined??;
        results[i] = body;
    }
    Ok(results)
}

// The fetches running now, and the most that ever ran at once.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static MAX_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Pretends to download page n of the site: 20, 30 or 40 ms.
async fn fetch(url: &str) -> anyhow::Result<String> {
    let now = IN_FLIGHT.fetch_add(1, Relaxed) + 1;
    MAX_IN_FLIGHT.fetch_max(now, Relaxed);
    let page = download(url).await;
    IN_FLIGHT.fetch_sub(1, Relaxed);
    page
}

async fn download(url: &str) -> anyhow::Result<String> {
    let page: u64 = url
        .strip_prefix("https://example.com/p")
        .and_then(|n| n.parse().ok())
        .with_context(|| format!("fetch {url}: no such page"))?;
    time::sleep(Duration::from_millis(20 + page % 3 * 10)).await;
    Ok(format!("<p{page}>"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let urls: Vec<String> = (1..=10)
        .map(|i| format!("https://example.com/p{i}"))
        .collect();

    let bodies = fetch_all_limited(&urls, 3)
        .await
        .context("fetchAllLimited")?;
    println!(
        "fetched {} pages, at most {} at once (limit 3)",
        bodies.len(),
        MAX_IN_FLIGHT.load(Relaxed)
    );
    println!("bodies, in the order of urls: {}", bodies.join(" "));
    Ok(())
}
