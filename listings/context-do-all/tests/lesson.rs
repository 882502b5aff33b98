//! What the output cannot show: when `do_all` returns, neither of its tasks is left
//! running, and it returns without anyone closing the message channel. The listing's
//! `main.rs` is compiled in as a module, so the test calls the very `do_all` the book
//! shows (`pub` so that this file can reach it).

#[path = "../src/main.rs"]
#[allow(dead_code)]
mod listing;

use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

// A current-thread runtime: a task is released in the same poll that completes it, so the
// count is exact the moment `do_all` returns.
#[tokio::test(flavor = "current_thread")]
async fn the_timeout_stops_both_tasks() {
    let (tx, msgs) = mpsc::channel(3);
    tx.send("order-1".to_owned()).await.unwrap();
    let done = tokio::time::timeout(
        Duration::from_secs(10),
        listing::do_all(&CancellationToken::new(), msgs),
    )
    .await
    .expect("do_all never returned: taskA's loop did not see the cancellation");
    let e = done.expect_err("taskB's timeout must fail the group");
    assert_eq!(e.to_string(), "taskB: query timed out after 30ms");
    let alive = tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks();
    assert_eq!(
        alive, 0,
        "{alive} task(s) still alive after do_all returned"
    );
    drop(tx); // held open until here: only the token could end taskA
}
