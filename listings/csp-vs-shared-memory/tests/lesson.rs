//! The shared cache's promise, under contention: while one thread keeps replacing the value,
//! readers always find the key (the old value or the new one, never a gap), in both caches.
//! The program's single write among 400 reads shows this once; this test makes the window wide.

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use dashmap::DashMap;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the demo are not used here
mod listing;

use listing::Cache;

const WRITES: usize = 20_000;

fn readers_never_miss(cache: &impl Cache) {
    cache.store("config", "v0");
    let writing = AtomicBool::new(true);
    let missed: usize = thread::scope(|s| {
        let readers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut missed = 0;
                    while writing.load(Ordering::Relaxed) {
                        missed += usize::from(cache.load("config").is_none());
                    }
                    missed
                })
            })
            .collect();
        for i in 0..WRITES {
            cache.store("config", if i % 2 == 0 { "v1" } else { "v2" });
        }
        writing.store(false, Ordering::Relaxed);
        readers
            .into_iter()
            .map(|r| r.join().expect("a reader panicked"))
            .sum()
    });
    assert_eq!(missed, 0, "readers found no key {missed} times");
}

#[test]
fn concurrent_map_readers_never_miss_the_key() {
    readers_never_miss(&DashMap::new());
}

#[test]
fn rwlock_map_readers_never_miss_the_key() {
    readers_never_miss(&RwLock::new(HashMap::new()));
}
