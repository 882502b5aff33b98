//! `cargo xtask go-check`: the Go originals are formatted, vetted, tidy, modern, race-free and
//! print what the book shows: each one is held to the same `output.txt` and lesson checks as its
//! Rust program.
//!
//! Static checks first (`gofmt -l`, `go vet`, `go mod tidy -diff`, `go fix -diff`; all are
//! reported together), then every Go original is built twice, plainly and with `-race`, and
//! [`check_listing`] runs each listing's binaries.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use book_model::listing::{Listing, discover};
use listing_harness::Harness;

/// What the race detector prints for each race it finds.
const RACE_REPORT: &str = "WARNING: DATA RACE";
/// The exit status of a `-race` binary that found a race (`GORACE=exitcode=66`, the default,
/// set explicitly so that the caller's `GORACE` cannot change it or move the report to a file).
const RACE_EXIT: i32 = 66;
/// How long a `-race` binary sleeps when `main` returns, so that goroutines still running can
/// make (and report) their racy accesses. The default, 1000 ms, is kept for racy modes: the
/// note's race (`go func() { data++ }()`, then `main` returns) is caught only in that window.
/// A default run gets 100 ms: on a loaded 2-core machine, 20 ms already caught that race in
/// 100 runs of 100 (0 ms: 17 of 100), and a second per race run would be most of go-check's
/// time.
const RACY_EXIT_SLEEP_MS: u32 = 1000;
const DEFAULT_EXIT_SLEEP_MS: u32 = 100;

/// Runs the static checks, builds every Go original, and checks every listing's Go program.
pub fn go_check(root: &Path) -> Result<()> {
    let started = Instant::now();
    let dir = root.join("listings");
    static_checks(&dir)?;

    let bins = GoBinaries::build(root, &dir)?;
    let listings = discover(&dir)?;
    let failed = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    // The programs mostly sleep and wait: two (or one per core, up to four) run at once. Each
    // check must hold on a loaded machine anyway (`cargo xtask stress` loads every core).
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(listing) = listings.get(next.fetch_add(1, Ordering::Relaxed)) {
                    match check_listing(listing, &bins) {
                        Ok(()) => println!("ok   {}", listing.name),
                        Err(e) => {
                            println!("FAIL {}", listing.name);
                            failed.lock().unwrap().push(format!("{e:#}"));
                        }
                    }
                }
            });
        }
    });
    let failed = failed.into_inner().unwrap();
    for f in &failed {
        eprintln!("\n{f}");
    }
    println!(
        "go-check: {} passed, {} failed ({:.1?})",
        listings.len() - failed.len(),
        failed.len(),
        started.elapsed()
    );
    if !failed.is_empty() {
        bail!(
            "{} Go original(s) failed: output, lesson checks or race detector (see above)",
            failed.len()
        );
    }
    Ok(())
}

/// Checks one listing's Go original: the plain build's run is held to the output file and the
/// lesson checks; the `-race` build's default run must report no race; and each of its racy
/// modes (`racy-args` in Cargo.toml) must report one.
pub fn check_listing(listing: &Listing, bins: &GoBinaries) -> Result<()> {
    let (plain, race) = bins.of(listing)?;
    let run = listing.run("Go", Command::new(&plain))?;
    listing.verify("Go", &run)?;

    let run = listing.run_raw(
        "Go (-race)",
        race_command(&race, &[], DEFAULT_EXIT_SLEEP_MS),
    )?;
    if run.stderr.contains(RACE_REPORT) {
        bail!(
            "listing `{}`: the Go original has a data race: its default run, built with \
             `go build -race`, reported one (only a race lesson's racy mode, `racy-args` in \
             {}/Cargo.toml, may race)\n{}",
            listing.name,
            listing.dir.display(),
            run.transcript()
        );
    }
    if !run.status.success() {
        bail!(
            "listing `{}`: the Go original built with -race failed ({})\n{}",
            listing.name,
            run.status,
            run.transcript()
        );
    }

    if !listing.meta.racy_args.is_empty() {
        let args = &listing.meta.racy_args;
        let what = format!("Go (-race, args {args:?})");
        let run = listing.run_raw(&what, race_command(&race, args, RACY_EXIT_SLEEP_MS))?;
        let reported = run.stderr.contains(RACE_REPORT);
        if !reported || run.status.code() != Some(RACE_EXIT) {
            bail!(
                "listing `{}`: its racy mode (`go run -race ./{} {}`, from racy-args) must show \
                 its race (`{RACE_REPORT}` on stderr, exit status {RACE_EXIT}), but {} and it \
                 ended with {}\n{}",
                listing.name,
                listing.name,
                args.join(" "),
                if reported {
                    "the race detector reported one"
                } else {
                    "the race detector reported none"
                },
                run.status,
                run.transcript()
            );
        }
    }
    Ok(())
}

fn race_command(binary: &Path, args: &[String], exit_sleep_ms: u32) -> Command {
    let mut command = Command::new(binary);
    command.args(args).env(
        "GORACE",
        format!("exitcode={RACE_EXIT} atexit_sleep_ms={exit_sleep_ms}"),
    );
    command
}

/// Every Go original built plainly and with `-race`, in `<target>/go-check/{plain,race}/`.
/// The folders are kept: `go build -o` relinks only the binaries whose sources changed.
pub struct GoBinaries {
    dir: PathBuf,
}

