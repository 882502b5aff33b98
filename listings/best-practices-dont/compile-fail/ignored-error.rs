// An error dropped inside a thread. `Result` is `#[must_use]`: ignoring it is a warning,
// and an error under `-D warnings` (as this book's clippy runs) or this `deny`.
#![deny(unused_must_use)]
use std::thread;

fn do_something() -> Result<(), String> {
    Err("disk full".to_string())
}

fn main() {
    let handle = thread::spawn(|| {
        do_something();
    });
    let _ = handle.join();
}
