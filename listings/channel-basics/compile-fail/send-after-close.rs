// Go compiles `close(ch); ch <- 1` and panics when it runs: "send on closed channel".
// In Rust, closing *is* dropping the sender, and a dropped value cannot be used again.
use crossbeam::channel;

fn main() {
    let (tx, rx) = channel::bounded(1);
    drop(tx); // close(ch)
    tx.send(1).ok(); // ch <- 1
    println!("{:?}", rx.recv());
}
