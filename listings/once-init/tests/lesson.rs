//! The lesson, repeated: one run of the program is one race of eight threads for the
//! configuration, and a broken "once" loses that race only in some runs. Twenty runs make a
//! double initialization all but certain to show.

/// However the eight readers interleave, the loader runs once and the count is exact.
// Breakage tried: `get_or_init` replaced by "`get`, else `set(load_config())`, then `get`"
// (check, then act) -> fails (about 4 runs in 10 load twice or more on an idle 2-core machine,
// so 20 runs miss it with a chance of about 0.6^20, 4 in 100 000).
#[test]
fn the_initializer_runs_once_in_every_run() {
    for _ in 0..20 {
        let run = listing_harness::run!();
        let loads = run
            .lines
            .iter()
            .filter(|line| line.text == "loading config (runs once)")
            .count();
        let texts: Vec<&str> = run.lines.iter().map(|line| line.text.as_str()).collect();
        assert_eq!(loads, 1, "the config was loaded {loads} times:\n{texts:#?}");
        assert!(
            texts.contains(&"8 readers got port 8080 from 1 distinct Config value(s)"),
            "the readers did not all get the one Config:\n{texts:#?}"
        );
    }
}
