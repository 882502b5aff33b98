// Submitting to a pool that has been shut down. In Go, Submit after Shutdown compiles and
// panics at run time ("send on closed channel"); here `shutdown(self)` has consumed the pool.
use crossbeam::channel::{Sender, bounded};

struct Pool {
    jobs: Sender<u64>,
}

impl Pool {
    fn submit(&self, job: u64) {
        let _ = self.jobs.send(job);
    }

    fn shutdown(self) {
        drop(self.jobs);
    }
}

fn main() {
    let (jobs, _queue) = bounded(1);
    let pool = Pool { jobs };
    pool.shutdown();
    pool.submit(1);
}
