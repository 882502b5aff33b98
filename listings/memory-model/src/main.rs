//! Message passing through an atomic flag: a `Release` store publishes the data written
//! before it to the thread whose `Acquire` load reads that store.
//!
//! Notice: safe Rust cannot share a plain integer between a writer and a reader, so the
//! data is an atomic too, written `Relaxed`. `Relaxed` alone orders nothing; the
//! `Release`/`Acquire` pair on the flag is what makes "data, then flag" arrive in that
//! order. Go's atomics are all sequentially consistent (Rust's `SeqCst`), which is
//! stronger than this pair; Rust lets you say which ordering you need.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

fn main() {
    const ROUNDS: u32 = 200;
    let mut saw = 0;
    for _ in 0..ROUNDS {
        let data = AtomicU64::new(0);
        let ready = AtomicBool::new(false);

        let reader_saw = thread::scope(|s| {
            s.spawn(|| {
                // writer
                data.store(42, Ordering::Relaxed);
                ready.store(true, Ordering::Release); // publish: every write before this...
            });
            let reader = s.spawn(|| {
                while !ready.load(Ordering::Acquire) {
                    // ...is visible to whoever reads `true` here
                    thread::yield_now();
                }
                data.load(Ordering::Relaxed) == 42
            });
            reader.join().expect("the reader panicked")
        });
        saw += u32::from(reader_saw);
    }
    println!("message passing: the reader saw the data in {saw} of {ROUNDS} rounds");
}
