//! Each way a listing can break gives an error that names the listing and says what is wrong.

use std::path::Path;
use std::process::Command;

use listing_harness::{Harness, Listing};

fn listing(dir: &Path, meta: &str, output: Option<&str>) -> Listing {
    let manifest = format!(
        "[package]\nname = \"demo-listing\"\n\n[package.metadata.listing]\nnote = \"004\"\nheading = \"Demo\"\n{meta}\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write manifest");
    if let Some(output) = output {
        std::fs::write(dir.join("output.txt"), output).expect("write output");
    }
    Listing::load(dir).expect("load listing")
}

fn sh(script: &str) -> Command {
    let mut command = Command::new("sh");
    command.args(["-c", script]);
    command
}

fn error_of(listing: &Listing, script: &str) -> String {
    let result = listing
        .run("Rust", sh(script))
        .and_then(|run| listing.verify("Rust", &run));
    format!("{:#}", result.expect_err("the check must fail"))
}

#[test]
fn matching_output_passes_in_order_and_as_a_multiset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exact = listing(dir.path(), "", Some("a\nb\n"));
    let run = exact.run("Rust", sh("printf 'a\\nb\\n'")).expect("runs");
    exact.verify("Rust", &run).expect("same output");

    let any = listing(
        dir.path(),
        "order = \"any\"\nfixed-tail = 1",
        Some("w [..] 1\nw [..] 2\nend\n"),
    );
    let run = any
        .run("Rust", sh("printf 'w 7 2\\nw 3 1\\nend\\n'"))
        .expect("runs");
    any.verify("Rust", &run)
        .expect("same lines in another order");
}

#[test]
fn a_missing_output_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = listing(dir.path(), "", None);
    let err = error_of(&l, "echo hi");
    assert!(
        err.contains("listing `demo-listing` has no output file"),
        "{err}"
    );
    assert!(err.contains("output.txt is missing"), "{err}");
}

#[test]
fn a_hung_listing_is_killed_at_its_limit_and_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = listing(dir.path(), "timeout-secs = 0.5", Some("hi\n"));
    let started = std::time::Instant::now();
    let err = error_of(&l, "echo 'before the hang'; sleep 30");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "not killed in time"
    );
    assert!(
        err.contains(
            "listing `demo-listing`: the Rust program was killed at its time limit of 0.5 s"
        ),
        "{err}"
    );
    // What it printed before it hung is the best clue: it is shown, with its time.
    assert!(err.contains("| before the hang"), "{err}");
}

#[test]
fn a_failing_listing_is_named_with_its_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = listing(dir.path(), "", Some("hi\n"));
    let err = error_of(&l, "echo boom >&2; exit 3");
    assert!(
        err.contains("listing `demo-listing`: the Rust program failed"),
        "{err}"
    );
    assert!(err.contains("boom"), "{err}");
}

#[test]
fn different_output_fails_in_each_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exact = listing(dir.path(), "", Some("a\nb\n"));
    let err = error_of(&exact, "printf 'b\\na\\n'");
    assert!(err.contains("output differs"), "{err}");

    // A multiset still counts lines: one line too many or too few fails.
    let any = listing(dir.path(), "order = \"any\"", Some("x\nx\ny\n"));
    let err = error_of(&any, "printf 'x\\ny\\n'");
    assert!(err.contains("output differs"), "{err}");

    // The fixed tail must come last.
    let tail = listing(
        dir.path(),
        "order = \"any\"\nfixed-tail = 1",
        Some("a\nb\nend\n"),
    );
    let err = error_of(&tail, "printf 'a\\nend\\nb\\n'");
    assert!(err.contains("its last lines"), "{err}");
}

#[test]
fn a_manifest_without_listing_metadata_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").expect("write");
    let err = format!("{:#}", Listing::load(dir.path()).expect_err("no metadata"));
    assert!(
        err.contains("has no [package.metadata.listing] table"),
        "{err}"
    );
}

