//! A worker pool: `n` workers share one jobs channel (fan-out) and one results channel
//! (fan-in). Every job's result, error included, comes back with its id; a deadline
//! stops the pool early.
//!
//! Notice: Go's `ctx` becomes `done`, a channel that is never sent on and is closed (its
//! `Sender` dropped) to cancel; `channel::never()` is `context.Background()`. Every
//! blocking step selects on it. The scope joins the workers and the feeder, so
//! `run_pool` returns only once all of them have stopped.

use std::thread;
use std::time::Duration;

use anyhow::bail;
use crossbeam::channel::{self, Receiver, Sender, select_biased};
use crossbeam::select;

struct Job {
    id: u32,
}

struct JobResult {
    id: u32,
    worker: usize,
    outcome: anyhow::Result<()>,
}

/// Stands in for real work: 10 ms, which `done` can cut short; every fifth job fails.
fn do_job(done: &Receiver<()>, job: &Job) -> anyhow::Result<()> {
    select! {
        recv(done) -> _ => bail!("cancelled"),
        default(Duration::from_millis(10)) => {}
    }
    if job.id.is_multiple_of(5) {
        bail!("job {}: invalid input", job.id);
    }
    Ok(())
}

fn worker(id: usize, done: &Receiver<()>, jobs: &Receiver<Job>, results: &Sender<JobResult>) {
    loop {
        select_biased! {
            recv(done) -> _ => return, // first: once cancelled, no new job starts
            recv(jobs) -> job => {
                let Ok(job) = job else { return }; // the jobs channel is closed and empty
                let outcome = do_job(done, &job);
                let result = JobResult { id: job.id, worker: id, outcome };
                // Unbiased: a job that ends as `done` closes may or may not be reported.
                select! {
                    send(results, result) -> sent => if sent.is_err() { return },
                    recv(done) -> _ => return,
                }
            }
        }
    }
}

fn run_pool(done: &Receiver<()>, n: usize, jobs_list: Vec<Job>) -> Vec<JobResult> {
    let (jobs_tx, jobs) = channel::bounded(0);
    let (results_tx, results) = channel::bounded(0);

    thread::scope(|s| {
        for id in 0..n {
            let (jobs, results_tx) = (&jobs, results_tx.clone());
            s.spawn(move || worker(id, done, jobs, &results_tx));
        }
        drop(results_tx); // now only the workers hold it: `results` closes when they end

        s.spawn(move || {
            for job in jobs_list {
                select_biased! {
                    recv(done) -> _ => return, // first: no job is handed out after the cancel
                    send(jobs_tx, job) -> sent => if sent.is_err() { return },
                }
            }
        }); // `jobs_tx` is dropped here: Go's `defer close(jobs)`

        results.iter().collect()
    })
}

fn jobs(n: u32) -> Vec<Job> {
    (1..=n).map(|id| Job { id }).collect()
}

fn main() {
    // A done channel that never closes, like context.Background().
    let mut results = run_pool(&channel::never(), 3, jobs(6));
    results.sort_by_key(|r| r.id); // they arrive in any order
    for r in &results {
        match &r.outcome {
            Ok(()) => println!("job {} (worker {}): ok", r.id, r.worker),
            Err(e) => println!("job {} (worker {}): error: {e}", r.id, r.worker),
        }
    }

    // The same pool with a deadline: 30 jobs of 10 ms on 3 workers need 100 ms.
    let (cancel, done) = channel::bounded::<()>(0);
    let results = thread::scope(|s| {
        s.spawn(move || {
            thread::sleep(Duration::from_millis(25));
            drop(cancel); // the deadline: close `done`
        });
        run_pool(&done, 3, jobs(30))
    });
    println!(
        "with a 25ms deadline: {} of 30 jobs reported",
        results.len()
    );
    println!("stopped early: {}", results.len() < 30);
}
