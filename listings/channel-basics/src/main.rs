//! Channels: unbuffered and buffered, closing, iterating a receiver, select with a timeout.
//!
//! Notice: `bounded(0)` is Go's unbuffered channel: a send completes only when a
//! receiver takes the value. There is no `close`: the channel closes when the last
//! `Sender` is dropped, so sending on a closed channel (a panic in Go) cannot be written.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Sender, select};

/// Reports whether `v` could be sent without waiting.
fn try_send(tx: &Sender<i32>, v: i32) -> bool {
    tx.try_send(v).is_ok()
}

fn main() -> anyhow::Result<()> {
    // Unbuffered: with no receiver waiting, a send would block.
    let (unbuffered, _keep_open) = channel::bounded(0);
    println!(
        "unbuffered, nobody receiving: send would block: {}",
        !try_send(&unbuffered, 1)
    );

    // Buffered: two sends fit, the third would block.
    let (buffered, _keep_open) = channel::bounded(2);
    let fits = [1, 2, 3].map(|v| try_send(&buffered, v));
    println!(
        "buffered(2): sends that fit: {} {} {}",
        fits[0], fits[1], fits[2]
    );

    // Close: the producer's sender is dropped when its thread ends, which ends the loop.
    let (tx, numbers) = channel::bounded(0);
    let producer = thread::spawn(move || {
        for i in 1..=5 {
            tx.send(i)?;
        }
        anyhow::Ok(())
    }); // `tx` moved into the thread: when the thread returns, the channel closes
    for n in &numbers {
        println!("range: got {n}");
    }
    println!("range ended: the channel is closed");
    let ok = numbers.recv().is_ok();
    println!("receive from a closed, empty channel succeeds: {ok}");
    producer
        .join()
        .map_err(|_| anyhow::anyhow!("the producer panicked"))??;

    // Select with a timeout: one channel answers in time, the other never answers.
    let (fast_tx, fast) = channel::bounded(1);
    let replier = thread::spawn(move || {
        thread::sleep(Duration::from_millis(10));
        fast_tx.send("reply")
    });
    let (_silent_tx, silent) = channel::bounded::<&str>(0);
    for rx in [&fast, &silent] {
        select! {
            recv(rx) -> msg => println!("select: got {} before the timeout", msg?),
            default(Duration::from_millis(200)) => println!("select: timed out after 200ms"),
        }
    }
    replier
        .join()
        .map_err(|_| anyhow::anyhow!("the replier panicked"))??;
    Ok(())
}
