//! The original's four mistakes, each run safely and followed by its fix.
//!
//! Notice what is left of each mistake in Rust. (1) A `Receiver` cannot close a channel;
//! it can only be dropped, and then the producer's `send` returns an error instead of
//! panicking. (2) A send that nobody will receive does not block for ever once the
//! `Receiver` is gone: it fails. (3) An ignored `Result` is a `must_use` warning, an error
//! under `-D warnings`. (4) Two threads writing one plain variable do not compile at all.
//! The last two are in `compile-fail/`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::{self, JoinHandle};

use anyhow::{Result, anyhow, bail};
use crossbeam::channel::{SendError, Sender, bounded};

pub fn producer(tx: Sender<u32>) -> Result<(), SendError<u32>> {
    for n in 1..=3 {
        tx.send(n)?;
    }
    Ok(()) // `tx` is dropped here: the channel closes
}

/// A send that nobody receives. In Go its goroutine blocks for ever; here the `Receiver`
/// is dropped when `leak` returns, and the blocked `send` fails instead.
pub fn leak() -> JoinHandle<Result<(), SendError<u32>>> {
    let (tx, _rx) = bounded(0);
    thread::spawn(move || tx.send(1))
}

fn do_something() -> Result<()> {
    bail!("disk full")
}

fn panicked<E>(_: E) -> anyhow::Error {
    anyhow!("a thread panicked")
}

fn main() -> Result<()> {
    // 1. Close on the producer side only.
    let (tx, rx) = bounded(0);
    let sent = thread::scope(|s| {
        let producing = s.spawn(move || producer(tx));
        let _first = rx.recv();
        drop(rx); // don't: the consumer decides the channel is finished
        producing.join()
    });
    if sent.map_err(panicked)?.is_err() {
        println!("1. don't: the consumer closed the channel; the producer's next send failed");
    }
    let (tx, rx) = bounded(0);
    let read = thread::scope(|s| {
        s.spawn(move || producer(tx));
        rx.iter().count() // ends when the producer drops its `Sender`
    });
    println!(
        "1. do: the producer closed the channel after {read} values; the consumer's loop ended"
    );

    // 2. No send without a receiver, or without room to finish.
    let sender = leak();
    println!("2. don't: leak() returned with a send nobody will receive");
    let _ = sender.join().map_err(panicked)?; // the send failed once `leak` returned
    let (tx, _rx) = bounded(1);
    if thread::spawn(move || tx.send(1))
        .join()
        .map_err(panicked)?
        .is_ok()
    {
        println!("2. do: with a buffer of 1, the sender finished on its own");
    }

    // 3. Errors come back from threads.
    thread::spawn(|| {
        let _ = do_something(); // don't: Rust makes you write `let _` to drop it
    })
    .join()
    .map_err(panicked)?;
    println!("3. don't: the worker's error was dropped; the caller saw nothing");
    if let Err(err) = thread::spawn(do_something).join().map_err(panicked)? {
        println!("3. do: the error reached the caller: {err}");
    }

    // 4. Shared state only with synchronization.
    let counter = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..1000 {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let total = counter.into_inner();
    println!("4. do: two workers added 1000 each to an atomic counter: {total}");
    Ok(())
}
