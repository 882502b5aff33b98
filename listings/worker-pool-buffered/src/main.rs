//! A worker pool: three workers share one queue of jobs and one queue of results.
//!
//! Notice: dropping the last `Sender` is Go's `close(jobs)`. Each worker's `for` loop
//! ends when the queue is empty *and* closed, so the workers stop by themselves, and
//! the scope joins them before `main` goes on.

use std::thread;
use std::time::Duration;

use crossbeam::channel;

fn main() -> anyhow::Result<()> {
    let (jobs_tx, jobs_rx) = channel::bounded::<u32>(100);
    let (results_tx, results_rx) = channel::bounded::<u32>(100);

    thread::scope(|s| {
        // Start 3 workers; each gets its own handle on both channels.
        for id in 1..=3 {
            let (jobs, results) = (jobs_rx.clone(), results_tx.clone());
            s.spawn(move || {
                for job in jobs {
                    println!("worker {id} processing job {job}");
                    thread::sleep(Duration::from_millis(100)); // 1 s in the original
                    if results.send(job * 2).is_err() {
                        break; // nobody is collecting any more
                    }
                }
            });
        }

        // Send the jobs, then close the queue by dropping the only sender left.
        for job in 1..=5 {
            jobs_tx.send(job)?;
        }
        drop(jobs_tx);

        // Collect exactly as many results as there were jobs.
        let sum: u32 = results_rx.iter().take(5).sum();
        println!("sum of results: {sum}");
        anyhow::Ok(())
    })
}
