//! Fan-out: three workers take jobs from one channel. Every job goes to exactly one
//! worker, whichever is free; each worker has an output channel of its own.
//!
//! Notice: crossbeam channels are multi-consumer, like Go's, so fanning out is cloning
//! the `Receiver`. There is no `ctx`: a worker whose reader has gone sees its `send`
//! fail and returns. `main` must read all the outputs at once (`merge`, the next
//! section's fan-in): read one after the other, each worker would wait on its unread
//! output after one job, and the first worker would do nearly all of them alone.

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
    thread::sleep(Duration::from_millis(50));
    JobResult {
        worker,
        job_id: job.id,
        value: job.id * job.id,
    }
}

/// Starts `workers` workers on the same input and returns their outputs.
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
                return; // the reader has gone
            }
        }
    });
    rx
}

/// Forwards every output to one channel, which closes when all of them have (fan-in).
fn merge<'scope>(
    s: &'scope Scope<'scope, '_>,
    outs: Vec<Receiver<JobResult>>,
) -> Receiver<JobResult> {
    let (merged, rx) = channel::bounded(0);
    for out in outs {
        let merged = merged.clone();
        s.spawn(move || {
            for r in out {
                if merged.send(r).is_err() {
                    return;
                }
            }
        });
    }
    rx
}

fn main() {
    thread::scope(|s| {
        let (jobs, input) = channel::bounded(0);
        s.spawn(move || {
            for id in 1..=9 {
                if jobs.send(Job { id }).is_err() {
                    return;
                }
            }
        }); // `jobs` is dropped: the input closes, and each worker's loop ends

        let outs = fan_out(s, input, 3);
        let (mut count, mut sum) = (0, 0);
        for r in merge(s, outs) {
            println!("worker {}: job {} -> {}", r.worker, r.job_id, r.value);
            count += 1;
            sum += r.value;
        }
        println!("{count} results, sum {sum}");
    });
}
