//! The lesson of `or`: cancelled by the first signal, and its helper task ends with it.

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

// The listing is one file, the one the book shows; its `or` is `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::or;

const LIMIT: Duration = Duration::from_secs(10);

/// One of ten signals fires: `out` is cancelled, the helper task ends by itself (no abort),
/// and no other signal was touched.
/// Breakage tried: `or` waits for every signal (`join_all` instead of `select_all`) -> fails.
#[tokio::test]
async fn the_first_signal_cancels_out_and_the_helper_ends() {
    for which in [0, 5, 9] {
        let mut tasks = JoinSet::new();
        let signals: Vec<_> = (0..10).map(|_| CancellationToken::new()).collect();
        let out = or(&mut tasks, signals.clone());
        assert!(!out.is_cancelled());
        signals[which].cancel();
        timeout(LIMIT, out.cancelled())
            .await
            .expect("out was not cancelled");
        let helper = timeout(LIMIT, tasks.join_next()).await;
        assert!(matches!(helper, Ok(Some(Ok(())))), "the helper did not end");
        let fired = signals.iter().filter(|s| s.is_cancelled()).count();
        assert_eq!(fired, 1);
    }
}

/// Nobody fires, but `out` itself is cancelled (`main` is done with it): the helper stops
/// waiting for the signals and ends, with nothing left running.
/// Breakage tried: the helper awaits `first` without `run_until_cancelled` -> fails.
#[tokio::test]
async fn cancelling_out_ends_the_helper() {
    let mut tasks = JoinSet::new();
    let signals: Vec<_> = (0..10).map(|_| CancellationToken::new()).collect();
    let out = or(&mut tasks, signals.clone());
    out.cancel();
    let helper = timeout(LIMIT, tasks.join_next()).await;
    assert!(matches!(helper, Ok(Some(Ok(())))), "the helper did not end");
    assert!(tasks.is_empty());
    assert!(signals.iter().all(|s| !s.is_cancelled()));
}

/// The or of no signals is never cancelled (the original's nil channel) and starts no task.
#[tokio::test]
async fn the_or_of_nothing_never_fires() {
    let mut tasks = JoinSet::new();
    let out = or(&mut tasks, Vec::new());
    assert!(tasks.is_empty());
    assert!(
        timeout(Duration::from_millis(50), out.cancelled())
            .await
            .is_err()
    );
}
