//! `fetch_all` fetches every page at once and returns the bodies in the order of `urls`,
//! or the first error.
//!
//! Notice: each task returns its index with its body, so there is no shared vector to
//! write into; the bodies still come back in the order asked for. At the first error,
//! `shutdown` aborts the tasks still running and waits until they have stopped: a future
//! stops when it is dropped, so `fetch` needs no context to be cancelled. The stuck page
//! shows it: its fetch never ends by itself, and the drop is what ends it.

use std::time::Duration;

use anyhow::bail;
use tokio::task::JoinSet;
use tokio::time;

pub async fn fetch_all(urls: &[&str]) -> anyhow::Result<Vec<String>> {
    let mut group = JoinSet::new();
    for (i, url) in urls.iter().enumerate() {
        let url = url.to_string();
        group.spawn(async move { Ok::<_, anyhow::Error>((i, fetch(&url).await?)) });
    }

    let mut results = vec![String::new(); urls.len()];
    while let Some(joined) = group.join_next().await {
        // `joined?` is a task that panicked; `Err(e)` a fetch that failed.
        match joined? {
            Ok((i, body)) => results[i] = body,
            Err(e) => {
                group.shutdown().await; // abort the others, and wait until they have stopped
                return Err(e);
            }
        }
    }
    Ok(results)
}

/// Pretends to download a page; how long it takes depends on the page.
async fn fetch(url: &str) -> anyhow::Result<String> {
    let page = url.rsplit('/').next().unwrap_or(url);
    let delay = match page {
        "slow" => 60,
        "medium" => 30,
        "stuck" => 3_600_000, // an hour: this server never answers in time
        _ => 10,              // "fast" and "missing"
    };
    let unfinished = Unfinished(url);
    time::sleep(Duration::from_millis(delay)).await;
    std::mem::forget(unfinished); // finished: nothing to report
    if page == "missing" {
        bail!("fetch {url}: 404 Not Found");
    }
    Ok(format!("<html>{page}</html>"))
}

/// Reports a fetch dropped before it finished: what aborting its task does to it.
struct Unfinished<'a>(&'a str);

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        println!("fetch {}: cancelled", self.0);
    }
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

    let urls = ["https://example.com/missing", "https://example.com/stuck"];
    if let Err(e) = fetch_all(&urls).await {
        println!("with a missing page: {e}");
    }
}
