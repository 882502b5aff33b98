// Using a job after sending it. Go compiles this, and then two goroutines share the job
// with no lock between them; in Rust `send` has moved the job to the receiver.
use crossbeam::channel::bounded;

struct Job {
    name: String,
}

fn main() {
    let (jobs, queue) = bounded(1);
    let mut job = Job {
        name: "resize photo.png".to_string(),
    };
    jobs.send(job).expect("the queue has room");
    job.name.push_str(" (edited)");
    drop(queue);
}
