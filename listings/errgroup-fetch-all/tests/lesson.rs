//! What the output cannot show: once `fetch_all` has returned its error, no task of its
//! group is left running. The listing's `main.rs` is compiled in as a module, so the test
//! calls the very `fetch_all` the book shows (`pub` so that this file can reach it).

#[path = "../src/main.rs"]
#[allow(dead_code)]
mod listing;

use std::time::Duration;

// A current-thread runtime: a task is released in the same poll that completes it, so the
// count is exact the moment `fetch_all` returns.
#[tokio::test(flavor = "current_thread")]
async fn the_first_error_leaves_no_task_running() {
    let urls = ["https://example.com/missing", "https://example.com/stuck"];
    let fetched = tokio::time::timeout(Duration::from_secs(10), listing::fetch_all(&urls))
        .await
        .expect("fetch_all waited for the stuck page: nothing cancelled it");
    assert!(fetched.is_err(), "the missing page must fail the group");
    let alive = tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks();
    assert_eq!(
        alive, 0,
        "{alive} fetch task(s) still alive after fetch_all returned"
    );
}
