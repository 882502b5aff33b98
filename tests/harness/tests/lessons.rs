//! Each kind of lesson check passes on output that keeps the lesson and fails, with a message
//! that says what it saw, on output that breaks it while printing the same lines.

use std::path::Path;
use std::process::Command;

use listing_harness::{Harness, Listing};

/// A listing whose output is whatever the script prints (checked as a multiset with `[..]`
/// lines, so only the lesson checks can fail), with the given checks.
fn listing(dir: &Path, checks: &str) -> Listing {
    let manifest = format!(
        "[package]\nname = \"demo-listing\"\n\n[package.metadata.listing]\nnote = \"004\"\n\
         heading = \"Demo\"\norder = \"any\"\nlesson = \"a demo lesson\"\n\n{checks}\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write manifest");
    Listing::load(dir).expect("load listing")
}

fn verdict(dir: &Path, checks: &str, script: &str) -> Result<(), String> {
    let l = listing(dir, checks);
    let mut command = Command::new("sh");
    command.args(["-c", script]);
    let run = l.run("Rust", command).expect("runs");
    l.verify_lesson("Rust", &run).map_err(|e| format!("{e:#}"))
}

fn passes(checks: &str, script: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    if let Err(e) = verdict(dir.path(), checks, script) {
        panic!("should pass:\n{e}");
    }
}

fn fails(checks: &str, script: &str, says: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    match verdict(dir.path(), checks, script) {
        Ok(()) => panic!("should fail: {checks}\non: {script}"),
        Err(e) => {
            assert!(e.contains(says), "the message should say `{says}`:\n{e}");
            assert!(e.contains("lesson: a demo lesson"), "{e}");
        }
    }
}

const BEFORE: &str = r#"
[[package.metadata.listing.check]]
kind = "before"
first = "start [..]"
then = "done [..]"
"#;

#[test]
fn before_sees_work_run_one_after_another() {
    passes(
        BEFORE,
        "echo start 1; echo start 2; echo done 2; echo done 1",
    );
    // Same lines, serial order: the lesson (they run at once) is broken.
    fails(
        BEFORE,
        "echo start 1; echo done 1; echo start 2; echo done 2",
        "line 3 `start 2` (at",
    );
    fails(BEFORE, "echo start 1", "no line matches its `then` pattern");
}

#[test]
fn distinct_sees_one_worker_doing_everything() {
    let check = r#"
[[package.metadata.listing.check]]
kind = "distinct"
lines = "worker {} took job [..]"
at-least = 2
"#;
    passes(check, "echo worker 1 took job 1; echo worker 2 took job 2");
    fails(
        check,
        "echo worker 1 took job 1; echo worker 1 took job 2",
        "took 1 distinct values, not at least 2",
    );
}

#[test]
fn peak_sees_a_bound_exceeded_or_never_reached() {
    let check = r#"
[[package.metadata.listing.check]]
kind = "peak"
start = "in [..]"
end = "out [..]"
equals = 2
"#;
    passes(
        check,
        "echo in 1; echo in 2; echo out 1; echo in 3; echo out 2; echo out 3",
    );
    fails(
        check,
        "echo in 1; echo in 2; echo in 3; echo out 1; echo out 2; echo out 3",
        "the peak was 3 at once, not exactly 2",
    );
    fails(
        check,
        "echo in 1; echo out 1; echo in 2; echo out 2",
        "the peak was 1 at once",
    );
}

