//! The output contract of a listing.
//!
//! Every listing in `listings/<id>/` is a Cargo package whose `Cargo.toml` carries a
//! `[package.metadata.listing]` table, and whose `output.txt` is the output the book
//! shows under the code. Both the Rust program (`tests/output.rs` of each listing, run by
//! `cargo test`) and the Go original (`cargo xtask go-check`) are held to that one file.
//!
//! The comparison is [snapbox]'s: `[..]` in `output.txt` stands for any text within a
//! line, and `order = "any"` compares the lines as a multiset, for programs whose threads
//! print in an order that changes from run to run. Run `SNAPSHOTS=overwrite cargo test -p
//! <id>` to write the file from a real run, then read it before you commit it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use wait_timeout::ChildExt;

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
    /// limit and returns what it printed on standard output. A run that exits with an error
    /// or is killed at the limit is an error that names the listing.
    pub fn run(&self, what: &str, mut command: Command) -> Result<String> {
        let started = Instant::now();
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("listing `{}`: cannot start the {what} program", self.name))?;
        // Read both pipes on their own threads, so that a chatty program cannot fill a pipe
        // and block while we wait for it to exit.
        let stdout = child.stdout.take().map(drain);
        let stderr = child.stderr.take().map(drain);
        let status = match child.wait_timeout(self.timeout())? {
            Some(status) => status,
            None => {
                child.kill().ok();
                child.wait().ok();
                bail!(
                    "listing `{}`: the {what} program was killed at its time limit of {} s \
                     (it hung, or it is too slow: `timeout-secs` in {}/Cargo.toml sets the limit)",
                    self.name,
                    self.meta.timeout_secs,
                    self.dir.display()
                );
            }
        };
        let stdout = stdout.map(join_drain).transpose()?.unwrap_or_default();
        let stderr = stderr.map(join_drain).transpose()?.unwrap_or_default();
        if !status.success() {
            bail!(
                "listing `{}`: the {what} program failed ({status}) after {:.1?}\n--- stderr ---\n{stderr}",
                self.name,
                started.elapsed()
            );
        }
        Ok(stdout)
    }

    /// Compares `actual` with the output file, as a multiset of lines when the listing's
    /// order is `any` (but for its `fixed-head` and `fixed-tail` lines).
    /// `SNAPSHOTS=overwrite` writes the file from `actual` instead.
    pub fn compare(&self, what: &str, actual: &str) -> Result<()> {
        let path = self.output_path();
        let overwrite =
            std::env::var_os(snapbox::assert::DEFAULT_ACTION_ENV).is_some_and(|v| v == "overwrite");
        if overwrite {
            std::fs::write(&path, actual)
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(());
        }
        if !path.is_file() {
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
        let (head, tail) = (self.meta.fixed_head, self.meta.fixed_tail);
        if self.meta.order == Order::Exact || head + tail == 0 {
            let unordered = self.meta.order == Order::Any;
            return self.compare_part(what, "", actual, &expected, unordered);
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
        let Some(want) = split(&expected) else {
            bail!(
                "listing `{}`: {} has fewer lines than fixed-head + fixed-tail ({})",
                self.name,
                path.display(),
                head + tail
            );
        };
        let Some(got) = split(actual) else {
            return self.compare_part(what, "", actual, &expected, true);
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
        snapbox::Assert::new()
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

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<std::io::Result<String>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    })
}

fn join_drain(handle: std::thread::JoinHandle<std::io::Result<String>>) -> Result<String> {
    match handle.join() {
        Ok(read) => Ok(read?),
        Err(_) => bail!("the thread reading a pipe panicked"),
    }
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

/// Runs a listing's binary and holds it to its output file; used by each listing's
/// `tests/output.rs` through [`check!`].
pub fn check_binary(binary: &str, listing_dir: &str) {
    let result = Listing::load(listing_dir).and_then(|listing| {
        let out = listing.run("Rust", Command::new(binary))?;
        listing.compare("Rust", &out)
    });
    if let Err(e) = result {
        panic!("{e:#}");
    }
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
