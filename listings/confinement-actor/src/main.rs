//! An actor: one thread owns the counter, and every other thread talks to it through a
//! channel of commands.
//!
//! Notice: `val` is a local variable of `run`, so nothing guards it and nothing needs to.
//! The commands are an `enum`, so `match` must handle every kind (Go's type switch does
//! not check that). And the actor needs no context to stop: when the last `Counter`
//! handle is dropped, its channel closes and the `for` loop in `run` ends.

use std::thread;

use anyhow::anyhow;
use crossbeam::channel::{self, Receiver, Sender};

enum Command {
    Add(i64),
    Get(Sender<i64>),
}

/// A handle on the actor. Cloning it gives another thread its own way in.
#[derive(Clone)]
pub struct Counter {
    cmds: Sender<Command>,
}

impl Counter {
    /// Starts the owner thread; it runs until every handle is dropped.
    pub fn spawn(buffer: usize) -> (Counter, thread::JoinHandle<()>) {
        let (cmds, inbox) = channel::bounded(buffer);
        let owner = thread::spawn(move || run(inbox));
        (Counter { cmds }, owner)
    }

    pub fn add(&self, n: i64) -> anyhow::Result<()> {
        self.cmds
            .send(Command::Add(n))
            .map_err(|_| anyhow!("the counter has stopped"))
    }

    /// `None` if the actor has stopped: Go's `(0, false)`.
    pub fn get(&self) -> Option<i64> {
        let (reply, answer) = channel::bounded(1);
        self.cmds.send(Command::Get(reply)).ok()?;
        answer.recv().ok()
    }
}

/// The owner: the only code that ever reads or writes `val`.
fn run(inbox: Receiver<Command>) {
    let mut val = 0;
    for cmd in inbox {
        match cmd {
            Command::Add(n) => val += n,
            // The reply channel has room for one answer, so this never blocks; if the
            // asker has gone away, the answer is simply dropped.
            Command::Get(reply) => _ = reply.send(val),
        }
    }
}

fn main() -> anyhow::Result<()> {
    let (counter, owner) = Counter::spawn(16);

    // Ten threads add 1, a hundred times each, all at the same time.
    thread::scope(|s| {
        let adders: Vec<_> = (0..10)
            .map(|_| {
                let counter = counter.clone();
                s.spawn(move || (0..100).try_for_each(|_| counter.add(1)))
            })
            .collect();
        adders
            .into_iter()
            .try_for_each(|adder| adder.join().expect("an adder panicked"))
    })?;

    if let Some(v) = counter.get() {
        println!("value: {v}");
    }

    drop(counter); // the last handle: the owner's loop ends
    owner.join().expect("the owner panicked");
    println!("actor stopped");
    Ok(())
}
