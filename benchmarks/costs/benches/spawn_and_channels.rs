//! Time: spawning and joining threads and tasks, and channel round trips.

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

fn spawn(c: &mut Criterion) {
    let mut group = c.benchmark_group("spawn+join");
    group.bench_function("std::thread::spawn", |b| {
        b.iter(|| thread::spawn(|| black_box(1)).join())
    });
    group.bench_function("std::thread::scope + spawn", |b| {
        b.iter(|| thread::scope(|s| s.spawn(|| black_box(1)).join()))
    });

    // The loop runs inside a task, as a server's code does: spawns go to the worker's own queue.
    let multi = tokio::runtime::Runtime::new().expect("a tokio runtime");
    group.bench_function("tokio::spawn + await (multi-thread runtime)", |b| {
        b.iter_custom(|iters| {
            multi.block_on(async move {
                let timing = tokio::spawn(async move {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let _ = tokio::spawn(async { black_box(1) }).await;
                    }
                    start.elapsed()
                });
                timing.await.expect("the timing task does not panic")
            })
        })
    });
    let current = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    group.bench_function("tokio::spawn + await (current-thread runtime)", |b| {
        b.iter_custom(|iters| {
            current.block_on(async move {
                let start = Instant::now();
                for _ in 0..iters {
                    let _ = tokio::spawn(async { black_box(1) }).await;
                }
                start.elapsed()
            })
        })
    });
    group.finish();

    // Go's `go f()` does not wait: spawn a batch, then await them all, time per task.
    let mut group = c.benchmark_group("spawn a batch, then join all");
    group.bench_function("tokio::spawn (multi-thread runtime)", |b| {
        b.iter_custom(|iters| {
            multi.block_on(async move {
                let timing = tokio::spawn(async move {
                    let start = Instant::now();
                    let tasks: Vec<_> = (0..iters)
                        .map(|_| tokio::spawn(async { black_box(1) }))
                        .collect();
                    for task in tasks {
                        let _ = task.await;
                    }
                    start.elapsed()
                });
                timing.await.expect("the timing task does not panic")
            })
        })
    });
    group.finish();
}

fn channels(c: &mut Criterion) {
    let mut group = c.benchmark_group("channel");

    // One thread sends and then receives: the cost of the operations themselves.
    let (tx, rx) = crossbeam::channel::bounded::<u64>(1);
    group.bench_function("crossbeam bounded(1): send+recv, one thread", |b| {
        b.iter(|| {
            tx.send(black_box(1)).expect("receiver alive");
            rx.recv().expect("sender alive")
        })
    });
    let (tx, rx) = crossbeam::channel::unbounded::<u64>();
    group.bench_function("crossbeam unbounded: send+recv, one thread", |b| {
        b.iter(|| {
            tx.send(black_box(1)).expect("receiver alive");
            rx.recv().expect("sender alive")
        })
    });

    // Two threads pass a value there and back: the cost of waking the other side.
    group.bench_function("crossbeam bounded(0): ping-pong, two threads", |b| {
        b.iter_custom(|iters| {
            let (ping_tx, ping_rx) = crossbeam::channel::bounded::<u64>(0);
            let (pong_tx, pong_rx) = crossbeam::channel::bounded::<u64>(0);
            thread::scope(|s| {
                s.spawn(move || {
                    for n in ping_rx {
                        if pong_tx.send(n).is_err() {
                            break;
                        }
                    }
                });
                let start = Instant::now();
                for n in 0..iters {
                    ping_tx.send(n).expect("echo alive");
                    pong_rx.recv().expect("echo alive");
                }
                let elapsed = start.elapsed();
                drop(ping_tx);
                elapsed
            })
        })
    });

    let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
    group.bench_function("tokio mpsc channel(1): send+recv, one task", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async move {
                let (tx, mut rx) = tokio::sync::mpsc::channel::<u64>(1);
                let start = Instant::now();
                for n in 0..iters {
                    tx.send(n).await.expect("receiver alive");
                    rx.recv().await.expect("sender alive");
                }
                start.elapsed()
            })
        })
    });
    let current = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    for (name, rt) in [("multi-thread", &rt), ("current-thread", &current)] {
        let id = format!("tokio mpsc channel(1): ping-pong, two tasks ({name} runtime)");
        group.bench_function(id, |b| b.iter_custom(|iters| rt.block_on(ping_pong(iters))));
    }
    group.finish();
}

/// Two tasks pass a value there and back `iters` times; returns the time it took.
async fn ping_pong(iters: u64) -> Duration {
    // Both ends are spawned tasks, as in a server: neither runs on the `block_on` thread.
    let (ping_tx, mut ping_rx) = tokio::sync::mpsc::channel::<u64>(1);
    let (pong_tx, mut pong_rx) = tokio::sync::mpsc::channel::<u64>(1);
    let echo = tokio::spawn(async move {
        while let Some(n) = ping_rx.recv().await {
            if pong_tx.send(n).await.is_err() {
                break;
            }
        }
    });
    let timing = tokio::spawn(async move {
        let start = Instant::now();
        for n in 0..iters {
            ping_tx.send(n).await.expect("echo alive");
            pong_rx.recv().await.expect("echo alive");
        }
        start.elapsed()
    });
    let elapsed = timing.await.expect("the timing task does not panic");
    let _ = echo.await; // ends once `ping_tx`, dropped with the timing task, is gone
    elapsed
}

criterion_group! {
    name = benches;
    // Short runs: the book wants the order of magnitude, and the machine has two cores.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20);
    targets = spawn, channels
}
criterion_main!(benches);
