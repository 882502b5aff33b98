//! The book check, on the real book and on small broken books made for each failure.

use std::path::Path;

use xtask::check;
use xtask::lang::{LANGUAGES, by_code};
use xtask::site::repo_root;

/// Builds all four languages and fails on any problem; prints, per language, the listings
/// of its notes it does not include yet.
#[test]
fn the_book_has_no_broken_includes_links_listings_or_mojibake() {
    let out = tempfile::tempdir().expect("tempdir");
    let report = check::run(&repo_root(), LANGUAGES, out.path()).expect("the check runs");
    println!("{report}");
    assert!(report.problems.is_empty(), "{report}");
}

// ---- A small book with one chapter, broken on purpose in each test. ----

const LISTING_MANIFEST: &str = r#"[package]
name = "demo"
version = "0.1.0"
autotests = false

[[test]]
name = "listing"
path = "tests/listing.rs"

[package.metadata.listing]
note = "004"
heading = "Demo"
lesson = "The demo prints nothing, at once."

[[package.metadata.listing.check]]
kind = "elapsed"
at-most-ms = 10000
"#;

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A book in `root` with an English chapter `chapter` and a listing `demo`.
fn book(root: &Path, chapter: &str) {
    write(
        root,
        "book.toml",
        "[book]\ntitle = \"t\"\nsrc = \"src/en\"\n[output.html]\n",
    );
    write(
        root,
        "src/en/SUMMARY.md",
        "# Summary\n\n- [Chapter](chapter.md)\n- [Other](other.md)\n",
    );
    write(root, "src/en/chapter.md", chapter);
    write(root, "src/en/other.md", "# Other\n\n## A section\n");
    write(root, "listings/demo/Cargo.toml", LISTING_MANIFEST);
    write(
        root,
        "listings/demo/src/main.rs",
        "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
    );
    write(
        root,
        "listings/demo/main.go",
        "package main\n\nfunc main() {}\n",
    );
    write(root, "listings/demo/output.txt", "");
    write(root, "listings/demo/tests/output.rs", "");
    write(root, "listings/demo/tests/listing.rs", "mod output;\n");
}

fn problems(chapter: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    book(dir.path(), chapter);
    problems_in(dir.path())
}

/// The English book in `root`, checked.
fn problems_in(root: &Path) -> Vec<String> {
    let en = *by_code("en").expect("en");
    let report = check::run(root, &[en], &root.join("book")).expect("the check runs");
    report.problems.iter().map(ToString::to_string).collect()
}

fn assert_one(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem containing {expected:?}, got {problems:#?}"
    );
}

