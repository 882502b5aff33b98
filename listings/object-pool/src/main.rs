//! A pool of reusable buffers: three rounds of four workers, and only four buffers ever made.
//!
//! Notice: `get` returns a guard, and dropping the guard clears the buffer and puts it
//! back, so no code path can forget Go's `Reset` and `Put`. Unlike `sync.Pool`, nothing
//! empties this pool behind your back. In production, take a crate: `object-pool` or
//! `lockfree-object-pool` do this with less locking.

use std::fmt::Write;
use std::ops::{Deref, DerefMut};
use std::thread;

// The lesson test compiles this file against `loom`, which runs `get` and the guard's `drop`
// from two threads under every interleaving.
#[cfg(test)]
use loom::sync::{Mutex, MutexGuard};
#[cfg(not(test))]
use std::sync::{Mutex, MutexGuard};

#[derive(Default)]
pub struct Pool {
    inner: Mutex<Inner>,
}

#[derive(Default)]
pub struct Inner {
    pub free: Vec<String>,
    pub allocated: usize,
    pub reused: usize,
}

/// A buffer on loan from the pool; it goes back when dropped.
pub struct Pooled<'a> {
    buf: String,
    pool: &'a Pool,
}

impl Pool {
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .expect("no thread panics holding the lock")
    }

    pub fn get(&self) -> Pooled<'_> {
        let mut inner = self.lock();
        let buf = match inner.free.pop() {
            Some(buf) => {
                inner.reused += 1;
                buf
            }
            None => {
                inner.allocated += 1;
                String::with_capacity(64)
            }
        };
        Pooled { buf, pool: self }
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear(); // keeps the capacity: that is what we reuse
        self.pool.lock().free.push(buf);
    }
}

impl Deref for Pooled<'_> {
    type Target = String;
    fn deref(&self) -> &String {
        &self.buf
    }
}

impl DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.buf
    }
}

fn main() {
    let pool = Pool::default();
    for round in 1..=3 {
        // Take four buffers at once, so four are in use at the same time.
        let mut bufs: Vec<Pooled> = (0..4).map(|_| pool.get()).collect();

        // Fork: each worker borrows its own buffer mutably. Join: the scope ends.
        thread::scope(|s| {
            for (i, buf) in bufs.iter_mut().enumerate() {
                let job = (round - 1) * 4 + i + 1;
                s.spawn(move || {
                    write!(buf, "{job}*{job}={}", job * job)
                        .expect("writing to a String cannot fail");
                });
            }
        });

        let lines: Vec<&str> = bufs.iter().map(|buf| buf.as_str()).collect();
        println!("round {round}: {}", lines.join(" "));
    } // `bufs` is dropped at the end of each round: every buffer goes back, emptied

    let inner = pool.lock();
    println!(
        "buffers allocated: {}, reused: {}",
        inner.allocated, inner.reused
    );
}
