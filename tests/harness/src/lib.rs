//! The output contract and the lesson of a listing.
//!
//! Every listing in `listings/<id>/` is a Cargo package whose `Cargo.toml` carries a
//! `[package.metadata.listing]` table, and whose `output.txt` is the output the book
//! shows under the code. Both the Rust program (`tests/output.rs` of each listing, run by
//! `cargo test`) and the Go original (`cargo xtask go-check`) are held to that one file, and
//! to the listing's lesson checks ([`lesson`]) in the same run.
//!
//! The comparison is [snapbox]'s, with nothing but the harness's own wildcard active: `[..]`
//! in `output.txt` stands for any text within a line (no `...` lines, no path rewriting), and
//! `order = "any"` compares the lines as a multiset, for programs whose threads print in an
//! order that changes from run to run. A run that writes to stderr fails, even when it exits
//! with success: a panic in a detached thread or task must not go unseen.
//!
//! `SNAPSHOTS=overwrite cargo test -p <id>` writes `output.txt` from a real run when it is
//! missing or holds plain lines in order; it never erases a `[..]` or an any-order file.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use wait_timeout::ChildExt;

pub use book_model::lesson::{self, Check};
pub use book_model::listing::{Line, Listing, Meta, Order, Run, discover};
pub use book_model::pattern::{self, Pattern};

/// Running a listing and holding it to its promises: what the harness adds to [`Listing`].
pub trait Harness {
    /// Runs `command` (the listing's Rust binary or its Go original) with the listing's time
    /// limit, recording when each line of standard output arrives. A run that exits with an
    /// error or is killed at the limit is an error that names the listing and shows what it
    /// printed until then.
    fn run(&self, what: &str, command: Command) -> Result<Run>;
    /// Like [`run`](Self::run), but a failing exit status is returned, not an error (a
    /// race-detector run exits with 66 when it found a race). A hang is still an error.
    fn run_raw(&self, what: &str, command: Command) -> Result<Run>;
    /// Holds a successful run to everything the listing promises: nothing on stderr, the
    /// output file, and every lesson check that applies to `what` (`Rust` or `Go`).
    fn verify(&self, what: &str, run: &Run) -> Result<()>;
    /// Holds `run` to the listing's lesson checks that apply to `what`.
    fn verify_lesson(&self, what: &str, run: &Run) -> Result<()>;
    /// Compares `actual` with the output file (see [`compare_or_overwrite`](Self::compare_or_overwrite));
    /// `SNAPSHOTS=overwrite` in the environment allows the overwrite.
    fn compare(&self, what: &str, actual: &str) -> Result<()>;
    /// Compares `actual` with the output file, as a multiset of lines when the listing's
    /// order is `any` (but for its `fixed-head` and `fixed-tail` lines).
    ///
    /// With `overwrite`, a missing file is written from `actual`, and so is a file of plain
    /// lines in exact order; a file that matches is kept as it is, and a file with `[..]` or
    /// lines in any order is never overwritten (that would erase what was written by hand):
    /// the error says so.
    fn compare_or_overwrite(&self, what: &str, actual: &str, overwrite: bool) -> Result<()>;
}

impl Harness for Listing {
    /// Runs `command` (the listing's Rust binary or its Go original) with the listing's time
    /// limit, recording when each line of standard output arrives. A run that exits with an
    /// error or is killed at the limit is an error that names the listing and shows what it
    /// printed until then.
    fn run(&self, what: &str, command: Command) -> Result<Run> {
        let run = self.run_raw(what, command)?;
        if !run.status.success() {
            bail!(
                "listing `{}`: the {what} program failed ({}) after {:.1?}\n{}",
                self.name,
                run.status,
                run.elapsed,
                run.transcript()
            );
        }
        Ok(run)
    }

