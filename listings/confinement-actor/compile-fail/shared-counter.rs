// Without an owner: ten threads add to one shared counter directly. Go compiles this
// and loses updates at run time (`go run -race` reports it); Rust refuses to compile it.
use std::thread;

fn main() {
    let mut val = 0;
    thread::scope(|s| {
        for _ in 0..10 {
            s.spawn(|| {
                for _ in 0..100 {
                    val += 1;
                }
            });
        }
    });
    println!("value: {val}");
}
