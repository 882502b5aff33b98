//! The lesson, model-checked: `loom` runs the listing's own `count` and `buy` on two threads
//! under every interleaving (within loom's bounds; see its README), with small numbers so that
//! each model takes a fraction of a second. No interleaving may lose an update or sell a ticket
//! beyond the stock, and `Relaxed` must be enough: the join makes the final values visible.

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and its constants are the program's; the tests use the functions
mod listing;

use listing::{buy, count};
use loom::sync::atomic::{AtomicU64, Ordering::Relaxed};
use loom::sync::{Arc, Mutex};
use loom::thread;

/// Two threads add 2 each: both counters end at exactly 4.
// Breakage tried: `fetch_add(1)` -> `store(load() + 1)` -> fails (atomic add: 3);
// the mutex increment split into a locked read and a locked write -> fails (mutex: 3).
#[test]
fn no_interleaving_loses_an_increment() {
    loom::model(|| {
        let atomic_count = Arc::new(AtomicU64::new(0));
        let mutex_count = Arc::new(Mutex::new(0));
        let other = thread::spawn({
            let (atomic_count, mutex_count) = (Arc::clone(&atomic_count), Arc::clone(&mutex_count));
            move || count(&atomic_count, &mutex_count, 2)
        });
        count(&atomic_count, &mutex_count, 2);
        other.join().expect("the other thread panicked");
        assert_eq!(atomic_count.load(Relaxed), 4, "atomic add lost an update");
        assert_eq!(
            *mutex_count.lock().expect("not poisoned"),
            4,
            "mutex lost an update"
        );
    });
}

/// Two threads try to buy 2 tickets each from a stock of 3: exactly 3 sold, 1 refused.
// Breakage tried: the CAS replaced by "load, check, store n + 1" -> fails (sold 2: both
// threads sold the same ticket); `n == stock` -> `n > stock` -> fails (sold 4).
#[test]
fn no_interleaving_sells_beyond_the_stock() {
    loom::model(|| {
        let sold = Arc::new(AtomicU64::new(0));
        let refused = Arc::new(AtomicU64::new(0));
        let other = thread::spawn({
            let (sold, refused) = (Arc::clone(&sold), Arc::clone(&refused));
            move || buy(&sold, &refused, 2, 3)
        });
        buy(&sold, &refused, 2, 3);
        other.join().expect("the other thread panicked");
        let (sold, refused) = (sold.load(Relaxed), refused.load(Relaxed));
        assert_eq!((sold, refused), (3, 1), "sold {sold}, refused {refused}");
    });
}
