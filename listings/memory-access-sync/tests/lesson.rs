//! The fixes' promise, over many runs: a `Mutex` or an atomic `fetch_add` never loses an update.
//! One run proves little: on a busy machine the four threads may hardly overlap, and a broken
//! critical section (read and write under two separate locks) then still prints 40000.

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the forced lost update are not used here
mod listing;

use listing::{ADDS, THREADS, with_atomic, with_mutex};

const RUNS: usize = 40;

#[test]
fn no_update_is_ever_lost() {
    let want = u64::try_from(THREADS * ADDS).expect("fits");
    for run in 0..RUNS {
        assert_eq!(with_mutex(), want, "Mutex lost updates in run {run}");
        assert_eq!(with_atomic(), want, "atomic lost updates in run {run}");
    }
}
