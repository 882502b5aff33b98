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

pub mod lesson;
pub mod pattern;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use wait_timeout::ChildExt;

pub use lesson::Check;
pub use pattern::Pattern;

/// The file, beside `Cargo.toml`, that holds the output the book shows.
pub const OUTPUT_FILE: &str = "output.txt";
/// The Go original of a listing, beside `Cargo.toml`.
pub const GO_FILE: &str = "main.go";

/// What `[package.metadata.listing]` says about a listing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Meta {
    /// The note the Go example comes from: `001`, `002`, `003` or `004`
    /// (the file names in `shared/seeds/original/`).
    pub note: String,
    /// The heading of the note that holds the Go example.
    pub heading: String,
    /// `exact` (the default) or `any`: whether the order of the output lines is part of
    /// the contract.
    #[serde(default)]
    pub order: Order,
    /// With `order = "any"`: this many lines at the start must come first, in order.
    #[serde(default)]
    pub fixed_head: usize,
    /// With `order = "any"`: this many lines at the end must come last, in order.
    #[serde(default)]
    pub fixed_tail: usize,
    /// How long one run may take before it is killed and reported as hung.
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
    /// The lesson in one sentence, as the chapter teaches it; the checks hold the programs
    /// to it.
    #[serde(default)]
    pub lesson: Option<String>,
    /// Race lessons only: the arguments that run the racy mode, which `go-check` runs under
    /// the race detector and which must report a race.
    #[serde(default)]
    pub racy_args: Vec<String>,
    /// The lesson checks, `[[package.metadata.listing.check]]`.
    #[serde(default)]
    pub check: Vec<Check>,
}

fn default_timeout() -> u64 {
    10
}

/// Whether the order of a listing's output lines is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Line for line, in order.
    #[default]
    Exact,
    /// The same lines, each as many times, in any order.
    Any,
}

/// One listing: a package in `listings/`.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The package name, which is also the folder name.
    pub name: String,
    /// The listing's folder.
    pub dir: PathBuf,
    /// Its `[package.metadata.listing]` table.
    pub meta: Meta,
}

#[derive(Deserialize)]
struct Manifest {
    package: Package,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    #[serde(default)]
    metadata: Option<PackageMetadata>,
}

#[derive(Deserialize)]
struct PackageMetadata {
    listing: Option<Meta>,
}

