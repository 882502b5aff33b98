//! `process_jobs`: a feeder, three workers (fan-out) and a merge (fan-in), composed into
//! one function that takes a list of jobs and returns a list of results.
//!
//! Notice: the results arrive in an order that changes from run to run, so they are
//! sorted before they are printed; each says which of the three workers did it. Each
//! stage closes its output by dropping its `Sender`, and the scope in `process_jobs` has
//! joined every thread before it returns. There is no `ctx`: a stage stops early only
//! when its reader has gone.

use std::thread::{self, Scope};
use std::time::Duration;

use crossbeam::channel::{self, Receiver};

struct Job {
    id: u64,
}

struct JobResult {
    worker: usize,
    job_id: u64,
    value: u64,
}

/// Stands in for real work: it takes a while, then squares the job's id.
fn process(worker: usize, job: Job) -> JobResult {
    thread::sleep(Duration::from_millis(10));
    JobResult {
        worker,
        job_id: job.id,
        value: job.id * job.id,
    }
}

fn process_jobs(jobs: Vec<Job>, workers: usize) -> Vec<JobResult> {
    thread::scope(|s| {
        // The input channel, fed by a thread of its own.
        let (feed, input) = channel::bounded(0);
        s.spawn(move || {
            for job in jobs {
                if feed.send(job).is_err() {
                    return;
                }
            }
        });

        let outs = fan_out(s, input, workers);
        fan_in(s, outs).iter().collect()
    })
}

fn fan_out<'scope>(
    s: &'scope Scope<'scope, '_>,
    input: Receiver<Job>,
    workers: usize,
) -> Vec<Receiver<JobResult>> {
    // Only the workers keep a `Receiver`: if they all stop, the feeder's send fails.
    (0..workers)
        .map(|id| worker(s, id, input.clone()))
        .collect()
}

fn worker<'scope>(
    s: &'scope Scope<'scope, '_>,
    id: usize,
    input: Receiver<Job>,
) -> Receiver<JobResult> {
    let (out, rx) = channel::bounded(0);
    s.spawn(move || {
        for job in input {
            if out.send(process(id, job)).is_err() {
                return;
            }
        }
    });
    rx
}

fn fan_in<'scope, T: Send + 'scope>(
    s: &'scope Scope<'scope, '_>,
    inputs: Vec<Receiver<T>>,
) -> Receiver<T> {
    let (out, merged) = channel::bounded(0);
    for input in inputs {
        let out = out.clone();
        s.spawn(move || {
            for v in input {
                if out.send(v).is_err() {
                    return;
                }
            }
        });
    }
    merged
}

fn main() {
    let jobs = (1..=8).map(|id| Job { id }).collect();
    let mut results = process_jobs(jobs, 3);

    let arrival: Vec<String> = results.iter().map(|r| r.job_id.to_string()).collect();
    println!("results arrived in the order: {}", arrival.join(" "));

    results.sort_by_key(|r| r.job_id);
    for r in &results {
        println!("job {} -> {} (worker {})", r.job_id, r.value, r.worker);
    }
    println!("{} results", results.len());
}
