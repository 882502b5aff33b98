//! A bounded queue from a `Mutex` and two `Condvar`s: one producer, two consumers.
//!
//! Notice: a `Condvar` waits on a `MutexGuard`, so you cannot wait without holding the
//! lock, and `wait_while` re-checks the condition after every wake-up (Go's `for` loop
//! around `Wait`). `notify_one` is Go's `Signal`; `close` uses `notify_all`, Go's
//! `Broadcast`. In production a bounded channel (`crossbeam::channel::bounded`) is this
//! whole queue; a `Condvar` is for conditions that are not "a channel has a message".

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

pub struct State {
    items: VecDeque<u32>,
    closed: bool,
    pub max_len: usize, // the longest the queue has been, to check the bound
}

pub struct Queue {
    state: Mutex<State>,
    not_empty: Condvar,
    not_full: Condvar,
    capacity: usize,
}

impl Queue {
    pub fn new(capacity: usize) -> Self {
        let state = State {
            items: VecDeque::with_capacity(capacity),
            closed: false,
            max_len: 0,
        };
        Queue {
            state: Mutex::new(state),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            capacity,
        }
    }

    pub fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .expect("no thread panics holding the lock")
    }

    pub fn push(&self, item: u32) {
        // Unlocks while asleep, locks again before it checks or returns.
        let mut state = self
            .not_full
            .wait_while(self.lock(), |s| s.items.len() == self.capacity)
            .expect("no thread panics holding the lock");
        state.items.push_back(item);
        state.max_len = state.max_len.max(state.items.len());
        self.not_empty.notify_one();
    }

    /// Returns `None` once the queue is closed and empty.
    pub fn pop(&self) -> Option<u32> {
        let mut state = self
            .not_empty
            .wait_while(self.lock(), |s| s.items.is_empty() && !s.closed)
            .expect("no thread panics holding the lock");
        let item = state.items.pop_front()?;
        self.not_full.notify_one();
        Some(item)
    }

    pub fn close(&self) {
        self.lock().closed = true;
        self.not_empty.notify_all(); // wake every consumer, not just one
    }
}

fn main() {
    let queue = Queue::new(3);

    // Each consumer returns what it took, in the order it took it.
    let got: Vec<Vec<u32>> = thread::scope(|s| {
        let consumers: Vec<_> = (0..2)
            .map(|_| s.spawn(|| std::iter::from_fn(|| queue.pop()).collect()))
            .collect();
        for item in 1..=20 {
            queue.push(item);
        }
        queue.close();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer panicked"))
            .collect()
    });

    let mut all = got.concat();
    all.sort_unstable();
    let each_once = all.iter().copied().eq(1..=20);
    let fifo = got.iter().all(|items| items.is_sorted());
    let max_len = queue.lock().max_len;
    println!("producer: pushed 1..=20 into a queue of capacity 3, then closed it");
    println!(
        "consumers: took {} items, each exactly once: {each_once}",
        all.len()
    );
    println!("each consumer saw its items in FIFO order: {fifo}");
    println!("the queue never held more than 3 items: {}", max_len <= 3);
}
