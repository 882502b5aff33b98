//! The lesson, model-checked: the program takes its buffers from one thread, so its output
//! cannot show what happens when `get` and the guard's `drop` race. Here `loom` runs the
//! listing's own `Pool` (src/main.rs, compiled against loom's `Mutex`) from two threads under
//! every interleaving (within loom's bounds; see its README).

use std::fmt::Write;

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` is the program's; the tests use the pool
mod listing;

use listing::Pool;
use loom::sync::Arc;
use loom::thread;

/// Takes a buffer, checks it came back empty, writes into it, and checks nobody else did.
fn use_a_buffer(pool: &Pool, who: &str) {
    let mut buf = pool.get();
    assert!(buf.is_empty(), "a buffer came back with {:?}", *buf);
    write!(buf, "{who}").expect("writing to a String cannot fail");
    thread::yield_now();
    assert_eq!(*buf, who, "a buffer was shared");
}

/// One buffer is in the pool; two threads want one each, at the same time.
// Breakage tried: `get` checks `free.is_empty()` under one lock and pops under another
// (check, then act) -> fails ("popped nothing": both saw the one free buffer); the guard's
// `drop` forgets `clear` -> fails ("a buffer came back with ..."); `drop` does not push the
// buffer back -> fails ("a buffer never came back").
#[test]
fn every_buffer_comes_back_emptied_and_goes_to_one_holder() {
    loom::model(|| {
        let pool = Arc::new(Pool::default());
        use_a_buffer(&pool, "seed"); // now one buffer is free
        let other = thread::spawn({
            let pool = Arc::clone(&pool);
            move || use_a_buffer(&pool, "other")
        });
        use_a_buffer(&pool, "main");
        other.join().expect("the other thread panicked");

        let inner = pool.lock();
        assert_eq!(
            inner.allocated + inner.reused,
            3,
            "the counts do not add up"
        );
        assert!(
            inner.allocated <= 2,
            "{} buffers made for two holders",
            inner.allocated
        );
        assert_eq!(
            inner.free.len(),
            inner.allocated,
            "a buffer never came back"
        );
    });
}
