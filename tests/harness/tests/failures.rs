//! Each way a listing can break gives an error that names the listing and says what is wrong.

use std::path::Path;
use std::process::Command;

use listing_harness::Listing;

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
        .and_then(|out| listing.compare("Rust", &out));
    format!("{:#}", result.expect_err("the check must fail"))
}

#[test]
fn matching_output_passes_in_order_and_as_a_multiset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exact = listing(dir.path(), "", Some("a\nb\n"));
    let out = exact.run("Rust", sh("printf 'a\\nb\\n'")).expect("runs");
    exact.compare("Rust", &out).expect("same output");

    let any = listing(
        dir.path(),
        "order = \"any\"\nfixed-tail = 1",
        Some("w [..] 1\nw [..] 2\nend\n"),
    );
    let out = any
        .run("Rust", sh("printf 'w 7 2\\nw 3 1\\nend\\n'"))
        .expect("runs");
    any.compare("Rust", &out)
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
    let l = listing(dir.path(), "timeout-secs = 1", Some("hi\n"));
    let started = std::time::Instant::now();
    let err = error_of(&l, "sleep 30");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "not killed in time"
    );
    assert!(
        err.contains(
            "listing `demo-listing`: the Rust program was killed at its time limit of 1 s"
        ),
        "{err}"
    );
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
