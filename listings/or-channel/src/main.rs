//! `or` merges several signals into one: the result closes as soon as the first of them
//! fires.
//!
//! Notice: crossbeam's `Select` is built at run time from a list of any length, so one
//! thread waits on every signal at once, where Go needs a goroutine per signal. There
//! is no `sync.Once` either: "closing" `out` means dropping its only `Sender`, and a
//! value can be dropped only once. The scope joins the waiting thread.

use std::thread::{self, Scope};
use std::time::{Duration, Instant};

use crossbeam::channel::{self, Receiver, Select, TryRecvError};

/// A receiver that is disconnected as soon as any of `signals` delivers a message or is
/// disconnected itself.
pub fn or<'scope, T: Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    signals: Vec<Receiver<T>>,
) -> Receiver<()> {
    let (closer, out) = channel::bounded(0);
    if signals.is_empty() {
        return out; // `closer` is dropped here: `out` is closed at once
    }
    scope.spawn(move || {
        let mut select = Select::new();
        for signal in &signals {
            select.recv(signal);
        }
        let fired = select.select();
        let index = fired.index();
        _ = fired.recv(&signals[index]); // a message or a disconnect: both count
        drop(closer); // close `out`: every receiver of it wakes up
    });
    out
}

fn main() {
    thread::scope(|s| {
        let none = or::<Instant>(s, Vec::new());
        if none.try_recv() == Err(TryRecvError::Disconnected) {
            println!("Or() of no signals is closed at once");
        } else {
            println!("Or() of no signals is open");
        }

        let start = Instant::now();
        // `after` is crossbeam's ready-made timer: one message, after the duration. (The
        // original's times, ten times longer: 800 ms is a wide margin for a busy machine to wake
        // us up between the first signal and the second.)
        let ms = Duration::from_millis;
        let signals = vec![
            channel::after(ms(2000)),
            channel::after(ms(200)),
            channel::after(ms(1000)),
        ];
        let done = or(s, signals);
        _ = done.recv(); // returns when `out` is disconnected
        let elapsed = start.elapsed();
        if (ms(200)..ms(1000)).contains(&elapsed) {
            println!("Or of signals after 2s, 200ms and 1s closed with the first, after 200ms");
        } else {
            println!("Or closed after {elapsed:?}");
        }
    });
}