impl Listing {
    /// Reads the listing in `dir`, failing with the file name when its manifest has no
    /// `[package.metadata.listing]` table or the table is malformed.
    pub fn load(dir: impl Into<PathBuf>) -> Result<Listing> {
        let dir = dir.into();
        let manifest_path = dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest_path)
            .with_context(|| format!("cannot read {}", manifest_path.display()))?;
        let manifest: Manifest = toml::from_str(&text).with_context(|| {
            format!(
                "{} is not a valid listing manifest",
                manifest_path.display()
            )
        })?;
        let Some(meta) = manifest.package.metadata.and_then(|m| m.listing) else {
            bail!(
                "{} has no [package.metadata.listing] table (note, heading)",
                manifest_path.display()
            );
        };
        if meta.order == Order::Exact && meta.fixed_head + meta.fixed_tail > 0 {
            bail!(
                "{}: `fixed-head`/`fixed-tail` only mean something with `order = \"any\"` \
                 (with the exact order every line is fixed already)",
                manifest_path.display()
            );
        }
        for (i, check) in meta.check.iter().enumerate() {
            check.validate().with_context(|| {
                format!(
                    "{}: lesson {} is malformed",
                    manifest_path.display(),
                    check.label(i)
                )
            })?;
        }
        Ok(Listing {
            name: manifest.package.name,
            dir,
            meta,
        })
    }

    /// The output file the book shows.
    pub fn output_path(&self) -> PathBuf {
        self.dir.join(OUTPUT_FILE)
    }

    /// The Go original.
    pub fn go_path(&self) -> PathBuf {
        self.dir.join(GO_FILE)
    }

    /// The time limit of one run.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.meta.timeout_secs)
    }

    /// Runs `command` (the listing's Rust binary or its Go original) with the listing's time
    /// limit, recording when each line of standard output arrives. A run that exits with an
    /// error or is killed at the limit is an error that names the listing and shows what it
    /// printed until then.
    pub fn run(&self, what: &str, command: Command) -> Result<Run> {
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
    pub fn run_raw(&self, what: &str, mut command: Command) -> Result<Run> {
        let started = Instant::now();
        let mut child = command
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
    pub fn verify(&self, what: &str, run: &Run) -> Result<()> {
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
    pub fn verify_lesson(&self, what: &str, run: &Run) -> Result<()> {
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
    pub fn compare(&self, what: &str, actual: &str) -> Result<()> {
        let overwrite =
            std::env::var_os(snapbox::assert::DEFAULT_ACTION_ENV).is_some_and(|v| v == "overwrite");
        self.compare_or_overwrite(what, actual, overwrite)
    }

    /// [`compare`](Self::compare), with the overwrite decided by the caller.
    pub fn compare_or_overwrite(&self, what: &str, actual: &str, overwrite: bool) -> Result<()> {
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
        let result = self.compare_with(what, actual, &expected);
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

    fn compare_with(&self, what: &str, actual: &str, expected: &str) -> Result<()> {
        let path = self.output_path();
        let (head, tail) = (self.meta.fixed_head, self.meta.fixed_tail);
        if self.meta.order == Order::Exact || head + tail == 0 {
            let unordered = self.meta.order == Order::Any;
            return self.compare_part(what, "", actual, expected, unordered);
        }
        // Three parts: the fixed head, the lines in any order, the fixed tail.
        let split = |text: &str| -> Option<[String; 3]> {
            let lines: Vec<&str> = text.lines().collect();
            let n = lines.len().checked_sub(head + tail)?;
            let part =
                |r: std::ops::Range<usize>| lines[r].iter().map(|l| format!("{l}\n")).collect();
            Some([
                part(0..head),
                part(head..head + n),
                part(head + n..lines.len()),
            ])
        };
        let Some(want) = split(expected) else {
            bail!(
                "listing `{}`: {} has fewer lines than fixed-head + fixed-tail ({})",
                self.name,
                path.display(),
                head + tail
            );
        };
        let Some(got) = split(actual) else {
            return self.compare_part(what, "", actual, expected, true);
        };
        self.compare_part(what, " (its first lines)", &got[0], &want[0], false)?;
        self.compare_part(what, " (its last lines)", &got[2], &want[2], false)?;
        self.compare_part(
            what,
            " (the lines that may come in any order)",
            &got[1],
            &want[1],
            true,
        )
    }

    fn compare_part(
        &self,
        what: &str,
        part: &str,
        actual: &str,
        expected: &str,
        unordered: bool,
    ) -> Result<()> {
        let path = self.output_path();
        let mut expected = snapbox::Data::text(expected.to_owned());
        if unordered {
            expected = expected.unordered();
        }
        let actual = snapbox::Data::text(actual.to_owned());
        let label = format!("the {what} program of listing `{}`{part}", self.name);
        // Only `[..]`: no default redactions, no `\` to `/`, and no colour codes in logs.
        snapbox::Assert::new()
            .redact_with(snapbox::Redactions::new())
            .normalize_paths(false)
            .palette(snapbox::report::Palette::plain())
            .try_eq(Some(&label), actual, expected)
            .map_err(|e| {
                anyhow::anyhow!(
                    "listing `{}`: output differs from {}{part}\n{e}",
                    self.name,
                    path.display()
                )
            })
    }
}

/// One line of standard output and when it arrived, counted from the program's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub at: Duration,
    pub text: String,
}

/// What one run of a program printed, and how it ended.
#[derive(Debug, Clone)]
pub struct Run {
    /// Standard output, line by line, each with the time it arrived.
    pub lines: Vec<Line>,
    /// Standard error, whole.
    pub stderr: String,
    pub status: ExitStatus,
    pub elapsed: Duration,
}

impl Run {
    /// Standard output as one text, every line ended by a newline.
    pub fn stdout(&self) -> String {
        self.lines.iter().map(|l| format!("{}\n", l.text)).collect()
    }

    /// `line 3 `worker 2 done` (at 104 ms)`, for messages.
    pub fn describe(&self, index: usize) -> String {
        let line = &self.lines[index];
        format!(
            "line {} `{}` (at {} ms)",
            index + 1,
            line.text,
            line.at.as_millis()
        )
    }

    /// What the program printed, each stdout line with the time it arrived, then stderr.
    pub fn transcript(&self) -> String {
        let mut s = String::from("--- stdout (ms since start | line) ---\n");
        for line in &self.lines {
            writeln!(s, "{:>6} | {}", line.at.as_millis(), line.text).ok();
        }
        if self.lines.is_empty() {
            s.push_str("(nothing)\n");
        }
        s.push_str("--- stderr ---\n");
        s.push_str(if self.stderr.is_empty() {
            "(nothing)\n"
        } else {
            &self.stderr
        });
        s
    }
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

/// Every listing below `listings_dir`, sorted by name: each folder with a `Cargo.toml`.
pub fn discover(listings_dir: &Path) -> Result<Vec<Listing>> {
    let mut listings = Vec::new();
    let entries = std::fs::read_dir(listings_dir)
        .with_context(|| format!("cannot read {}", listings_dir.display()))?;
    for entry in entries {
        let dir = entry?.path();
        if dir.join("Cargo.toml").is_file() {
            listings.push(Listing::load(dir)?);
        }
    }
    listings.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(listings)
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
