//! A done signal carries no data: Go sends `struct{}{}`, Rust sends `()`. Both are zero bytes.
//!
//! Notice: a send wakes exactly one receiver, but dropping the last `Sender` closes the
//! channel, and every receiver, now or later, sees it. Dropping is Rust's `close(stop)`:
//! `recv(stop) -> _` fires with `Err(RecvError)`, which here means "stop".

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, select};

fn main() -> anyhow::Result<()> {
    println!("size of the signal: {} bytes", size_of::<()>());

    // One to one: the worker sends a single `()` when its job is done.
    let (done_tx, done_rx) = channel::bounded::<()>(0);
    let worker = thread::spawn(move || {
        println!("worker: job done, signalling");
        done_tx.send(()) // send signal
    });
    done_rx.recv()?; // receive signal
    println!("main: got the done signal");
    worker
        .join()
        .map_err(|_| anyhow::anyhow!("the worker panicked"))??;

    // One to many: nobody ever sends on `stop`; dropping its only sender is the broadcast.
    let (stop_tx, stop_rx) = channel::bounded::<()>(0);
    let tick = channel::tick(Duration::from_millis(5));
    thread::scope(|s| {
        for id in 1..=3 {
            let (stop, tick) = (stop_rx.clone(), tick.clone());
            s.spawn(move || {
                loop {
                    select! {
                        recv(stop) -> _ => break, // closed: every worker gets here
                        recv(tick) -> _ => {}     // keep working until told to stop
                    }
                }
                println!("worker {id} stopping");
            });
        }
        thread::sleep(Duration::from_millis(20));
        println!("main: closing stop");
        drop(stop_tx); // close(stop)
    });
    println!("main: all 3 workers stopped");
    Ok(())
}
