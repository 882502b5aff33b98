//! Message passing through an atomic flag: a `Release` store publishes the data written
//! before it to the thread whose `Acquire` load reads that store.
//!
//! Notice: safe Rust cannot share a plain integer between a writer and a reader, so the
//! data is an atomic too, written `Relaxed`. `Relaxed` alone orders nothing; the
//! `Release`/`Acquire` pair on the flag is what makes "data, then flag" arrive in that
//! order. Go's atomics are all sequentially consistent (Rust's `SeqCst`), which is
//! stronger than this pair; Rust lets you say which ordering you need.

use std::thread;

// The lesson test compiles this file against `loom`, which runs `send` and `receive` under
// every interleaving, and with every value a load may return, that the memory model allows.
#[cfg(test)]
use loom::{
    sync::atomic::{AtomicBool, AtomicU64, Ordering},
    thread::yield_now,
};
#[cfg(not(test))]
use std::{
    sync::atomic::{AtomicBool, AtomicU64, Ordering},
    thread::yield_now,
};

#[derive(Default)]
pub struct Mailbox {
    data: AtomicU64,
    ready: AtomicBool,
}

impl Mailbox {
    /// The writer: the data first, then the flag.
    pub fn send(&self, value: u64) {
        self.data.store(value, Ordering::Relaxed);
        self.ready.store(true, Ordering::Release); // publish: every write before this...
    }

    /// The reader: waits for the flag, then reads the data.
    pub fn receive(&self) -> u64 {
        while !self.ready.load(Ordering::Acquire) {
            // ...is visible to whoever reads `true` here
            yield_now();
        }
        self.data.load(Ordering::Relaxed)
    }
}

fn main() {
    const ROUNDS: u32 = 200;
    let mut saw = 0;
    for _ in 0..ROUNDS {
        let mailbox = Mailbox::default();
        let got = thread::scope(|s| {
            s.spawn(|| mailbox.send(42));
            let reader = s.spawn(|| mailbox.receive());
            reader.join().expect("the reader panicked")
        });
        saw += u32::from(got == 42);
    }
    println!("message passing: the reader saw the data in {saw} of {ROUNDS} rounds");
}
