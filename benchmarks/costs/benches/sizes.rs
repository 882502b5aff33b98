//! Memory: the size of channel handles and of a task, and what creating them allocates.
//!
//! A global allocator that counts (`stats_alloc`) wraps the system allocator; each
//! measurement reads the counters before and after, on one thread, with nothing else running.

use std::alloc::System;
use std::hint::black_box;
use std::mem::size_of_val;

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Runs `make` and returns the bytes it allocated and did not free, and what it made.
fn heap<T>(make: impl FnOnce() -> T) -> (isize, T) {
    let region = Region::new(GLOBAL);
    let made = black_box(make());
    let change = region.change();
    let live = change.bytes_allocated as isize - change.bytes_deallocated as isize
        + change.bytes_reallocated;
    (live, made)
}

/// Prints a table row for one kind of channel: its handles' size and its heap on creation.
fn channel<S, R>(what: &str, make: impl FnOnce() -> (S, R)) {
    let (bytes, (tx, rx)) = heap(make);
    let handles = size_of_val(&tx) + size_of_val(&rx);
    println!("| {what} | {handles} | {bytes} |");
}

fn main() {
    // `cargo bench` passes flags such as `--bench`; this bench ignores them and prints tables.
    println!("| channel (u64 messages) | Sender + Receiver (bytes) | heap on creation (bytes) |");
    println!("|---|---|---|");
    channel("crossbeam bounded(0)", || {
        crossbeam::channel::bounded::<u64>(0)
    });
    channel("crossbeam bounded(1)", || {
        crossbeam::channel::bounded::<u64>(1)
    });
    channel("crossbeam bounded(100)", || {
        crossbeam::channel::bounded::<u64>(100)
    });
    channel(
        "crossbeam unbounded (empty)",
        crossbeam::channel::unbounded::<u64>,
    );
    channel("tokio mpsc channel(1)", || {
        tokio::sync::mpsc::channel::<u64>(1)
    });
    channel("tokio mpsc channel(100)", || {
        tokio::sync::mpsc::channel::<u64>(100)
    });
    channel(
        "tokio mpsc unbounded (empty)",
        tokio::sync::mpsc::unbounded_channel::<u64>,
    );
    channel("tokio oneshot", tokio::sync::oneshot::channel::<u64>);

    // A task is its future plus a header, in one allocation, made by `spawn`.
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    rt.block_on(async {
        let _warm = tokio::spawn(async {}).await; // the first spawn sets up the runtime's queues
        let small = async { black_box(1u64) };
        let small_size = size_of_val(&small);
        let (bytes, task) = heap(|| tokio::spawn(small));
        let _ = task.await;
        println!();
        println!("| tokio task | size of the future (bytes) | heap on spawn (bytes) |");
        println!("|---|---|---|");
        println!("| `async {{ 1u64 }}` | {small_size} | {bytes} |");
        let big = async {
            let buf = [0u8; 1024];
            tokio::task::yield_now().await; // `buf` lives across an await: it is in the future
            black_box(buf[0])
        };
        let big_size = size_of_val(&big);
        let (bytes, task) = heap(|| tokio::spawn(big));
        let _ = task.await;
        println!("| a future holding 1 KiB across an `.await` | {big_size} | {bytes} |");
    });
}
