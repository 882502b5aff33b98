//! The two models side by side: a job moves through a channel, and a read-mostly cache
//! is shared behind a concurrent map or a read-write lock.
//!
//! Notice: `send(job)` moves the job. After it, `main` cannot touch the job at all (see
//! the compile-fail case), so "don't communicate by sharing memory" is enforced rather
//! than advised. The cache is the other way round: many threads read one map. `DashMap`
//! splits it into shards, each behind its own lock, so readers and a writer of different
//! keys rarely meet; `RwLock<HashMap>` is one lock, simpler and smaller, and fine while
//! writes are rare. Both are behind the same small trait here, so one workload runs on both.

use std::collections::HashMap;
use std::sync::RwLock;
use std::thread;

use anyhow::{Context, Result};
use crossbeam::channel::{Receiver, Sender, bounded};
use dashmap::DashMap;

struct Job {
    id: u32,
    name: String,
}

struct Output {
    job_id: u32,
    text: String,
}

fn worker(jobs: Receiver<Job>, results: Sender<Output>) {
    for job in jobs {
        // The worker owns the job now: it may change it without any lock.
        let output = Output {
            job_id: job.id,
            text: job.name.to_uppercase(),
        };
        if results.send(output).is_err() {
            return;
        }
    }
}

fn pipeline() -> Result<()> {
    let (jobs, job_queue) = bounded(0);
    let (result_queue, results) = bounded(0);
    thread::scope(|s| {
        s.spawn(move || worker(job_queue, result_queue));
        for (id, name) in [(1, "resize photo.png"), (2, "scan report.pdf")] {
            let job = Job {
                id,
                name: name.to_owned(),
            };
            jobs.send(job)?; // ownership goes to the worker
            let r = results.recv()?; // and the result comes back to us
            println!("pipeline: job {} -> {:?}", r.job_id, r.text);
        }
        drop(jobs); // no more jobs: the worker's loop ends
        Ok(())
    })
}

/// What the workload needs from a shared cache. (`pub` so that `tests/lesson.rs` can hammer
/// both caches with readers and a writer.)
pub trait Cache: Sync {
    fn load(&self, key: &str) -> Option<String>;
    fn store(&self, key: &str, value: &str);
}

impl Cache for DashMap<String, String> {
    fn load(&self, key: &str) -> Option<String> {
        self.get(key).map(|v| v.clone())
    }
    fn store(&self, key: &str, value: &str) {
        self.insert(key.to_owned(), value.to_owned());
    }
}

impl Cache for RwLock<HashMap<String, String>> {
    fn load(&self, key: &str) -> Option<String> {
        self.read().expect("lock poisoned").get(key).cloned()
    }
    fn store(&self, key: &str, value: &str) {
        self.write()
            .expect("lock poisoned")
            .insert(key.to_owned(), value.to_owned());
    }
}

/// Four readers load a key 100 times each while one writer replaces its value once.
fn read_mostly(label: &str, cache: &impl Cache) -> Result<()> {
    cache.store("config", "v1");
    let found = thread::scope(|s| {
        let readers: Vec<_> = (0..4)
            .map(|_| s.spawn(|| (0..100).filter(|_| cache.load("config").is_some()).count()))
            .collect();
        s.spawn(|| cache.store("config", "v2")); // the rare write
        readers
            .into_iter()
            .map(|r| r.join().ok())
            .sum::<Option<usize>>()
    });
    let found = found.context("a reader panicked")?;
    let now = cache.load("config").context("the key is gone")?;
    println!("cache ({label}): 400 reads, {found} found the key; it is now {now}");
    Ok(())
}

fn main() -> Result<()> {
    pipeline()?;
    read_mostly("concurrent map", &DashMap::new())?;
    read_mostly("map + read-write lock", &RwLock::new(HashMap::new()))?;
    Ok(())
}