#[test]
fn a_clean_small_book_passes() {
    let found = problems("# Chapter\n\n{{#listing demo}}\n\n[other](other.md#a-section)\n");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_missing_include_is_named_with_its_chapter() {
    let found = problems(
        "# C\n\n{{#listing demo}}\n\n```rust\n{{#include ../../listings/demo/src/nope.rs}}\n```\n",
    );
    assert_one(
        &found,
        "src/en/chapter.md: {{#include ../../listings/demo/src/nope.rs}}: the file listings/demo/src/nope.rs does not exist",
    );
}

#[test]
fn a_missing_anchor_is_named() {
    let found = problems(
        "# C\n\n{{#listing demo}}\n\n```rust\n{{#include ../../listings/demo/src/main.rs:nothing}}\n```\n",
    );
    assert_one(&found, "listings/demo/src/main.rs has no anchor `nothing`");
}

#[test]
fn an_existing_anchor_passes() {
    let found = problems(
        "# C\n\n{{#listing demo}}\n\n```rust\n{{#include ../../listings/demo/src/main.rs:main}}\n```\n",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_listing_directive_of_no_listing_fails_the_build_and_is_named() {
    let found = problems("# C\n\n{{#listing demo}}\n\n{{#listing no-such-listing}}\n");
    assert_one(&found, "there is no listing `no-such-listing`");
    assert_one(&found, "chapter.md");
}

#[test]
fn a_broken_link_and_a_broken_fragment_are_named() {
    let found =
        problems("# C\n\n{{#listing demo}}\n\n[x](missing.md) and [y](other.md#no-such-section)\n");
    assert_one(
        &found,
        "src/en/chapter.md: the link `missing.html` leads to en/missing.html (built page), which does not exist",
    );
    assert_one(
        &found,
        "src/en/chapter.md: the link `other.html#no-such-section`: src/en/other.md has no element with id `no-such-section`",
    );
}

#[test]
fn a_summary_entry_without_a_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    book(dir.path(), "# C\n\n{{#listing demo}}\n");
    write(
        dir.path(),
        "src/en/SUMMARY.md",
        "# Summary\n\n- [Chapter](chapter.md)\n- [Gone](gone.md)\n",
    );
    let found = problems_in(dir.path());
    assert_one(&found, "src/en/SUMMARY.md: the entry `gone.md` has no file");
}

#[test]
fn mojibake_and_lost_letters_are_named_with_their_line() {
    let found = problems("# C\n\n{{#listing demo}}\n\nÐ¿Ñ€Ð¸Ð²ÐµÑ‚\n\n�зыков\n");
    assert_one(&found, "src/en/chapter.md:5: mis-decoded text");
    assert_one(&found, "src/en/chapter.md:7: mis-decoded text");
}

#[test]
fn a_listing_the_english_book_does_not_include_is_named() {
    let found = problems("# C\n\nno listing here\n");
    assert_one(
        &found,
        "listing `demo` (from note 004) is not included by the English book",
    );
}

#[test]
fn a_listing_without_its_output_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    book(dir.path(), "# C\n\n{{#listing demo}}\n");
    std::fs::remove_file(dir.path().join("listings/demo/output.txt")).expect("rm");
    let found = problems_in(dir.path());
    assert_one(
        &found,
        "listing `demo` has no output file (listings/demo/output.txt is missing)",
    );
}

#[test]
fn a_listing_without_its_lesson_or_a_check_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    book(dir.path(), "# C\n\n{{#listing demo}}\n");
    write(
        dir.path(),
        "listings/demo/Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[package.metadata.listing]\nnote = \"004\"\nheading = \"Demo\"\n",
    );
    let found = problems_in(dir.path());
    assert_one(&found, "listing `demo` does not say its lesson");
    assert_one(&found, "listing `demo` has no lesson check");
    // A tests/lesson.rs is a check too.
    write(dir.path(), "listings/demo/tests/lesson.rs", "");
    let found = problems_in(dir.path());
    assert!(
        !found.iter().any(|p| p.contains("has no lesson check")),
        "{found:?}"
    );
}

#[test]
fn a_listing_test_that_would_never_run_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    book(dir.path(), "# C\n\n{{#listing demo}}\n");
    // A lesson test that tests/listing.rs does not declare.
    write(dir.path(), "listings/demo/tests/lesson.rs", "");
    assert_one(
        &problems_in(dir.path()),
        "listings/demo: listing `demo`: tests/lesson.rs never runs: tests/listing.rs does not \
         declare it (`mod lesson;`)",
    );
    write(
        dir.path(),
        "listings/demo/tests/listing.rs",
        "mod lesson;\nmod output;\n",
    );
    assert!(problems_in(dir.path()).is_empty());
    // A manifest whose test binary cargo would not build, or not alone.
    let manifest = LISTING_MANIFEST.replace("autotests = false\n", "");
    write(dir.path(), "listings/demo/Cargo.toml", &manifest);
    assert_one(
        &problems_in(dir.path()),
        "Cargo.toml must gather the tests into one binary",
    );
}

// ---- Translations against the English book. ----

/// The small book with a Thai section holding `chapter.md` (when `th_chapter` is given),
/// checked in English and in Thai; `whole` as the Thai language says.
fn translated(
    th_chapter: Option<&str>,
    whole: bool,
    edit: impl FnOnce(&Path),
) -> (Vec<String>, check::Report, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    book(root, "# Chapter\n\n{{#listing demo}}\n");
    write(
        root,
        "src/th/SUMMARY.md",
        "# Summary\n\n- [บท](chapter.md)\n- [อื่น](other.md)\n",
    );
    if let Some(text) = th_chapter {
        write(root, "src/th/chapter.md", text);
    } else {
        write(root, "src/th/SUMMARY.md", "# Summary\n\n- [อื่น](other.md)\n");
    }
    write(root, "src/th/other.md", "# อื่น\n\n## A section\n");
    edit(root);
    let en = *by_code("en").expect("en");
    let th = xtask::lang::Lang {
        whole,
        ..*by_code("th").expect("th")
    };
    let report = check::run(root, &[en, th], &root.join("book")).expect("the check runs");
    let problems = report.problems.iter().map(ToString::to_string).collect();
    (problems, report, dir)
}

fn record(root: &Path, lang: &str, chapter: &str) {
    use book_model::translation;
    let en = std::fs::read_to_string(root.join("src/en").join(chapter)).expect("en");
    let file = root.join("src").join(lang).join(chapter);
    let text = std::fs::read_to_string(&file).expect("chapter");
    std::fs::write(
        &file,
        translation::with_record(&text, &translation::fingerprint(&en)),
    )
    .expect("write");
}

