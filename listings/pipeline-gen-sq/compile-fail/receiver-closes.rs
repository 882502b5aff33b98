// A stage that only reads decides it has had enough and closes its input. Go compiles
// that when the stage holds a `chan int` (not a `<-chan int`), and the producer then
// panics on its next send: "send on closed channel".
// A crossbeam `Receiver` has no `close`: a channel is closed by its senders, when the
// last one is dropped. A reader that wants to stop drops its `Receiver` instead, and
// the producer's next `send` returns an error that it can handle.
use std::thread;

use crossbeam::channel;

fn main() {
    let (tx, rx) = channel::bounded(0);
    thread::scope(|s| {
        s.spawn(move || {
            for n in 1..=4 {
                tx.send(n).ok();
            }
        });
        for n in &rx {
            println!("{n}");
            if n == 2 {
                rx.close(); // close(in)
            }
        }
    });
}
