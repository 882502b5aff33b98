//! Forty requests, handled first by one thread each, then by four workers.
//!
//! Notice: a thread per request starts as many threads as there are requests, and all of
//! them run at once; under a real load that is the OOM the original warns about (an OS thread
//! reserves far more than a goroutine's 2 KB). With threads the bounded form is a fixed
//! set of workers reading one channel: only four threads ever exist. Go's version keeps a
//! goroutine per request and limits how many run with a channel used as a semaphore; for
//! tokio tasks, that is `tokio::sync::Semaphore`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam::channel::bounded;

const REQUESTS: usize = 40;
const MAX_WORKERS: usize = 4;

/// Counts the requests being handled and the most ever handled at once.
#[derive(Default)]
struct Meter {
    now: AtomicUsize,
    peak: AtomicUsize,
    handled: AtomicUsize,
}

fn handle(_request: usize, meter: &Meter) {
    let now = meter.now.fetch_add(1, Ordering::SeqCst) + 1;
    meter.peak.fetch_max(now, Ordering::SeqCst);
    thread::sleep(Duration::from_millis(20)); // the work
    meter.now.fetch_sub(1, Ordering::SeqCst);
    meter.handled.fetch_add(1, Ordering::SeqCst);
}

fn report(label: &str, meter: &Meter) {
    let handled = meter.handled.load(Ordering::SeqCst);
    let peak = meter.peak.load(Ordering::SeqCst);
    println!("{label}: {handled} requests handled, at most {peak} at once");
}

fn main() -> anyhow::Result<()> {
    // Avoid: one thread per request, however many requests come.
    let meter = Meter::default();
    thread::scope(|s| {
        for request in 0..REQUESTS {
            let meter = &meter;
            s.spawn(move || handle(request, meter));
        }
    });
    report("unbounded", &meter);

    // Better: a fixed number of workers take the requests from one channel.
    let meter = Meter::default();
    let (requests, queue) = bounded(MAX_WORKERS);
    thread::scope(|s| {
        for _ in 0..MAX_WORKERS {
            let (queue, meter) = (queue.clone(), &meter);
            s.spawn(move || queue.iter().for_each(|request| handle(request, meter)));
        }
        for request in 0..REQUESTS {
            requests.send(request)?;
        }
        drop(requests); // no more requests: the workers' loops end
        anyhow::Ok(())
    })?;
    report("bounded", &meter);
    Ok(())
}