#[test]
fn numbers_see_delays_out_of_bounds_shrinking_or_constant() {
    let check = r#"
[[package.metadata.listing.check]]
kind = "numbers"
lines = "retry in {} ms"
min = 10
max = 100
growing = true
vary = true
"#;
    passes(
        check,
        "echo retry in 10 ms; echo retry in 25 ms; echo retry in 100 ms",
    );
    fails(
        check,
        "echo retry in 10 ms; echo retry in 200 ms",
        "200 is outside 10..=100",
    );
    fails(
        check,
        "echo retry in 30 ms; echo retry in 20 ms",
        "must grow",
    );
    let constant = r#"
[[package.metadata.listing.check]]
kind = "numbers"
lines = "retry in {} ms"
vary = true
"#;
    fails(
        constant,
        "echo retry in 20 ms; echo retry in 20 ms",
        "do not vary",
    );
    fails(constant, "echo retry in soon ms", "is not a number");
}

#[test]
fn elapsed_sees_work_that_did_not_wait() {
    let elapsed = r#"
[[package.metadata.listing.check]]
kind = "elapsed"
to = "stop"
at-least-ms = 150
"#;
    passes(elapsed, "echo go; sleep 0.2; echo stop");
    fails(elapsed, "echo go; echo stop", "less than 150 ms");
}

#[test]
fn after_and_until_narrow_a_check_to_a_part() {
    let check = r#"
[[package.metadata.listing.check]]
kind = "peak"
start = "in"
end = "out"
at-most = 1
after = "bounded:"
until = "unbounded:"
"#;
    passes(
        check,
        "echo bounded:; echo in; echo out; echo in; echo out; echo unbounded:; echo in; echo in; echo out; echo out",
    );
    fails(
        check,
        "echo bounded:; echo in; echo in; echo out; echo out; echo unbounded:",
        "the peak was 2",
    );
    fails(
        check,
        "echo in; echo out",
        "no line matches its `after` pattern",
    );
}

#[test]
fn only_limits_a_check_to_one_program() {
    let check = r#"
[[package.metadata.listing.check]]
kind = "distinct"
lines = "w {}"
at-least = 2
only = "go"
"#;
    passes(check, "echo w 1; echo w 1"); // this run is the Rust program's
}

#[test]
fn a_malformed_check_is_named_with_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (checks, says) in [
        (
            "[[package.metadata.listing.check]]\nkind = \"before\"\nfirst = \"a\"\n",
            "a `before` check needs `then`",
        ),
        (
            "[[package.metadata.listing.check]]\nkind = \"peak\"\nstart = \"a\"\nend = \"b\"\n",
            "has no bound, so it could not fail",
        ),
        (
            "[[package.metadata.listing.check]]\nkind = \"before\"\nfirst = \"a\"\nthen = \"b\"\nat-most = 3\n",
            "has no field `at-most`",
        ),
        (
            "[[package.metadata.listing.check]]\nkind = \"distinct\"\nlines = \"a [..]\"\nat-least = 2\n",
            "needs one `{}`",
        ),
        (
            "[[package.metadata.listing.check]]\nkind = \"sometimes\"\n",
            "unknown variant",
        ),
        (
            "[[package.metadata.listing.check]]\nkind = \"elapsed\"\nfrom = \"go\"\nat-least-ms = 10\n",
            "measured from the program's start",
        ),
    ] {
        let manifest = format!(
            "[package]\nname = \"demo-listing\"\n\n[package.metadata.listing]\nnote = \"004\"\nheading = \"Demo\"\n\n{checks}"
        );
        std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write");
        let err = format!("{:#}", Listing::load(dir.path()).expect_err("malformed"));
        assert!(err.contains(says), "should say `{says}`:\n{err}");
        assert!(err.contains("Cargo.toml"), "{err}");
    }
}

#[test]
fn a_part_marker_needs_no_capture() {
    let check = r#"
[[package.metadata.listing.check]]
kind = "distinct"
lines = "worker {} took [..]"
at-least = 2
after = "start"
until = "end"
"#;
    passes(
        check,
        "echo start; echo worker 1 took a; echo worker 2 took b; echo end; echo worker 1 took c",
    );
    fails(
        check,
        "echo worker 2 took x; echo start; echo worker 1 took a; echo worker 1 took b; echo end",
        "took 1 distinct values",
    );
}
