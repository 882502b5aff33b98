//! A worker pool behind a small API: `new`, `submit`, `results` and `shutdown`.
//!
//! Notice: `shutdown` takes `self`, so the pool is gone once it is shut down, and a
//! `submit` after it does not compile (see the compile-fail case). In Go the same mistake
//! compiles and panics with "send on closed channel". Closing is dropping: `shutdown` drops
//! the only job `Sender`, the workers' loops end, and when the last worker drops its
//! result `Sender`, the caller's loop over the results ends too.
//! For CPU-bound work in production, `rayon`'s thread pool does this job.

use std::thread::{self, JoinHandle};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use crossbeam::channel::{Receiver, Sender, bounded};

struct Job(u64);

struct Output {
    job: u64,
    square: u64,
    worker: usize,
}

fn process(Job(n): Job, worker: usize) -> Output {
    thread::sleep(Duration::from_millis(50)); // the work itself
    Output {
        job: n,
        square: n * n,
        worker,
    }
}

struct Pool {
    jobs: Sender<Job>,
    results: Receiver<Output>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    fn new(workers: usize) -> Pool {
        let (jobs, job_queue) = bounded::<Job>(workers * 2);
        let (result_queue, results) = bounded(workers * 2);
        let workers = (1..=workers)
            .map(|id| {
                let (job_queue, result_queue) = (job_queue.clone(), result_queue.clone());
                thread::spawn(move || {
                    for job in job_queue {
                        if result_queue.send(process(job, id)).is_err() {
                            break; // nobody reads the results any more
                        }
                    }
                })
            })
            .collect();
        Pool {
            jobs,
            results,
            workers,
        }
    }

    /// Queues a job; waits while the queue is full.
    fn submit(&self, job: Job) -> Result<()> {
        self.jobs.send(job).context("every worker has stopped")
    }

    /// The results, in the order they are done; the iterator ends after `shutdown`.
    fn results(&self) -> Receiver<Output> {
        self.results.clone()
    }

    /// Closes the job queue and waits for the workers to finish what is queued.
    fn shutdown(self) -> Result<()> {
        drop(self.jobs); // Go: close(p.jobs)
        for worker in self.workers {
            if worker.join().is_err() {
                bail!("a worker panicked");
            }
        }
        Ok(()) // the workers' result senders are gone: Go's close(p.results)
    }
}

fn main() -> Result<()> {
    let pool = Pool::new(3);
    let results = pool.results();

    // Submit from one thread while this one reads the results: with queues of six,
    // submitting all ten jobs and shutting down before reading any result would hang:
    // the workers block on the full results queue, and `shutdown` waits for them.
    let submitter = thread::spawn(move || -> Result<()> {
        for n in 1..=10 {
            pool.submit(Job(n))?;
        }
        pool.shutdown()
    });

    let mut sum = 0;
    let mut count = 0;
    for out in results {
        println!("job {} -> {} (worker {})", out.job, out.square, out.worker);
        sum += out.square;
        count += 1;
    }
    submitter.join().ok().context("the submitter panicked")??;
    println!("{count} results, sum of squares {sum}");
    Ok(())
}
