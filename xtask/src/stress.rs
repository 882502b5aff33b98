//! `cargo xtask stress`: runs listings' tests and Go originals many times in a row while busy
//! threads load every core, to find a check that depends on a timing margin.
//!
//! The Rust side runs each listing's test binary (`tests/listing.rs`, built once by cargo) as
//! `cargo test` does, its tests side by side, but for the trybuild `compile_fail` tests, which
//! compile rather than run; the Go side runs each Go original as `go-check` does: output file,
//! lesson checks, and the race detector.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use book_model::listing::{Listing, discover};

use crate::gocheck::{GoBinaries, check_listing};

/// What to run, and how often.
pub struct Stress {
    /// Listing ids; empty means every listing.
    pub ids: Vec<String>,
    /// Runs of each listing's Rust tests.
    pub runs: usize,
    /// Runs of each Go original (0: none).
    pub go_runs: usize,
    /// Busy threads that spin while the runs go on.
    pub hogs: usize,
}

/// Spins `n` threads until dropped.
struct Hogs {
    stop: Arc<AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Hogs {
    fn start(n: usize) -> Hogs {
        let stop = Arc::new(AtomicBool::new(false));
        let threads = (0..n)
            .map(|_| {
                let stop = Arc::clone(&stop);
                std::thread::spawn(move || {
                    let mut x = 0u64;
                    while !stop.load(Ordering::Relaxed) {
                        x = std::hint::black_box(
                            x.wrapping_mul(6364136223846793005).wrapping_add(1),
                        );
                    }
                })
            })
            .collect();
        Hogs { stop, threads }
    }
}

impl Drop for Hogs {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads.drain(..) {
            t.join().ok();
        }
    }
}

/// Runs the stress and fails if any run failed.
pub fn stress(root: &Path, opts: &Stress) -> Result<()> {
    let all = discover(&root.join("listings"))?;
    let listings: Vec<&Listing> = if opts.ids.is_empty() {
        all.iter().collect()
    } else {
        opts.ids
            .iter()
            .map(|id| {
                all.iter()
                    .find(|l| &l.name == id)
                    .with_context(|| format!("there is no listing `{id}` in listings/"))
            })
            .collect::<Result<_>>()?
    };

    let tests = rust_test_binaries(root, &listings)?;
    let go_bins = if opts.go_runs > 0 {
        Some(GoBinaries::build(root, &root.join("listings"))?)
    } else {
        None
    };

    println!(
        "stress: {} listing(s), Rust tests x{}, Go originals x{}, {} busy thread(s)",
        listings.len(),
        opts.runs,
        opts.go_runs,
        opts.hogs
    );
    let _hogs = Hogs::start(opts.hogs);
    let mut failures = Vec::new();
    for listing in &listings {
        let started = Instant::now();
        let (mut rust_failed, mut go_failed) = (0, 0);
        let binaries: Vec<&String> = tests
            .iter()
            .filter(|(name, _)| name == &listing.name)
            .map(|(_, exe)| exe)
            .collect();
        for i in 0..opts.runs {
            for exe in &binaries {
                let out = Command::new(exe)
                    .args(["-q", "--skip", "compile_fail::"])
                    .output()
                    .with_context(|| format!("cannot run {exe}"))?;
                if !out.status.success() {
                    rust_failed += 1;
                    failures.push(format!(
                        "listing `{}`: Rust test run {} failed ({exe}):\n{}{}",
                        listing.name,
                        i + 1,
                        String::from_utf8_lossy(&out.stdout),
                        String::from_utf8_lossy(&out.stderr)
                    ));
                }
            }
        }
        if let Some(bins) = &go_bins {
            for i in 0..opts.go_runs {
                // What go-check holds it to: the output, the lesson checks, and -race.
                if let Err(e) = check_listing(listing, bins) {
                    go_failed += 1;
                    failures.push(format!("Go run {}: {e:#}", i + 1));
                }
            }
        }
        println!(
            "{:<32} rust {}/{} ok, go {}/{} ok ({:.1?})",
            listing.name,
            opts.runs - rust_failed.min(opts.runs),
            opts.runs,
            opts.go_runs - go_failed,
            opts.go_runs,
            started.elapsed()
        );
    }
    for f in &failures {
        eprintln!("\n{f}");
    }
    println!("stress: {} failed run(s)", failures.len());
    if !failures.is_empty() {
        bail!("{} run(s) failed under load", failures.len());
    }
    Ok(())
}

/// (listing, test executable) for every runnable test target of `listings`, built once.
fn rust_test_binaries(root: &Path, listings: &[&Listing]) -> Result<Vec<(String, String)>> {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root)
        .args(["test", "--no-run", "--message-format=json", "-q"]);
    for l in listings {
        cmd.args(["-p", &l.name]);
    }
    let out = cmd.output().context("cannot run cargo test --no-run")?;
    if !out.status.success() {
        bail!(
            "cargo test --no-run failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut found = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        // The test binary, not the program (cargo builds both for the test, and
        // names both executables).
        let Some(exe) = msg["executable"].as_str() else {
            continue;
        };
        if msg["profile"]["test"] != true {
            continue;
        }
        // The package is the listing folder the manifest path names.
        let manifest = msg["manifest_path"].as_str().unwrap_or_default();
        let Some(listing) = listings
            .iter()
            .find(|l| Path::new(manifest) == l.dir.join("Cargo.toml"))
        else {
            continue;
        };
        found.push((listing.name.clone(), exe.to_owned()));
    }
    Ok(found)
}
