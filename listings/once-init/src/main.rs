//! Eight threads race to load one configuration; `OnceLock` lets exactly one of them do it.
//!
//! Notice: the losers wait until the winner's initializer has returned, as with Go's
//! `once.Do`, but here the value lives *inside* the `OnceLock`: there is no separate
//! global that could be read before it is set. `LazyLock` is `sync.OnceValue`: the
//! initializer is part of the static, and the first use runs it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Barrier, LazyLock, OnceLock};
use std::thread;

struct Config {
    port: u16,
}

static LOADS: AtomicU32 = AtomicU32::new(0); // how many times an initializer really ran
static CONFIG: OnceLock<Config> = OnceLock::new();

fn load_config() -> Config {
    LOADS.fetch_add(1, Ordering::Relaxed);
    println!("loading config (runs once)");
    Config { port: 8080 }
}

fn config() -> &'static Config {
    CONFIG.get_or_init(load_config)
}

// The same, as one value: the closure runs on the first dereference only.
static GREETING: LazyLock<String> = LazyLock::new(|| {
    LOADS.fetch_add(1, Ordering::Relaxed);
    "hello from a lazily built value".to_owned()
});

fn main() {
    let start = Barrier::new(8); // nobody asks before all eight are ready: a real race
    let seen: Vec<&'static Config> = thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                s.spawn(|| {
                    start.wait();
                    config()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a reader panicked"))
            .collect()
    });

    // Count the distinct addresses: every thread got a reference to the one Config.
    let mut addresses: Vec<*const Config> = seen.iter().map(|c| std::ptr::from_ref(*c)).collect();
    addresses.sort();
    addresses.dedup();
    println!(
        "8 readers got port {} from {} distinct Config value(s)",
        seen[0].port,
        addresses.len()
    );
    println!("{}", *GREETING);
    println!("{}", *GREETING);
    println!(
        "initializers run: {} (one for the config, one for the greeting)",
        LOADS.load(Ordering::Relaxed)
    );
}
