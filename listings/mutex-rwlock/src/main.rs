//! A read-mostly cache behind an `RwLock`, and statistics behind a `Mutex`.
//!
//! Notice: the lock *owns* the data. There is no way to reach `entries` or `hits`
//! without taking the lock, and the guard unlocks when it goes out of scope, so there
//! is no `Unlock` to forget. `read()` guards run side by side; `write()` waits for them.

use std::collections::HashMap;
use std::thread;

// The lesson test compiles this file against `loom`, which runs the cache's methods from
// several threads under every interleaving.
#[cfg(test)]
use loom::sync::{Mutex, RwLock};
#[cfg(not(test))]
use std::sync::{Mutex, RwLock};

pub struct Cache {
    pub entries: RwLock<HashMap<String, u32>>, // key -> version
}

impl Cache {
    pub fn get(&self, key: &str) -> Option<u32> {
        let entries = self
            .entries
            .read()
            .expect("no thread panics holding the lock");
        entries.get(key).copied()
    } // the read guard is dropped here: RUnlock

    pub fn bump(&self, key: &str) {
        let mut entries = self
            .entries
            .write()
            .expect("no thread panics holding the lock");
        *entries.entry(key.to_owned()).or_default() += 1;
    }
}

#[derive(Default)]
struct Stats {
    hits: u32,
    misses: u32,
}

fn main() {
    let cache = Cache {
        // k0..k7 exist, k8 and k9 never will.
        entries: RwLock::new((0..8).map(|k| (format!("k{k}"), 0)).collect()),
    };
    let stats = Mutex::new(Stats::default());

    thread::scope(|s| {
        for _ in 0..4 {
            // four readers, 1000 lookups each
            s.spawn(|| {
                for i in 0..1000 {
                    let hit = cache.get(&format!("k{}", i % 10)).is_some();
                    let mut stats = stats.lock().expect("no thread panics holding the lock");
                    if hit {
                        stats.hits += 1;
                    } else {
                        stats.misses += 1;
                    }
                }
            });
        }
        // one writer, 100 updates
        s.spawn(|| (0..100).for_each(|_| cache.bump("k0")));
    });

    // Every thread is joined, so nobody else holds a reference: `into_inner` needs no lock.
    let stats = stats
        .into_inner()
        .expect("no thread panicked holding the lock");
    let version = cache.get("k0").unwrap_or_default();
    let lookups = stats.hits + stats.misses;
    println!(
        "lookups: {lookups} (hits {}, misses {})",
        stats.hits, stats.misses
    );
    println!("writes: 100, version of k0: {version}");
}
