//! A bounded queue with a drop-new policy: when the queue is full, a new task is turned
//! away at once instead of making the producer wait.
//!
//! Notice: `try_send` is Go's select with a default case, and its error says why it
//! failed: `Full` (drop the task) or `Disconnected` (nobody will ever read it). For
//! drop-oldest, crossbeam's `ArrayQueue::force_push` evicts the oldest item instead.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel::{self, Receiver, Sender};

pub struct Task {
    pub id: u32,
}

pub struct Queue {
    tx: Sender<Task>,
    rx: Receiver<Task>,
}

impl Queue {
    pub fn new(n: usize) -> Queue {
        let (tx, rx) = channel::bounded(n);
        Queue { tx, rx }
    }

    /// Drops the new task if the queue is full.
    pub fn enqueue_non_blocking(&self, t: Task) -> bool {
        self.tx.try_send(t).is_ok()
    }

    /// Waits for a task until `deadline`: Go's context with a time-out.
    pub fn dequeue(&self, deadline: Instant) -> Option<Task> {
        self.rx.recv_deadline(deadline).ok()
    }

    fn is_empty(&self) -> bool {
        self.rx.is_empty()
    }
}

/// How long the worker waits for a task before it stops: fifty times the trickle's 10 ms,
/// so that a busy machine cannot pause the producer long enough to look like the end.
const IDLE: Duration = Duration::from_millis(500);

/// Handles tasks until none has come for `idle`, and returns their IDs.
fn worker(q: &Queue, idle: Duration) -> Vec<u32> {
    let mut handled = Vec::new();
    while let Some(t) = q.dequeue(Instant::now() + idle) {
        handled.push(t.id);
    }
    handled
}

/// Enqueues each task and sorts their IDs into queued and dropped.
fn offer(q: &Queue, ids: impl IntoIterator<Item = u32>, pause: Duration) -> (Vec<u32>, Vec<u32>) {
    let (mut queued, mut dropped) = (Vec::new(), Vec::new());
    for id in ids {
        thread::sleep(pause);
        if q.enqueue_non_blocking(Task { id }) {
            queued.push(id);
        } else {
            dropped.push(id);
        }
    }
    (queued, dropped)
}

fn list(ids: &[u32]) -> String {
    if ids.is_empty() {
        return "none".to_owned();
    }
    ids.iter().map(u32::to_string).collect::<Vec<_>>().join(" ")
}

fn main() {
    let q = Queue::new(3);

    // 1. A burst of ten tasks before the worker has started.
    let (queued, dropped) = offer(&q, 1..=10, Duration::ZERO);
    println!(
        "burst of 10 into a queue of 3: queued {}, dropped {}",
        list(&queued),
        list(&dropped)
    );

    // 2. The worker starts; five more tasks come, one every 10 ms.
    let handled = thread::scope(|s| {
        let worker = s.spawn(|| worker(&q, IDLE));
        // A new thread can wait a while for a CPU on a busy machine: the trickle starts once
        // the worker has taken the burst, not after a guess at how long that takes.
        while !q.is_empty() {
            thread::sleep(Duration::from_millis(1));
        }
        let (queued, dropped) = offer(&q, 11..=15, Duration::from_millis(10));
        println!(
            "one every 10ms: queued {}, dropped {}",
            list(&queued),
            list(&dropped)
        );
        worker.join().expect("the worker panicked")
    });

    println!("worker handled: {}", list(&handled));
}
