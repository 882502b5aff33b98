//! Two requests create the same user: each asks "does id 1 exist?", hears "no", and INSERTs.
//!
//! Notice: every single operation on the table is atomic (it holds the lock), yet
//! "check, then insert" is not: the lock is let go between the two steps, and the other
//! request's check fits in the gap. A `Barrier` forces that interleaving on every run, so one
//! INSERT always fails with a duplicate key. The fix makes deciding and inserting one step
//! under one lock: the `entry` API here, `INSERT ... ON CONFLICT (id) DO NOTHING` in SQL.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::{Barrier, Mutex, MutexGuard};
use std::thread;

pub struct User {
    name: &'static str,
    balance: i64,
}

/// The error a database gives when a primary key is taken.
#[derive(Debug)]
struct DuplicateKey(u32);

impl fmt::Display for DuplicateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "duplicate key: id {} already exists", self.0)
    }
}

impl std::error::Error for DuplicateKey {}

/// The `users` table: a map from primary key to row, behind one lock. (`pub` so that
/// `tests/lesson.rs` can run many requests at once against `insert_if_absent`.)
#[derive(Default)]
pub struct Users(Mutex<HashMap<u32, User>>);

impl Users {
    fn rows(&self) -> MutexGuard<'_, HashMap<u32, User>> {
        self.0
            .lock()
            .expect("no thread panics while holding the table lock")
    }

    /// `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1)`: atomic on its own.
    fn exists(&self, id: u32) -> bool {
        self.rows().contains_key(&id)
    }

    /// `INSERT INTO users ...`: atomic on its own; fails if the key is taken.
    fn insert(&self, id: u32, user: User) -> Result<(), DuplicateKey> {
        match self.rows().entry(id) {
            Entry::Occupied(_) => Err(DuplicateKey(id)),
            Entry::Vacant(row) => {
                row.insert(user);
                Ok(())
            }
        }
    }

    /// `INSERT ... ON CONFLICT (id) DO NOTHING`: the check and the insert under one lock.
    /// Returns whether this call inserted the row.
    pub fn insert_if_absent(&self, id: u32, user: User) -> bool {
        match self.rows().entry(id) {
            Entry::Occupied(_) => false,
            Entry::Vacant(row) => {
                row.insert(user);
                true
            }
        }
    }
}

pub fn ali() -> User {
    User {
        name: "Ali",
        balance: 100,
    }
}

/// Runs `request` on two threads at once and returns their answers, A's first.
fn two_requests<T: Send>(request: impl Fn(&Barrier) -> T + Sync) -> anyhow::Result<[T; 2]> {
    let both_here = Barrier::new(2);
    thread::scope(|s| {
        let a = s.spawn(|| request(&both_here));
        let b = s.spawn(|| request(&both_here));
        let join = |h: thread::ScopedJoinHandle<'_, T>| {
            h.join().map_err(|_| anyhow::anyhow!("a request panicked"))
        };
        Ok([join(a)?, join(b)?])
    })
}

/// What a request ends with: `Ok(true)` if it inserted the row, `Ok(false)` if it inserted
/// nothing, `Err` if its INSERT failed.
type Answer = Result<bool, DuplicateKey>;

/// Counts what the two requests did and what the table holds.
fn summary(answers: &[Answer; 2], users: &Users) -> String {
    let inserted = answers.iter().filter(|a| matches!(a, Ok(true))).count();
    let errors = answers.iter().filter(|a| a.is_err()).count();
    let rows = users.rows().len();
    format!("  inserted: {inserted}, errors: {errors}, rows: {rows}")
}

fn main() -> anyhow::Result<()> {
    println!("check, then insert (two atomic steps):");
    let users = Users::default();
    let answers = two_requests(|both_here| {
        let free = !users.exists(1);
        both_here.wait(); // both have checked before either inserts
        if free {
            users.insert(1, ali()).map(|()| true)
        } else {
            Ok(false)
        }
    })?;
    for (name, answer) in ["A", "B"].iter().zip(&answers) {
        match answer {
            Ok(true) => println!("  request {name}: id 1 was free, INSERT succeeded"),
            Ok(false) => println!("  request {name}: id 1 was taken, no INSERT"),
            Err(e) => println!("  request {name}: id 1 was free, INSERT failed: {e}"),
        }
    }
    println!("{}", summary(&answers, &users));

    println!("check and insert in one step (ON CONFLICT DO NOTHING):");
    let users = Users::default();
    let answers = two_requests(|both_here| {
        both_here.wait(); // both arrive together here too
        Ok(users.insert_if_absent(1, ali())) // cannot fail: a taken id is an answer
    })?;
    for (name, answer) in ["A", "B"].iter().zip(&answers) {
        match answer {
            Ok(true) => println!("  request {name}: inserted"),
            Ok(false) => println!("  request {name}: already there"),
            Err(e) => println!("  request {name}: failed: {e}"),
        }
    }
    println!("{}", summary(&answers, &users));

    for (id, user) in users.rows().iter() {
        println!("users: ({id}, '{}', {})", user.name, user.balance);
    }
    Ok(())
}
