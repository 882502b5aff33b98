//! Graceful shutdown: on SIGTERM, stop accepting, drain the requests in flight, then stop
//! the workers, each phase with a time limit.
//!
//! Notice: the signal is real. The program sends SIGTERM to itself with `nix`, and
//! `tokio::signal` turns it into a stream we wait on, as `signal.Notify` does in Go.
//! axum's `with_graceful_shutdown` is Go's `server.Shutdown`: once its future completes
//! the listener is closed, and `serve` returns when the last connection is done. The
//! workers share a `CancellationToken` (Go's `context.WithCancel`), and
//! `tokio::time::timeout` bounds each wait. The forced path leaves nothing running either:
//! requests still in flight at the drain limit are cut off through a second token (axum
//! runs each connection as a task of its own, which only the handler can end), and the
//! workers that miss their limit are aborted and joined. `cargo run -p graceful-shutdown --
//! stuck` takes that path.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::http::StatusCode;
use axum::{Router, extract::State, routing::get};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::Notify;
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

const WORKERS: usize = 3; // 10 in the original

/// How long things take, and how long each phase may wait for them.
pub struct Timing {
    /// The slow request, counted from the start of the shutdown.
    pub request: Duration,
    /// One unit of background work, which a worker finishes before it looks at its token.
    pub unit: Duration,
    pub drain_limit: Duration,
    pub worker_limit: Duration,
}

/// The normal run: the request and the workers finish well inside their limits.
pub const NORMAL: Timing = Timing {
    request: Duration::from_millis(50),
    unit: Duration::from_millis(1),
    drain_limit: Duration::from_secs(3),  // 30 s in the original
    worker_limit: Duration::from_secs(1), // 10 s in the original
};

/// `stuck`: a request and a unit of work that would take 10 s; both limits run out.
pub const STUCK: Timing = Timing {
    request: Duration::from_secs(10),
    unit: Duration::from_secs(10),
    ..NORMAL
};

/// A background worker: a unit of work every 10 ms until it is cancelled.
async fn worker(stop: CancellationToken, unit: Duration) {
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    loop {
        tokio::select! {
            biased; // once cancelled, no further unit of work starts
            () = stop.cancelled() => return,
            _ = tick.tick() => sleep(unit).await, // one unit of work, not interrupted
        }
    }
}

#[derive(Clone)]
struct App {
    started: Arc<Notify>,
    shutdown: CancellationToken,
    cut_off: CancellationToken,
    request: Duration,
}

/// A slow request: still running when the shutdown begins, and cut off if it takes too long.
async fn slow(State(app): State<App>) -> (StatusCode, &'static str) {
    println!("handler: request started");
    app.started.notify_one();
    // Still working when the shutdown begins, on every run however loaded the machine is.
    app.shutdown.cancelled().await;
    tokio::select! {
        biased; // a cut-off wins, even if the work is done at the same moment
        () = app.cut_off.cancelled() => {
            println!("handler: request cut off");
            (StatusCode::SERVICE_UNAVAILABLE, "cut off")
        }
        () = sleep(app.request) => {
            println!("handler: request finished");
            (StatusCode::OK, "done")
        }
    }
}

/// A minimal HTTP/1.1 client: one GET, and the status and body of the answer.
async fn http_get(addr: SocketAddr, path: &str) -> anyhow::Result<String> {
    let mut stream = TcpStream::connect(addr).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let (head, body) = response.split_once("\r\n\r\n").context("no header end")?;
    let status = head.lines().next().context("no status line")?;
    let status = status.strip_prefix("HTTP/1.1 ").context("not HTTP/1.1")?;
    Ok(format!("{status} {body:?}"))
}

/// The whole program: serve, signal ourselves, shut down in three phases.
pub async fn run(timing: Timing) -> anyhow::Result<()> {
    // Listen for the signals first: from here on they no longer kill the process.
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut sigterm = signal(SignalKind::terminate())?;

    let stop_workers = CancellationToken::new();
    let mut workers = JoinSet::new();
    for _ in 0..WORKERS {
        workers.spawn(worker(stop_workers.clone(), timing.unit));
    }
    println!("workers: {WORKERS} started");

    let stop_accepting = CancellationToken::new();
    let cut_off = CancellationToken::new();
    let app = App {
        started: Arc::new(Notify::new()),
        shutdown: stop_accepting.clone(),
        cut_off: cut_off.clone(),
        request: timing.request,
    };
    let started = app.started.clone();
    let router = Router::new().route("/slow", get(slow)).with_state(app);
    let listener = TcpListener::bind("127.0.0.1:0").await?; // port 0: the OS picks one
    let addr = listener.local_addr()?;
    println!("server: listening on {addr}");
    let mut server = tokio::spawn(
        axum::serve(listener, router)
            .with_graceful_shutdown(stop_accepting.clone().cancelled_owned())
            .into_future(),
    );

    // One request to ourselves; once it is in flight, signal ourselves.
    let client = tokio::spawn(http_get(addr, "/slow"));
    started.notified().await;
    println!("main: sending SIGTERM to this process");
    kill(Pid::this(), Signal::SIGTERM)?;

    let name = tokio::select! {
        _ = sigint.recv() => "SIGINT",
        _ = sigterm.recv() => "SIGTERM",
    };
    println!("signal: {name} received, shutting down");

    // Phase 1: close the listener; no new connection is accepted from here on.
    println!("phase 1: stop accepting new connections");
    stop_accepting.cancel();

    // Phase 2: wait, up to a limit, for the requests in flight to finish. `&mut server`: on a
    // timeout we still hold the task, and see it end.
    let limit = timing.drain_limit;
    let served = match timeout(limit, &mut server).await {
        Ok(served) => {
            println!("phase 2: in-flight requests drained");
            served
        }
        Err(_) => {
            println!("phase 2: requests still running after {limit:?}, cut off");
            cut_off.cancel(); // the handlers answer at once, so the connections close
            timeout(limit, server)
                .await
                .context("the server ignored the cut-off")?
        }
    };
    served??;
    let reply = timeout(limit, client).await.context("no answer")???;
    println!("client: {reply}");

    // Phase 3: cancel the workers and wait, up to a limit, for them to return.
    println!("phase 3: cancel the workers");
    stop_workers.cancel();
    let joined = timeout(timing.worker_limit, async {
        let mut stopped = 0;
        while let Some(result) = workers.join_next().await {
            result?;
            stopped += 1;
        }
        anyhow::Ok(stopped)
    })
    .await;
    match joined {
        Ok(stopped) => println!("phase 3: {} workers stopped", stopped?),
        Err(_) => {
            // Aborted at their next `.await`; joining them takes no time.
            workers.abort_all();
            while workers.join_next().await.is_some() {}
            println!("phase 3: forced shutdown, workers aborted");
        }
    }
    println!("graceful shutdown complete");
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let stuck = std::env::args().nth(1).is_some_and(|arg| arg == "stuck");
    run(if stuck { STUCK } else { NORMAL }).await
}
