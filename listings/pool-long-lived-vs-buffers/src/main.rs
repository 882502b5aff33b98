//! Reuse for short-lived scratch buffers; an explicit pool for long-lived connections.
//!
//! Notice: Rust has no `sync.Pool`, and needs none for scratch space. A `thread_local!`
//! buffer is reused by every call on its thread (`clear` keeps the capacity), with no
//! lock and no type assertion. Connections are different: they must never vanish behind
//! your back, so they live in a pool that only your code adds to and takes from, here a
//! bounded lock-free `ArrayQueue` (Go: a buffered channel). Nothing garbage-collects it.
//! In production, `r2d2` (threads) or `deadpool` and `bb8` (async) pool connections.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use crossbeam::queue::ArrayQueue;

pub static BUFFERS_MADE: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's scratch buffer, made on first use.
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new({
        BUFFERS_MADE.fetch_add(1, Ordering::Relaxed);
        Vec::with_capacity(4096)
    });
}

/// Short-lived work that needs 4 KB of scratch space for the length of one call.
pub fn process(data: &[u8]) -> usize {
    SCRATCH.with_borrow_mut(|buf| {
        buf.clear();
        buf.extend(data.iter().map(u8::to_ascii_uppercase));
        buf.iter().filter(|b| b.is_ascii_uppercase()).count()
    })
}

/// A long-lived resource: expensive to open, meant to be kept.
struct Conn {
    id: usize,
}

struct ConnPool {
    idle: ArrayQueue<Conn>,
    dialed: AtomicUsize,
}

impl ConnPool {
    fn new(max_idle: usize) -> Self {
        ConnPool {
            idle: ArrayQueue::new(max_idle),
            dialed: AtomicUsize::new(0),
        }
    }

    /// An idle connection if there is one, a new one otherwise.
    fn get(&self) -> Conn {
        self.idle.pop().unwrap_or_else(|| Conn {
            id: self.dialed.fetch_add(1, Ordering::Relaxed) + 1,
        })
    }

    /// Keeps the connection for the next caller; closes it if the pool is full.
    fn put(&self, conn: Conn) {
        // A full pool hands the connection back in the `Err`; dropping it closes it.
        let _ = self.idle.push(conn);
    }
}

fn main() {
    let letters: usize = (0..1000)
        .map(|i| process(format!("message {i}").as_bytes()))
        .sum();
    let made = BUFFERS_MADE.load(Ordering::Relaxed);
    println!("buffers: 1000 messages, {letters} letters, {made} scratch buffer made");

    let pool = ConnPool::new(2);
    let mut served_by = Vec::new();
    for _ in 0..3 {
        let conn = pool.get();
        served_by.push(format!("#{}", conn.id));
        pool.put(conn);
    }
    let dialed = pool.dialed.load(Ordering::Relaxed);
    println!(
        "connections: 3 requests served by {}; {dialed} dialed",
        served_by.join(", ")
    );
}
