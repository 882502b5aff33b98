//! Rule 4 bounds a wait, and the bound is real: the timeout waits its whole patience before it
//! gives up (timed here in the process, where no pipe or scheduler can shorten what is
//! measured; the output check between two printed lines needs a wide margin).

use std::time::{Duration, Instant};

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the other rules are not used here
mod listing;

use listing::timeout;

#[test]
fn the_timeout_waits_its_patience_then_gives_up() {
    let start = Instant::now();
    let said = timeout();
    let took = start.elapsed();
    assert!(said.starts_with("no reply within 100ms"), "{said}");
    assert!(took >= Duration::from_millis(100), "gave up after {took:?}");
}