    /// Like [`run`](Self::run), but a failing exit status is returned, not an error (a
    /// race-detector run exits with 66 when it found a race). A hang is still an error.
    fn run_raw(&self, what: &str, mut command: Command) -> Result<Run> {
        let started = Instant::now();
        // Its own process group, so that a hang is ended with everything it started.
        let mut child = command
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("listing `{}`: cannot start the {what} program", self.name))?;
        // Both pipes are read on their own threads, so that a chatty program cannot fill a
        // pipe and block; each stdout line is stamped with the time it arrived.
        let (tx, rx) = mpsc::channel();
        if let Some(out) = child.stdout.take() {
            let tx = tx.clone();
            std::thread::spawn(move || read_lines(out, started, tx));
        }
        if let Some(err) = child.stderr.take() {
            std::thread::spawn(move || read_all(err, tx));
        }
        let limit = self.timeout();
        let status = child.wait_timeout(limit)?;
        let killed = status.is_none();
        if killed {
            let group = nix::unistd::Pid::from_raw(child.id() as i32);
            nix::sys::signal::killpg(group, nix::sys::signal::Signal::SIGKILL).ok();
            child.kill().ok();
            child.wait().ok();
        }
        // The readers end at end of file; a grandchild that keeps a pipe open must not make
        // the harness wait for ever.
        let (lines, stderr) = collect(&rx, Instant::now() + Duration::from_secs(2));
        let run = Run {
            lines,
            stderr,
            status: status.unwrap_or_else(|| child.wait().unwrap_or_default()),
            elapsed: started.elapsed(),
        };
        if killed {
            bail!(
                "listing `{}`: the {what} program was killed at its time limit of {} s \
                 (it hung, or it is too slow: `timeout-secs` in {}/Cargo.toml sets the limit)\n{}",
                self.name,
                self.meta.timeout_secs,
                self.dir.display(),
                run.transcript()
            );
        }
        Ok(run)
    }

    /// Holds a successful run to everything the listing promises: nothing on stderr, the
    /// output file, and every lesson check that applies to `what` (`Rust` or `Go`).
    fn verify(&self, what: &str, run: &Run) -> Result<()> {
        if !run.stderr.is_empty() {
            bail!(
                "listing `{}`: the {what} program wrote to stderr (a panic in a thread or task \
                 that nobody joined?), although it exited with success\n{}",
                self.name,
                run.transcript()
            );
        }
        self.compare(what, &run.stdout())?;
        self.verify_lesson(what, run)
    }

    /// Holds `run` to the listing's lesson checks that apply to `what`.
    fn verify_lesson(&self, what: &str, run: &Run) -> Result<()> {
        for (i, check) in self.meta.check.iter().enumerate() {
            if !check.applies_to(what) {
                continue;
            }
            check.verify(run).map_err(|e| {
                anyhow::anyhow!(
                    "listing `{}`: the {what} program breaks its lesson: {} failed: {e:#}\n\
                     lesson: {}\n{}",
                    self.name,
                    check.label(i),
                    self.meta.lesson.as_deref().unwrap_or("(none written)"),
                    run.transcript()
                )
            })?;
        }
        Ok(())
    }

    /// Compares `actual` with the output file, as a multiset of lines when the listing's
    /// order is `any` (but for its `fixed-head` and `fixed-tail` lines).
    ///
    /// With `SNAPSHOTS=overwrite`, a missing file is written from `actual`, and so is a file
    /// of plain lines in exact order; a file that matches is kept as it is, and a file with
    /// `[..]` or lines in any order is never overwritten (that would erase what was written
    /// by hand): the error says so.
    fn compare(&self, what: &str, actual: &str) -> Result<()> {
        let overwrite =
            std::env::var_os(snapbox::assert::DEFAULT_ACTION_ENV).is_some_and(|v| v == "overwrite");
        self.compare_or_overwrite(what, actual, overwrite)
    }

    /// [`compare`](Self::compare), with the overwrite decided by the caller.
    fn compare_or_overwrite(&self, what: &str, actual: &str, overwrite: bool) -> Result<()> {
        let path = self.output_path();
        if !path.is_file() {
            if overwrite {
                return std::fs::write(&path, actual)
                    .with_context(|| format!("cannot write {}", path.display()));
            }
            bail!(
                "listing `{}` has no output file: {} is missing (write it with \
                 `SNAPSHOTS=overwrite cargo test -p {}`, then read it)",
                self.name,
                path.display(),
                self.name
            );
        }
        let expected = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        pattern::validate_output_file(&expected)
            .with_context(|| format!("listing `{}`: {}", self.name, path.display()))?;
        let result = compare_with(self, what, actual, &expected);
        match result {
            Err(e) if overwrite => {
                if self.meta.order == Order::Any || expected.contains(pattern::WILDCARD) {
                    bail!(
                        "{e:#}\n\nSNAPSHOTS=overwrite does not rewrite {}: it has `[..]` or lines \
                         in any order, which a real run would erase. Edit it by hand.",
                        path.display()
                    );
                }
                std::fs::write(&path, actual)
                    .with_context(|| format!("cannot write {}", path.display()))
            }
            other => other,
        }
    }
}

