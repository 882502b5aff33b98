//! `cargo xtask go-check`: the Go originals are formatted, vetted, and print what the book
//! shows: each one is held to the same `output.txt` as its Rust program.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};
use listing_harness::Harness;

/// Runs gofmt, go vet, and every Go original against its listing's output file.
pub fn go_check(root: &Path) -> Result<()> {
    let dir = root.join("listings");
    let go = |args: &[&str]| -> Result<std::process::Output> {
        Command::new("go")
            .args(args)
            .current_dir(&dir)
            .output()
            .with_context(|| format!("cannot run `go {}` (is Go 1.26 installed?)", args.join(" ")))
    };

    let fmt = Command::new("gofmt")
        .args(["-l", "."])
        .current_dir(&dir)
        .output()
        .context("cannot run gofmt (is Go installed?)")?;
    let unformatted = String::from_utf8_lossy(&fmt.stdout);
    if !fmt.status.success() || !unformatted.trim().is_empty() {
        bail!(
            "gofmt: these files are not formatted (run `gofmt -w listings`):\n{unformatted}{}",
            String::from_utf8_lossy(&fmt.stderr)
        );
    }
    println!("gofmt -l: clean");

    let vet = go(&["vet", "./..."])?;
    if !vet.status.success() {
        bail!(
            "go vet ./... failed:\n{}",
            String::from_utf8_lossy(&vet.stderr)
        );
    }
    println!("go vet ./...: clean");

    let bin_dir = tempfile_dir()?;
    let out = bin_dir.to_str().context("temporary path is not UTF-8")?;
    let build = go(&["build", "-o", &format!("{out}/"), "./..."])?;
    if !build.status.success() {
        bail!(
            "go build ./... failed:\n{}",
            String::from_utf8_lossy(&build.stderr)
        );
    }

    let listings = book_model::listing::discover(&dir)?;
    let (mut passed, mut failed) = (0, Vec::new());
    for listing in &listings {
        let binary = bin_dir.join(&listing.name);
        let result = if binary.is_file() {
            listing
                .run("Go", Command::new(&binary))
                .and_then(|run| listing.verify("Go", &run))
        } else {
            Err(anyhow::anyhow!(
                "listing `{}` has no Go original (listings/{}/main.go with package main)",
                listing.name,
                listing.name
            ))
        };
        match result {
            Ok(()) => {
                passed += 1;
                println!("ok   {}", listing.name);
            }
            Err(e) => {
                println!("FAIL {}", listing.name);
                failed.push(format!("{e:#}"));
            }
        }
    }
    std::fs::remove_dir_all(&bin_dir).ok();
    for f in &failed {
        eprintln!("\n{f}");
    }
    println!("go-check: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        bail!(
            "{} Go original(s) do not print what the book shows",
            failed.len()
        );
    }
    Ok(())
}

fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("go-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
