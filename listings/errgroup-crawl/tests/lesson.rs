//! What the output cannot show: when `crawl_all` returns its first error, every fetch of
//! the group has stopped; none is left running. The listing's `main.rs` is compiled in as
//! a module, so the test calls the very `crawl_all` the book shows (`pub` so that this
//! file can reach it).

#[path = "../src/main.rs"]
#[allow(dead_code)]
mod listing;

use std::time::Duration;

use tokio_util::sync::CancellationToken;

// A current-thread runtime: a task is released in the same poll that completes it, so the
// count is exact the moment `crawl_all` returns.
#[tokio::test(flavor = "current_thread")]
async fn the_first_error_leaves_no_fetch_running() {
    let urls = ["a", "missing", "b", "c"].map(|page| format!("https://example.com/{page}"));
    let crawled = tokio::time::timeout(
        Duration::from_secs(10),
        listing::crawl_all(&CancellationToken::new(), &urls),
    )
    .await
    .expect("crawl_all never returned");
    let e = crawled.expect_err("the missing page must fail the crawl");
    assert_eq!(
        e.to_string(),
        "fetch https://example.com/missing: 404 Not Found"
    );
    let alive = tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks();
    assert_eq!(
        alive, 0,
        "{alive} task(s) still alive after crawl_all returned"
    );
}