#[test]
fn stderr_fails_a_run_that_exits_with_success() {
    // A panic in a thread nobody joined prints to stderr, and the program still exits 0.
    let dir = tempfile::tempdir().expect("tempdir");
    let l = listing(dir.path(), "", Some("hi\n"));
    let err = error_of(
        &l,
        "echo hi; echo \"thread '<unnamed>' panicked at src/main.rs:9:5\" >&2",
    );
    assert!(err.contains("wrote to stderr"), "{err}");
    assert!(err.contains("panicked at src/main.rs:9:5"), "{err}");
}

#[test]
fn only_the_documented_wildcard_is_active() {
    let dir = tempfile::tempdir().expect("tempdir");
    // snapbox's `...` line wildcard would accept any number of lines: it is refused.
    let l = listing(dir.path(), "", Some("a\n...\nz\n"));
    let err = error_of(&l, "printf 'a\\nb\\nz\\n'");
    assert!(err.contains("`...` is not a wildcard here"), "{err}");

    // No path normalisation: `\` in the program's output is not `/` in the file.
    let l = listing(dir.path(), "", Some("C:/dir\n"));
    let err = error_of(&l, "printf 'C:\\\\dir\\n'");
    assert!(err.contains("output differs"), "{err}");

    // No default redactions: `[EXE]` is literal text.
    let l = listing(dir.path(), "", Some("prog[EXE]\n"));
    let err = error_of(&l, "printf 'prog\\n'");
    assert!(err.contains("output differs"), "{err}");
}

#[test]
fn messages_have_no_colour_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let l = listing(dir.path(), "", Some("a\n"));
    let err = error_of(&l, "echo b");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn fixed_lines_without_any_order_are_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let manifest = "[package]\nname = \"demo-listing\"\n\n[package.metadata.listing]\nnote = \"004\"\nheading = \"Demo\"\nfixed-tail = 1\n";
    std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write");
    let err = format!("{:#}", Listing::load(dir.path()).expect_err("refused"));
    assert!(
        err.contains("only mean something with `order = \"any\"`"),
        "{err}"
    );
}

#[test]
fn a_time_limit_of_zero_or_less_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    for limit in ["0", "-1.5"] {
        let manifest = format!(
            "[package]\nname = \"demo-listing\"\n\n[package.metadata.listing]\nnote = \"004\"\nheading = \"Demo\"\ntimeout-secs = {limit}\n"
        );
        std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write");
        let err = format!("{:#}", Listing::load(dir.path()).expect_err("refused"));
        assert!(err.contains("is no time limit"), "{err}");
    }
}

#[test]
fn overwrite_never_erases_a_wildcard_or_an_any_order_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output.txt");

    // A file with `[..]` that no longer matches: refused, and left as it was.
    let l = listing(dir.path(), "", Some("took [..] ms\n"));
    let err = format!(
        "{:#}",
        l.compare_or_overwrite("Rust", "something else\n", true)
            .expect_err("refused")
    );
    assert!(err.contains("does not rewrite"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "took [..] ms\n");

    // A file that matches is kept as it is, wildcards and all.
    l.compare_or_overwrite("Rust", "took 12 ms\n", true)
        .expect("matches");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "took [..] ms\n");

    // An any-order file is never rewritten in a run's random order.
    let l = listing(dir.path(), "order = \"any\"", Some("a\nb\n"));
    let err = format!(
        "{:#}",
        l.compare_or_overwrite("Rust", "b\nc\n", true)
            .expect_err("refused")
    );
    assert!(err.contains("does not rewrite"), "{err}");

    // Plain lines in order are written from the run; so is a missing file.
    let l = listing(dir.path(), "", Some("old\n"));
    l.compare_or_overwrite("Rust", "new\n", true)
        .expect("written");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "new\n");
    std::fs::remove_file(&out).unwrap();
    l.compare_or_overwrite("Rust", "fresh\n", true)
        .expect("written");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "fresh\n");
}
