//! The lesson, beyond what the program can print: `loom` runs the listing's own `Cache`
//! (src/main.rs, compiled against loom's `RwLock`) from two threads under every interleaving
//! (within loom's bounds; see its README). Readers go side by side, and `bump` loses no update
//! even when two writers race (the program has one writer, so its output cannot show that).

use std::collections::HashMap;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` is the program's; the tests use the cache
mod listing;

use listing::Cache;
use loom::sync::{Arc, RwLock};
use loom::thread;

fn cache() -> Arc<Cache> {
    Arc::new(Cache {
        entries: RwLock::new(HashMap::from([("k0".to_owned(), 0)])),
    })
}

/// While this thread holds a read guard, another thread's `get` goes ahead.
// Breakage tried: `get` takes `write()` instead of `read()` -> fails (loom: deadlock, the
// second reader waits for the first, which waits for the join).
#[test]
fn readers_run_side_by_side() {
    loom::model(|| {
        let cache = cache();
        let held = cache
            .entries
            .read()
            .expect("no thread panics holding the lock");
        let reader = thread::spawn({
            let cache = Arc::clone(&cache);
            move || cache.get("k0")
        });
        let got = reader.join().expect("the reader panicked");
        drop(held);
        assert_eq!(got, Some(0));
    });
}

/// Two writers bump one key twice each while the other reads it: exactly 4.
// Breakage tried: `bump` reads the version under `read()`, then stores version + 1 under
// `write()` (a read lock is not upgraded in place) -> fails (left: Some(2) or Some(3)).
#[test]
fn no_write_is_lost_when_writers_race() {
    loom::model(|| {
        let cache = cache();
        let other = thread::spawn({
            let cache = Arc::clone(&cache);
            move || (0..2).for_each(|_| cache.bump("k0"))
        });
        (0..2).for_each(|_| cache.bump("k0"));
        other.join().expect("the other writer panicked");
        assert_eq!(cache.get("k0"), Some(4));
    });
}
