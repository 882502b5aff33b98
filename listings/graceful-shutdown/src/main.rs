//! Graceful shutdown: on SIGTERM, stop accepting, drain the requests in flight, then stop
//! the workers, each phase with a time limit.
//!
//! Notice: the signal is real. The program sends SIGTERM to itself with `nix`, and
//! `tokio::signal` turns it into a stream we wait on, as `signal.Notify` does in Go.
//! axum's `with_graceful_shutdown` is Go's `server.Shutdown`: once its future completes
//! the listener is closed, and `serve` returns when the last connection is done. The
//! workers share a `CancellationToken` (Go's `context.WithCancel`), and
//! `tokio::time::timeout` bounds each wait. Dropping a `JoinSet` aborts what is left in
//! it, so even the forced path leaves no task running.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
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

const WORKERS: usize = 3; // 10 in the note
const DRAIN_LIMIT: Duration = Duration::from_millis(300); // 30 s in the note
const WORKER_LIMIT: Duration = Duration::from_millis(100); // 10 s in the note

/// A background worker: does a unit of work every 10 ms until it is cancelled.
async fn worker(stop: CancellationToken) {
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = tick.tick() => { /* one unit of background work */ }
        }
    }
}

/// A slow request: still running when the signal arrives.
async fn slow(State(started): State<Arc<Notify>>) -> &'static str {
    println!("handler: request started");
    started.notify_one();
    sleep(Duration::from_millis(100)).await;
    println!("handler: request finished");
    "done"
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Listen for the signals first: from here on they no longer kill the process.
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut sigterm = signal(SignalKind::terminate())?;

    let stop_workers = CancellationToken::new();
    let mut workers = JoinSet::new();
    for _ in 0..WORKERS {
        workers.spawn(worker(stop_workers.clone()));
    }
    println!("workers: {WORKERS} started");

    let started = Arc::new(Notify::new());
    let app = Router::new()
        .route("/slow", get(slow))
        .with_state(started.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await?; // port 0: the OS picks one
    let addr = listener.local_addr()?;
    println!("server: listening on {addr}");
    let stop_accepting = CancellationToken::new();
    let server = tokio::spawn(
        axum::serve(listener, app)
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

    // Phase 2: wait, up to a limit, for the requests in flight to finish.
    match timeout(DRAIN_LIMIT, server).await {
        Ok(served) => {
            served??;
            println!("phase 2: in-flight requests drained");
        }
        Err(_) => println!("phase 2: requests still running after {DRAIN_LIMIT:?}, cut off"),
    }
    println!("client: {}", client.await??);

    // Phase 3: cancel the workers and wait, up to a limit, for them to return.
    println!("phase 3: cancel the workers");
    stop_workers.cancel();
    let joined = timeout(WORKER_LIMIT, async {
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
            workers.abort_all();
            println!("phase 3: forced shutdown, workers aborted");
        }
    }
    println!("graceful shutdown complete");
    Ok(())
}