impl GoBinaries {
    /// Builds `./...` in `listings_dir` (under `root`) into the cargo target folder.
    pub fn build(root: &Path, listings_dir: &Path) -> Result<GoBinaries> {
        // A relative CARGO_TARGET_DIR is relative to the workspace root.
        let target = root.join(std::env::var_os("CARGO_TARGET_DIR").unwrap_or("target".into()));
        let bins = GoBinaries {
            dir: target.join("go-check"),
        };
        for (sub, race) in [("plain", false), ("race", true)] {
            let out = bins.dir.join(sub);
            std::fs::create_dir_all(&out)
                .with_context(|| format!("cannot create {}", out.display()))?;
            let out = format!("{}/", out.to_str().context("target path is not UTF-8")?);
            // No symbol table or DWARF: the links are faster, and panics and race reports
            // still name files and lines (from the pclntab).
            let mut args = vec!["build", "-ldflags=-s -w"];
            if race {
                args.push("-race");
            }
            args.extend(["-o", &out, "./..."]);
            let build = go(listings_dir, &args)?;
            if !build.status.success() {
                bail!(
                    "`go {}` in listings/ failed:\n{}",
                    args.join(" "),
                    String::from_utf8_lossy(&build.stderr)
                );
            }
        }
        Ok(bins)
    }

    /// The plain and the `-race` binary of `listing`.
    fn of(&self, listing: &Listing) -> Result<(PathBuf, PathBuf)> {
        // A binary left from an earlier build must not stand in for a main.go that is gone.
        let is_main = std::fs::read_to_string(listing.go_path())
            .is_ok_and(|go| go.lines().any(|l| l.trim() == "package main"));
        let plain = self.dir.join("plain").join(&listing.name);
        let race = self.dir.join("race").join(&listing.name);
        if !is_main || !plain.is_file() || !race.is_file() {
            bail!(
                "listing `{}` has no Go original (listings/{}/main.go with package main)",
                listing.name,
                listing.name
            );
        }
        Ok((plain, race))
    }
}

fn go(dir: &Path, args: &[&str]) -> Result<Output> {
    Command::new("go")
        .args(args)
        .current_dir(dir)
        .output()
        .with_context(|| format!("cannot run `go {}` (is Go 1.26 installed?)", args.join(" ")))
}

/// gofmt, go vet, go mod tidy -diff and go fix -diff in `dir`; every failure is reported, each
/// with the files it names and the command that fixes them.
fn static_checks(dir: &Path) -> Result<()> {
    let mut problems = Vec::new();

    let fmt = Command::new("gofmt")
        .args(["-l", "."])
        .current_dir(dir)
        .output()
        .context("cannot run gofmt (is Go installed?)")?;
    let unformatted = String::from_utf8_lossy(&fmt.stdout);
    if !fmt.status.success() || !unformatted.trim().is_empty() {
        problems.push(format!(
            "gofmt -l: these files are not formatted (fix: `gofmt -w listings`):\n{}{}",
            in_listings(unformatted.lines()),
            String::from_utf8_lossy(&fmt.stderr)
        ));
    } else {
        println!("gofmt -l: clean");
    }

    let vet = go(dir, &["vet", "./..."])?;
    if !vet.status.success() {
        problems.push(format!(
            "go vet ./... (in listings/) found problems; fix the code it names:\n{}",
            String::from_utf8_lossy(&vet.stderr)
        ));
    } else {
        println!("go vet ./...: clean");
    }

    // Both print a unified diff and exit with an error when there is something to change.
    let tidy = go(dir, &["mod", "tidy", "-diff"])?;
    let diff = String::from_utf8_lossy(&tidy.stdout);
    if !tidy.status.success() || !diff.trim().is_empty() {
        // `diff current/go.mod tidy/go.mod`
        let files = diff
            .lines()
            .filter_map(|l| l.strip_prefix("diff current/"))
            .filter_map(|l| l.split_whitespace().next());
        problems.push(format!(
            "go mod tidy -diff: these files are not tidy (fix: `cd listings && go mod tidy`):\n\
             {}{diff}{}",
            in_listings(files),
            String::from_utf8_lossy(&tidy.stderr)
        ));
    } else {
        println!("go mod tidy -diff: clean");
    }

    let fix = go(dir, &["fix", "-diff", "./..."])?;
    let diff = String::from_utf8_lossy(&fix.stdout);
    if !fix.status.success() || !diff.trim().is_empty() {
        // `--- /abs/path/listings/<id>/main.go (old)`
        let files = diff
            .lines()
            .filter_map(|l| l.strip_prefix("--- ")?.strip_suffix(" (old)"))
            .map(|p| {
                Path::new(p)
                    .strip_prefix(dir)
                    .map_or(p.to_owned(), |p| p.display().to_string())
            });
        problems.push(format!(
            "go fix -diff ./...: the modernizers would change these files (fix: `cd listings && \
             go fix ./...`, then read the diff):\n{}{diff}{}",
            in_listings(files),
            String::from_utf8_lossy(&fix.stderr)
        ));
    } else {
        println!("go fix -diff ./...: clean");
    }

    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// `  listings/<file>` lines.
fn in_listings<S: AsRef<str>>(files: impl Iterator<Item = S>) -> String {
    files
        .map(|f| format!("  listings/{}\n", f.as_ref().trim_start_matches("./")))
        .collect()
}
