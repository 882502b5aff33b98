//! `fetch_all` fetches every page at once and returns the bodies in the order of `urls`,
//! or the first error.
//!
//! Notice: each task returns its index with its body, so there is no shared vector to
//! write into; the bodies still come back in the order asked for. When one fetch fails,
//! `?` returns at once, and dropping the `JoinSet` aborts the tasks still running:
//! a future stops when it is dropped, so `fetch` needs no context to be cancelled.

use std::time::Duration;

use anyhow::bail;
use tokio::task::JoinSet;
use tokio::time::{self, Instant};

async fn fetch_all(urls: &[&str]) -> anyhow::Result<Vec<String>> {
    let mut group = JoinSet::new();
    for (i, url) in urls.iter().enumerate() {
        let url = url.to_string();
        group.spawn(async move { Ok::<_, anyhow::Error>((i, fetch(&url).await?)) });
    }

    let mut results = vec![String::new(); urls.len()];
    while let Some(joined) = group.join_next().await {
        // The outer `?` is a task that panicked, the inner one a fetch that failed.
        let (i, body) = joined??;
        results[i] = body;
    }
    Ok(results)
}

/// Pretends to download a page; how long it takes depends on the page.
async fn fetch(url: &str) -> anyhow::Result<String> {
    let page = url.rsplit('/').next().unwrap_or(url);
    let delay = match page {
        "slow" => 60,
        "medium" => 30,
        _ => 10, // "fast" and "missing"
    };
    time::sleep(Duration::from_millis(delay)).await;
    if page == "missing" {
        bail!("fetch {url}: 404 Not Found");
    }
    Ok(format!("<html>{page}</html>"))
}

#[tokio::main]
async fn main() {
    let urls = [
        "https://example.com/slow",
        "https://example.com/fast",
        "https://example.com/medium",
    ];
    match fetch_all(&urls).await {
        Ok(bodies) => {
            for (url, body) in urls.iter().zip(bodies) {
                println!("{url}: {body}");
            }
        }
        Err(e) => println!("fetchAll: {e}"),
    }

    let start = Instant::now();
    let urls = [
        "https://example.com/fast",
        "https://example.com/missing",
        "https://example.com/slow",
    ];
    if let Err(e) = fetch_all(&urls).await {
        println!("with a missing page: {e}");
    }
    if start.elapsed() < Duration::from_millis(60) {
        println!("the slow fetch was cancelled: fetchAll returned before it could finish");
    }
}