#[test]
fn a_whole_translation_lacking_a_chapter_or_its_record_fails() {
    let (found, _, _) = translated(None, true, |_| {});
    assert_one(
        &found,
        "src/th/chapter.md: the ไทย book has no chapter for src/en/chapter.md",
    );

    let (found, _, _) = translated(Some("# บท\n\n{{#listing demo}}\n"), true, |_| {});
    assert_one(&found, "no record of the English version it follows");
    assert_one(&found, "cargo xtask translated th chapter.md");

    // A section still being written lists them without failing.
    let (found, report, _) = translated(None, false, |_| {});
    assert!(
        found.iter().all(|p| !p.contains("src/th/chapter.md")),
        "{found:#?}"
    );
    assert_eq!(report.translations["th"].missing, ["chapter.md"]);
}

#[test]
fn a_recorded_chapter_that_leaves_out_a_listing_fails() {
    let (found, _, _) = translated(
        Some("# บท\n\nไม่มีโค้ด\n"),
        false,
        |root| record(root, "th", "chapter.md"),
    );
    assert_one(
        &found,
        "src/th/chapter.md: leaves out listing `demo`, which src/en/chapter.md includes",
    );
}

#[test]
fn a_stale_chapter_is_reported_and_its_page_says_so() {
    let (found, report, dir) = translated(Some("# บท\n\n{{#listing demo}}\n"), true, |root| {
        record(root, "th", "chapter.md");
        record(root, "th", "other.md");
        // The English chapter changes after the translation was recorded.
        write(
            root,
            "src/en/chapter.md",
            "# Chapter\n\nNew words.\n\n{{#listing demo}}\n",
        );
    });
    assert!(found.is_empty(), "stale is not a failure: {found:#?}");
    assert_eq!(report.translations["th"].stale, ["chapter.md"]);
    assert_eq!(report.translations["th"].current, 1);
    let page = std::fs::read_to_string(dir.path().join("book/th/chapter.html")).expect("page");
    assert!(page.contains("class=\"translation-notice\""), "{page}");
    assert!(page.contains("href=\"../en/chapter.html\""), "{page}");
    let other = std::fs::read_to_string(dir.path().join("book/th/other.html")).expect("page");
    assert!(
        !other.contains("translation-notice"),
        "a current chapter has no notice"
    );
}

/// A chapter with a flowchart merman draws and a Gantt chart it is not built to draw.
const TWO_DIAGRAMS: &str = "# C\n\n{{#listing demo}}\n\n```mermaid\nflowchart LR\n    A --> B\n```\n\n\
                            ```mermaid\ngantt\n    title T\n    section S\n    Task :a1, 2026-01-01, 3d\n```\n";

/// The site's fonts and `book.css`, which the diagrams are measured with.
fn theme_fonts(root: &Path) {
    let theme = repo_root().join("theme");
    write(
        root,
        "theme/book.css",
        &std::fs::read_to_string(theme.join("book.css")).expect("book.css"),
    );
    std::fs::create_dir_all(root.join("theme/fonts")).expect("mkdir");
    for entry in std::fs::read_dir(theme.join("fonts")).expect("fonts") {
        let path = entry.expect("entry").path();
        let to = root
            .join("theme/fonts")
            .join(path.file_name().expect("name"));
        std::fs::copy(&path, to).expect("copy");
    }
}

#[test]
fn a_diagram_that_cannot_be_drawn_at_build_time_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    book(dir.path(), TWO_DIAGRAMS);
    theme_fonts(dir.path());
    let found = problems_in(dir.path());
    assert_one(
        &found,
        "src/en/chapter.md: diagram 2 (gantt) cannot be drawn at build time",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    // The first is drawn into the page; the second is left to mermaid.js.
    let page = std::fs::read_to_string(dir.path().join("book/en/chapter.html")).expect("page");
    assert_eq!(page.matches("<pre class=\"mermaid drawn\"").count(), 1);
    assert_eq!(page.matches("<pre class=\"mermaid\">gantt").count(), 1);
    assert!(page.contains("<svg"));
}

#[test]
fn a_diagram_without_the_site_fonts_is_a_clear_error() {
    let found = problems(TWO_DIAGRAMS);
    // index.html is mdBook's copy of the first chapter.
    assert_one(&found, "cannot draw the diagrams of index.html");
    assert_one(&found, "theme/fonts/fonts.css");
}
