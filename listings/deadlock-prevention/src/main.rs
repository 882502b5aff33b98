//! The original's five rules against deadlock, one small function each. Rules 1 to 3 move money
//! between two accounts from two threads at once, 1000 transfers each way.
//!
//! Notice: rule 1 breaks the cycle of waiting by a global order; rule 2 leaves nothing to
//! order, since one lock guards both balances; rule 3 has no lock at all, one thread owns the
//! balances. Rules 4 and 5 do not prevent the wait, they bound it: a timeout in `select!`, and
//! a `done` channel (Go's `ctx.Done()`) that a long-running thread selects on.

use std::sync::{Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crossbeam::channel;

const TRANSFERS: usize = 1000;

pub struct Account {
    id: u32,
    pub balance: Mutex<i64>,
}

impl Account {
    pub fn new(id: u32, balance: i64) -> Self {
        Account {
            id,
            balance: Mutex::new(balance),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, i64> {
        self.balance
            .lock()
            .expect("no thread panics holding a lock")
    }
}

/// Rule 1: lock ordering. Whichever way the money goes, the lower id is locked first.
pub fn transfer(from: &Account, to: &Account, amount: i64) {
    let (mut from_balance, mut to_balance) = if from.id < to.id {
        let f = from.lock();
        (f, to.lock())
    } else {
        let t = to.lock();
        (from.lock(), t)
    };
    *from_balance -= amount;
    *to_balance += amount;
}

fn lock_ordering() -> String {
    let (a, b) = (Account::new(1, 100), Account::new(2, 100));
    thread::scope(|s| {
        s.spawn(|| (0..TRANSFERS).for_each(|_| transfer(&a, &b, 1)));
        s.spawn(|| (0..TRANSFERS).for_each(|_| transfer(&b, &a, 1)));
    });
    format!("A = {}, B = {}", a.lock(), b.lock())
}

/// Rule 2: avoid nested locks. The balances change together, so one lock guards both:
/// a thread never holds one lock while it waits for another.
fn one_lock() -> String {
    let balances = Mutex::new([100_i64, 100]);
    let transfer = |from: usize, to: usize| {
        let mut b = balances.lock().expect("no thread panics holding the lock");
        b[from] -= 1;
        b[to] += 1;
    };
    thread::scope(|s| {
        s.spawn(|| (0..TRANSFERS).for_each(|_| transfer(0, 1)));
        s.spawn(|| (0..TRANSFERS).for_each(|_| transfer(1, 0)));
    });
    let [a, b] = balances
        .into_inner()
        .expect("no thread panicked holding the lock");
    format!("A = {a}, B = {b}")
}

/// Rule 3: use channels. One thread owns the balances; the others send it transfers.
fn channels() -> anyhow::Result<String> {
    let (tx, rx) = channel::bounded::<(usize, usize)>(16);
    thread::scope(|s| {
        let owner = s.spawn(move || {
            let mut balances = [100_i64, 100];
            for (from, to) in rx {
                balances[from] -= 1;
                balances[to] += 1;
            }
            balances // the loop ends when every sender is gone
        });
        for (from, to) in [(0, 1), (1, 0)] {
            let tx = tx.clone();
            // `try_for_each` stops early only if the owner is gone.
            s.spawn(move || (0..TRANSFERS).try_for_each(|_| tx.send((from, to))));
        }
        drop(tx);
        let [a, b] = owner
            .join()
            .map_err(|_| anyhow::anyhow!("the owner thread panicked"))?;
        Ok(format!("A = {a}, B = {b}"))
    })
}

/// Rule 4: timeouts. Ask a server that never answers, and stop waiting after 100 ms.
/// (`pub` so that `tests/lesson.rs` can time it.)
pub fn timeout() -> String {
    let (_server, reply) = channel::bounded::<u32>(0); // alive, but it never sends
    let patience = Duration::from_millis(100);
    crossbeam::select! {
        recv(reply) -> answer => format!("answer {answer:?}"),
        default(patience) => format!("no reply within {patience:?}, gave up instead of waiting for ever"),
    }
}

/// Rule 5: context cancellation. The worker selects on a `done` channel next to each send, the
/// way a Go worker selects on `ctx.Done()`, and stops once `main` closes it. (In async code,
/// tokio-util's `CancellationToken` is the same signal.)
fn cancellation() -> anyhow::Result<String> {
    // Nothing is ever sent on `done`: dropping `cancel` closes it, like Go's `cancel()`.
    let (cancel, done) = channel::bounded::<()>(0);
    let (tx, values) = channel::bounded(0);
    thread::scope(|s| {
        let worker = s.spawn(move || {
            for i in 1_u64.. {
                channel::select_biased! {
                    recv(done) -> _ => return, // closed: cancelled
                    send(tx, i) -> sent => if sent.is_err() { return },
                }
            }
        });
        let took = values.iter().take(3).count();
        drop(cancel);
        // Returns only because the worker saw the cancellation: `values` is still open.
        worker
            .join()
            .map_err(|_| anyhow::anyhow!("the worker panicked"))?;
        Ok(format!("took {took} values, cancelled, the worker stopped"))
    })
}

fn main() -> anyhow::Result<()> {
    println!(
        "1. lock ordering: {TRANSFERS} transfers each way, {}",
        lock_ordering()
    );
    println!(
        "2. one lock, not two: {TRANSFERS} transfers each way, {}",
        one_lock()
    );
    println!(
        "3. channels, no lock: {TRANSFERS} transfers each way, {}",
        channels()?
    );
    println!("4. timeout: {}", timeout());
    println!("5. cancellation: {}", cancellation()?);
    Ok(())
}
