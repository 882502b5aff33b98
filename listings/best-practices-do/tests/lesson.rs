//! Habits 1 and 2, tested on the listing's own functions with tokio's paused clock: the
//! times are the clock's, not the machine's, so no test depends on how busy the machine is.

use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};
use tokio_util::sync::CancellationToken;

// The listing is one file, the one the book shows; its functions are `pub` for this test.
#[allow(dead_code)]
#[path = "../src/main.rs"]
mod listing;

use listing::{do_work, producer};

/// Habit 1: the job cancelled after 20 ms stops then, with an error, not after its 1 s; left alone,
/// it finishes its 1 s and succeeds.
/// Breakage tried: sleep the full second, then check `stop.is_cancelled()` -> fails.
#[tokio::test(start_paused = true)]
async fn the_cancelled_job_stops_at_the_cancel() {
    let stop = CancellationToken::new();
    let canceller = {
        let stop = stop.clone();
        tokio::spawn(async move {
            sleep(Duration::from_millis(20)).await;
            stop.cancel();
        })
    };
    let start = Instant::now();
    let result = do_work(&stop).await;
    let took = start.elapsed();
    canceller.await.unwrap();
    assert!(result.is_err(), "the cancelled job returned Ok");
    // 20 ms (tokio's timer may round up a millisecond), far from the job's 1000 ms.
    assert!(took < Duration::from_millis(100), "returned after {took:?}");

    let start = Instant::now();
    do_work(&CancellationToken::new()).await.unwrap();
    assert!(start.elapsed() >= Duration::from_secs(1));
}

/// Habit 2: the producer's channel closes when it has sent its values, and its task has ended:
/// the consumer's loop ends with nothing left running. (With the paused clock, a channel
/// that never closes makes the runtime idle, and the 10 s limit comes at once.)
/// Breakage tried: the producer keeps a clone of its `Sender` alive -> fails.
#[tokio::test(start_paused = true)]
async fn the_producer_closes_its_channel_and_ends() {
    let (mut numbers, producing) = producer();
    let mut got = Vec::new();
    let read_all = async {
        while let Some(n) = numbers.recv().await {
            got.push(n);
        }
    };
    timeout(Duration::from_secs(10), read_all)
        .await
        .expect("the producer's channel never closed");
    assert_eq!(got, [1, 2, 3]);
    timeout(Duration::from_secs(10), producing)
        .await
        .expect("the producer's task did not end")
        .unwrap();
}