fn compare_with(l: &Listing, what: &str, actual: &str, expected: &str) -> Result<()> {
    let path = l.output_path();
    let (head, tail) = (l.meta.fixed_head, l.meta.fixed_tail);
    if l.meta.order == Order::Exact || head + tail == 0 {
        let unordered = l.meta.order == Order::Any;
        return compare_part(l, what, "", actual, expected, unordered);
    }
    // Three parts: the fixed head, the lines in any order, the fixed tail.
    let split = |text: &str| -> Option<[String; 3]> {
        let lines: Vec<&str> = text.lines().collect();
        let n = lines.len().checked_sub(head + tail)?;
        let part = |r: std::ops::Range<usize>| lines[r].iter().map(|l| format!("{l}\n")).collect();
        Some([
            part(0..head),
            part(head..head + n),
            part(head + n..lines.len()),
        ])
    };
    let Some(want) = split(expected) else {
        bail!(
            "listing `{}`: {} has fewer lines than fixed-head + fixed-tail ({})",
            l.name,
            path.display(),
            head + tail
        );
    };
    let Some(got) = split(actual) else {
        return compare_part(l, what, "", actual, expected, true);
    };
    compare_part(l, what, " (its first lines)", &got[0], &want[0], false)?;
    compare_part(l, what, " (its last lines)", &got[2], &want[2], false)?;
    compare_part(
        l,
        what,
        " (the lines that may come in any order)",
        &got[1],
        &want[1],
        true,
    )
}

fn compare_part(
    l: &Listing,
    what: &str,
    part: &str,
    actual: &str,
    expected: &str,
    unordered: bool,
) -> Result<()> {
    let path = l.output_path();
    let mut expected = snapbox::Data::text(expected.to_owned());
    if unordered {
        expected = expected.unordered();
    }
    let actual = snapbox::Data::text(actual.to_owned());
    let label = format!("the {what} program of listing `{}`{part}", l.name);
    // Only `[..]`: no default redactions, no `\` to `/`, and no colour codes in logs.
    snapbox::Assert::new()
        .redact_with(snapbox::Redactions::new())
        .normalize_paths(false)
        .palette(snapbox::report::Palette::plain())
        .try_eq(Some(&label), actual, expected)
        .map_err(|e| {
            anyhow::anyhow!(
                "listing `{}`: output differs from {}{part}\n{e}",
                l.name,
                path.display()
            )
        })
}

enum Piece {
    Line(Line),
    Stderr(String),
}

fn read_lines(out: impl Read, started: Instant, tx: mpsc::Sender<Piece>) {
    let mut reader = BufReader::new(out);
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let at = started.elapsed();
                let text = String::from_utf8_lossy(&bytes);
                let text = text.strip_suffix('\n').unwrap_or(&text);
                let text = text.strip_suffix('\r').unwrap_or(text).to_owned();
                if tx.send(Piece::Line(Line { at, text })).is_err() {
                    break;
                }
            }
        }
    }
}

fn read_all(mut err: impl Read, tx: mpsc::Sender<Piece>) {
    let mut buf = [0u8; 4096];
    loop {
        match err.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let text = String::from_utf8_lossy(&buf[..n]).into_owned();
                if tx.send(Piece::Stderr(text)).is_err() {
                    break;
                }
            }
        }
    }
}

/// Everything the readers sent until both pipes closed, or until `deadline`.
fn collect(rx: &mpsc::Receiver<Piece>, deadline: Instant) -> (Vec<Line>, String) {
    let (mut lines, mut stderr) = (Vec::new(), String::new());
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Piece::Line(line)) => lines.push(line),
            Ok(Piece::Stderr(text)) => stderr.push_str(&text),
            Err(_) => break,
        }
    }
    (lines, stderr)
}

/// Runs a listing's binary once and holds it to its output file and its lesson checks; used
/// by each listing's `tests/output.rs` through [`check!`].
pub fn check_binary(binary: &str, listing_dir: &str) {
    let result = Listing::load(listing_dir).and_then(|listing| {
        let run = listing.run("Rust", Command::new(binary))?;
        listing.verify("Rust", &run)
    });
    if let Err(e) = result {
        panic!("{e:#}");
    }
}

/// Runs a listing's binary once with `args` and returns what it printed, for a listing's own
/// lesson tests; used through [`run!`]. Panics (naming the listing) if it fails or hangs.
pub fn run_binary(binary: &str, listing_dir: &str, args: &[&str]) -> Run {
    let result = Listing::load(listing_dir).and_then(|listing| {
        let mut command = Command::new(binary);
        command.args(args);
        listing.run("Rust", command)
    });
    result.unwrap_or_else(|e| panic!("{e:#}"))
}

/// Builds on the calling listing's binary and manifest; put it in `tests/output.rs`.
#[macro_export]
macro_rules! check {
    () => {
        $crate::check_binary(
            env!(concat!("CARGO_BIN_EXE_", env!("CARGO_PKG_NAME"))),
            env!("CARGO_MANIFEST_DIR"),
        )
    };
}

/// Runs the calling listing's binary once (with optional arguments) and returns the [`Run`]:
/// its lines with the time each arrived, and its stderr. For `tests/lesson.rs`.
#[macro_export]
macro_rules! run {
    ($($arg:expr),* $(,)?) => {
        $crate::run_binary(
            env!(concat!("CARGO_BIN_EXE_", env!("CARGO_PKG_NAME"))),
            env!("CARGO_MANIFEST_DIR"),
            &[$($arg),*],
        )
    };
}
