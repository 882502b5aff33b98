//! `crawl_all` fetches every page, at most eight at a time, and stops them all at the
//! first error: Go's errgroup and semaphore channel, built from tokio's parts.
//!
//! Notice: a `JoinSet` holds the tasks (`g.Go`), a child `CancellationToken` is the
//! group's context, and the loop over `join_next` is `g.Wait`: it waits for every task,
//! cancels the rest at the first error and returns that error. A `Semaphore` permit
//! is released when it is dropped, so no path out of a task can forget Go's `<-sem`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

use anyhow::{anyhow, bail};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time;
use tokio_util::sync::CancellationToken;

pub async fn crawl_all(ctx: &CancellationToken, urls: &[String]) -> anyhow::Result<()> {
    let ctx = ctx.child_token(); // cancelled by the first error, or with its parent
    let sem = Arc::new(Semaphore::new(8)); // at most 8 fetches at once
    let mut group = JoinSet::new();

    for url in urls {
        let (ctx, sem, url) = (ctx.clone(), Arc::clone(&sem), url.clone());
        group.spawn(async move {
            let _permit = tokio::select! {
                biased; // a cancelled group wins, even when a permit is free
                () = ctx.cancelled() => bail!("cancelled"),
                permit = sem.acquire_owned() => permit?,
            };
            let body = fetch(&ctx, &url).await?;
            store(&ctx, &url, body)
        });
    }

    let mut first_error = None;
    while let Some(joined) = group.join_next().await {
        if let Err(e) = joined? {
            ctx.cancel();
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

// What the simulated web saw: fetches running now, the most at once, pages stored, and
// fetches cut short by a cancelled token.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static MAX_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static STORED: AtomicUsize = AtomicUsize::new(0);
static STOPPED_EARLY: AtomicUsize = AtomicUsize::new(0);

/// Pretends to download a page: 100 ms, or a 404 after 10 ms for a missing one.
async fn fetch(ctx: &CancellationToken, url: &str) -> anyhow::Result<String> {
    let now = IN_FLIGHT.fetch_add(1, Relaxed) + 1;
    MAX_IN_FLIGHT.fetch_max(now, Relaxed);
    let page = download(ctx, url).await;
    IN_FLIGHT.fetch_sub(1, Relaxed);
    page
}

async fn download(ctx: &CancellationToken, url: &str) -> anyhow::Result<String> {
    if url.ends_with("/missing") {
        time::sleep(Duration::from_millis(10)).await;
        bail!("fetch {url}: 404 Not Found");
    }
    match ctx
        .run_until_cancelled(time::sleep(Duration::from_millis(100)))
        .await
    {
        Some(()) => Ok(format!("<html>{url}</html>")),
        None => {
            STOPPED_EARLY.fetch_add(1, Relaxed);
            Err(anyhow!("fetch {url}: cancelled"))
        }
    }
}

/// Pretends to save a page.
fn store(ctx: &CancellationToken, _url: &str, _body: String) -> anyhow::Result<()> {
    if ctx.is_cancelled() {
        bail!("cancelled");
    }
    STORED.fetch_add(1, Relaxed);
    Ok(())
}

#[tokio::main]
async fn main() {
    let ctx = CancellationToken::new();

    let urls: Vec<String> = (1..=16)
        .map(|i| format!("https://example.com/page/{i}"))
        .collect();
    match crawl_all(&ctx, &urls).await {
        Err(e) => println!("crawl of 16 pages: {e}"),
        Ok(()) => println!(
            "crawl of 16 pages: {} stored, at most {} fetches at once",
            STORED.load(Relaxed),
            MAX_IN_FLIGHT.load(Relaxed)
        ),
    }

    STORED.store(0, Relaxed);
    let urls =
        ["a", "b", "missing", "c", "d", "e"].map(|page| format!("https://example.com/{page}"));
    match crawl_all(&ctx, &urls).await {
        Ok(()) => println!("crawl with a missing page: no error"),
        Err(e) => println!("crawl with a missing page: {e}"),
    }
    println!(
        "{} stored, {} fetches stopped early by the cancelled context",
        STORED.load(Relaxed),
        STOPPED_EARLY.load(Relaxed)
    );
}
