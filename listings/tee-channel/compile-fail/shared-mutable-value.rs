// A tee hands both readers the same value. In Go, if that value is a map, a slice or a
// pointer, both goroutines now change one value with no lock, and the compiler accepts
// it. The Rust for "shared, mutable, no lock" is `Rc<RefCell<_>>`, and it cannot be
// sent to another thread at all.
use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

use crossbeam::channel;

fn main() {
    let (tx1, out1) = channel::unbounded();
    let (tx2, out2) = channel::unbounded();

    // What a tee does with one value: a copy to each output.
    let cart = Rc::new(RefCell::new(vec!["book"]));
    _ = tx1.send(Rc::clone(&cart));
    _ = tx2.send(cart);

    thread::scope(|s| {
        s.spawn(move || out1.iter().for_each(|cart| cart.borrow_mut().push("pen")));
        s.spawn(move || out2.iter().for_each(|cart| cart.borrow_mut().clear()));
    });
}
