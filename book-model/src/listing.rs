//! A listing: a Cargo package in `listings/<id>/` with its Go original, the output file the
//! book shows, and `[package.metadata.listing]`: where it comes from, how its output is
//! compared, its lesson and the checks that hold both programs to it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::lesson::Check;

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
    /// How long one run may take, in seconds (a fraction is allowed), before it is killed
    /// and reported as hung.
    #[serde(default = "default_timeout")]
    pub timeout_secs: f64,
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

fn default_timeout() -> f64 {
    10.0
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
    /// Whether its manifest gathers its tests into the one test binary
    /// ([`TEST_BINARY`]): `autotests = false` and that `[[test]]` target alone.
    pub one_test_binary: bool,
}

/// The test target of every listing: `tests/listing.rs` declares each of the listing's
/// test files (`mod output;`, `mod lesson;` ...), so that they run side by side in one
/// binary. Cargo runs test binaries one after another, and the output test mostly waits
/// for the program.
pub const TEST_BINARY: &str = "tests/listing.rs";

#[derive(Deserialize)]
struct Manifest {
    package: Package,
    #[serde(default)]
    test: Vec<TestTarget>,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    #[serde(default)]
    autotests: Option<bool>,
    #[serde(default)]
    metadata: Option<PackageMetadata>,
}

#[derive(Deserialize)]
struct TestTarget {
    name: Option<String>,
    path: Option<String>,
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
        if !(meta.timeout_secs.is_finite() && meta.timeout_secs > 0.0) {
            bail!(
                "{}: `timeout-secs = {}` is no time limit (seconds, more than 0)",
                manifest_path.display(),
                meta.timeout_secs
            );
        }
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
        let one_test_binary = manifest.package.autotests == Some(false)
            && matches!(
                manifest.test.as_slice(),
                [TestTarget { name: Some(name), path: Some(path) }]
                    if name == "listing" && path == TEST_BINARY
            );
        Ok(Listing {
            name: manifest.package.name,
            dir,
            meta,
            one_test_binary,
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

    /// The Rust program.
    pub fn rust_path(&self) -> PathBuf {
        self.dir.join("src/main.rs")
    }

    /// The files every listing has, each with what it is.
    pub fn required_files(&self) -> [(&'static str, PathBuf); 5] {
        [
            ("Rust program", self.rust_path()),
            ("Go original", self.go_path()),
            ("output file", self.output_path()),
            ("output test", self.dir.join("tests/output.rs")),
            ("test binary", self.dir.join(TEST_BINARY)),
        ]
    }

    /// What keeps a test of this listing from running: a manifest that does not gather
    /// the tests into [`TEST_BINARY`], or a file in `tests/` that it does not declare
    /// (with `autotests = false`, cargo would never build it). Empty when all is well.
    pub fn unrun_tests(&self) -> Vec<String> {
        let mut found = Vec::new();
        if !self.one_test_binary {
            found.push(format!(
                "Cargo.toml must gather the tests into one binary: `autotests = false` in \
                 [package], and one [[test]] with name = \"listing\", path = \"{TEST_BINARY}\""
            ));
        }
        let Ok(declared) = std::fs::read_to_string(self.dir.join(TEST_BINARY)) else {
            return found; // a missing file is a missing required file
        };
        let declared: Vec<&str> = declared
            .lines()
            .filter_map(|l| l.trim().strip_prefix("mod ")?.strip_suffix(';'))
            .collect();
        let mut files: Vec<String> = std::fs::read_dir(self.dir.join("tests"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .filter(|stem| format!("tests/{stem}.rs") != TEST_BINARY)
            .collect();
        files.sort();
        for stem in files {
            if !declared.contains(&stem.as_str()) {
                found.push(format!(
                    "tests/{stem}.rs never runs: {TEST_BINARY} does not declare it (`mod {stem};`)"
                ));
            }
        }
        found
    }

    /// A compile-fail case: the rejected Rust and the compiler's error.
    pub fn compile_fail_files(&self, case: &str) -> [PathBuf; 2] {
        let dir = self.dir.join("compile-fail");
        [
            dir.join(format!("{case}.rs")),
            dir.join(format!("{case}.stderr")),
        ]
    }

    /// The time limit of one run.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs_f64(self.meta.timeout_secs)
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
