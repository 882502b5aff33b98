//! Fan-out: three workers take jobs from one channel. Every job goes to exactly one
//! worker, whichever is free; each worker has an output channel of its own.
//!
//! Notice: crossbeam channels are multi-consumer, like Go's, so fanning out is cloning
//! the `Receiver`. There is no `ctx`: a worker whose reader has gone sees its `send`
//! fail and returns. The outputs are read one after the other here; fan-in merges them.

use std::thread::{self, Scope};
use std::time::Duration;

use crossbeam::channel::{self, Receiver};

struct Job {
    id: u64,
}

struct JobResult {
    job_id: u64,
    value: u64,
}

/// Stands in for real work: it takes a while, then squares the job's id.
fn process(job: Job) -> JobResult {
    thread::sleep(Duration::from_millis(10));
    JobResult {
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
    (0..workers).map(|_| worker(s, input.clone())).collect()
}

fn worker<'scope>(s: &'scope Scope<'scope, '_>, input: Receiver<Job>) -> Receiver<JobResult> {
    let (out, rx) = channel::bounded(0);
    s.spawn(move || {
        for job in input {
            if out.send(process(job)).is_err() {
                return; // the reader has gone
            }
        }
    });
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
        for (w, out) in outs.iter().enumerate() {
            for r in out {
                println!("worker {w}: job {} -> {}", r.job_id, r.value);
                count += 1;
                sum += r.value;
            }
        }
        println!("{count} results, sum {sum}");
    });
}
