//! The book check: builds every language and fails, naming the chapter and the target, on
//! what mdBook itself lets through (it only logs a missing include and exits 0).
//!
//! - a `SUMMARY.md` entry without a file;
//! - an `{{#include}}` whose file or anchor does not exist, a `{{#listing}}` of no listing;
//! - an internal link or `#fragment` of a built page that leads nowhere;
//! - mis-decoded text (mojibake) or `�` in a chapter or a page;
//! - a listing that the English book does not include, one without its files, or one that
//!   does not say its lesson or has no check of it;
//! - per language, the listings of its notes that it does not include (a failure once the
//!   language is marked complete in `lang.rs`, a list before that).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::{Context, Result};
use regex::Regex;
use scraper::{Html, Selector};

use book_model::directive::listings_shown;
use book_model::lang::Lang;
use book_model::listing::Listing;
use book_model::{summary, translation};

use crate::preprocess::display_path;
use crate::site;

/// One thing wrong, where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file (relative to the repository root) where the problem is.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// What the check found.
#[derive(Debug, Default)]
pub struct Report {
    /// Everything that fails the check.
    pub problems: Vec<Problem>,
    /// Per language code: the listings of its notes that it does not include yet.
    pub not_yet_included: BTreeMap<String, Vec<String>>,
    /// Per translated language: where its chapters stand against the English ones.
    pub translations: BTreeMap<String, Translation>,
}

/// Where a translated section stands against the English book.
#[derive(Debug, Default)]
pub struct Translation {
    /// English chapters it has no file for.
    pub missing: Vec<String>,
    /// Chapters without a record of the English version they follow.
    pub unrecorded: Vec<String>,
    /// Chapters that follow an older English chapter (reported, never a failure).
    pub stale: Vec<String>,
    /// Chapters that follow the English chapter as it is now.
    pub current: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (lang, t) in &self.translations {
            let list = |v: &Vec<String>| {
                if v.is_empty() {
                    String::new()
                } else {
                    format!(": {}", v.join(", "))
                }
            };
            writeln!(
                f,
                "{lang}: {} chapter(s) current; {} stale{}; {} unrecorded{}; {} missing{}",
                t.current,
                t.stale.len(),
                list(&t.stale),
                t.unrecorded.len(),
                list(&t.unrecorded),
                t.missing.len(),
                list(&t.missing),
            )?;
        }
        for (lang, ids) in &self.not_yet_included {
            if ids.is_empty() {
                writeln!(f, "{lang}: every listing of its notes is included")?;
            } else {
                writeln!(
                    f,
                    "{lang}: {} listing(s) of its notes not included yet: {}",
                    ids.len(),
                    ids.join(", ")
                )?;
            }
        }
        if self.problems.is_empty() {
            writeln!(f, "book check: no problems")
        } else {
            writeln!(f, "book check: {} problem(s)", self.problems.len())?;
            for p in &self.problems {
                writeln!(f, "  {p}")?;
            }
            Ok(())
        }
    }
}

/// `url(#id)` in an attribute or style: a reference to an element of the same page.
static URL_REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"url\(#([^)"'\s]+)\)"#).expect("valid regex"));

/// Mis-decoded UTF-8 (read as Mac Roman, cp1252, cp874 ...) and the replacement character.
static MOJIBAKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ÃØÙÐÑ][\u{0080}-\u{00ff}\u{2013}-\u{2122}]|â€|‡∏|\u{fffd}|[ฺุู][ฺุู]")
        .expect("valid regex")
});

static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\\)?\{\{#(include|rustdoc_include|playground)\s+([^}]+?)\s*\}\}")
        .expect("valid regex")
});

/// Checks `langs` of the book in `root`, building them into `out_dir`.
pub fn run(root: &Path, langs: &[Lang], out_dir: &Path) -> Result<Report> {
    let mut report = Report::default();
    let listings_dir = root.join("listings");
    let listings = if listings_dir.is_dir() {
        book_model::listing::discover(&listings_dir)?
    } else {
        Vec::new()
    };
    for listing in &listings {
        check_listing_files(root, listing, &mut report);
    }

    // Each book is built and its pages are read in a thread of its own; the rest is quick
    // and looked at one language at a time.
    let pages: HashMap<&str, Vec<Problem>> = std::thread::scope(|s| {
        let handles: Vec<_> = langs
            .iter()
            .filter(|lang| {
                root.join("src")
                    .join(lang.code)
                    .join("SUMMARY.md")
                    .is_file()
            })
            .map(|lang| {
                (
                    lang.code,
                    s.spawn(move || build_and_check_pages(root, lang, out_dir)),
                )
            })
            .collect();
        handles
            .into_iter()
            .map(|(code, h)| {
                let problems = h.join().unwrap_or_else(|_| {
                    vec![Problem {
                        file: format!("src/{code}"),
                        message: "the build panicked".to_owned(),
                    }]
                });
                (code, problems)
            })
            .collect()
    });

    for lang in langs {
        let src = root.join("src").join(lang.code);
        if !src.join("SUMMARY.md").is_file() {
            report.problems.push(Problem {
                file: format!("src/{}", lang.code),
                message: format!("the {} book has no SUMMARY.md", lang.name),
            });
            continue;
        }
        let chapters = check_summary(root, &src, &mut report)?;
        let mut shown = BTreeSet::new();
        for chapter in &chapters {
            let text = std::fs::read_to_string(chapter)
                .with_context(|| format!("cannot read {}", chapter.display()))?;
            check_includes(root, chapter, &text, &mut report);
            check_text(root, chapter, &text, &mut report);
            shown.extend(listings_shown(&text));
        }

        // What the reader gets: the built pages.
        report
            .problems
            .extend(pages.get(lang.code).into_iter().flatten().cloned());

        let of_notes: Vec<String> = listings
            .iter()
            .filter(|l| lang.notes.contains(&l.meta.note.as_str()))
            .map(|l| l.name.clone())
            .filter(|id| !shown.contains(id))
            .collect();
        if lang.complete {
            for id in &of_notes {
                report.problems.push(Problem {
                    file: format!("src/{}", lang.code),
                    message: format!(
                        "listing `{id}` (from note {}) is not included by the {} book",
                        listings
                            .iter()
                            .find(|l| &l.name == id)
                            .map_or("?", |l| l.meta.note.as_str()),
                        lang.name
                    ),
                });
            }
        }
        for id in &shown {
            if !listings.iter().any(|l| &l.name == id) {
                report.problems.push(Problem {
                    file: format!("src/{}", lang.code),
                    message: format!("a chapter shows listing `{id}`, which does not exist"),
                });
            }
        }
        report
            .not_yet_included
            .insert(lang.code.to_owned(), of_notes);
        if lang.code != translation::SOURCE {
            check_translation(root, lang, &mut report)?;
        }
    }
    report.problems.sort();
    report.problems.dedup();
    Ok(report)
}

/// A translated section against the English book: every English chapter here (when the
/// language is `whole`), each with its record, and none leaving out a listing of its English
/// chapter once it records which English version it follows.
fn check_translation(root: &Path, lang: &Lang, report: &mut Report) -> Result<()> {
    let english = root.join("src").join(translation::SOURCE);
    if !english.join("SUMMARY.md").is_file() {
        return Ok(());
    }
    let mut t = Translation::default();
    for entry in summary::entries(&english)? {
        let file = format!("src/{}/{}", lang.code, entry.target);
        let problem = |message: String| Problem {
            file: file.clone(),
            message,
        };
        match translation::status(root, lang.code, &entry.target)? {
            translation::Status::Missing => {
                if lang.whole {
                    report.problems.push(problem(format!(
                        "the {} book has no chapter for src/en/{}",
                        lang.name, entry.target
                    )));
                }
                t.missing.push(entry.target.clone());
                continue;
            }
            translation::Status::Unrecorded => {
                if lang.whole {
                    report.problems.push(problem(format!(
                        "no record of the English version it follows: bring it up to date, then \
                         run `cargo xtask translated {} {}`",
                        lang.code, entry.target
                    )));
                }
                t.unrecorded.push(entry.target.clone());
                continue;
            }
            translation::Status::Stale { .. } => t.stale.push(entry.target.clone()),
            translation::Status::Current => t.current += 1,
        }
        let text = std::fs::read_to_string(root.join(&file))?;
        let english_text = std::fs::read_to_string(&entry.file)?;
        let here = listings_shown(&text);
        for id in listings_shown(&english_text) {
            if !here.contains(&id) {
                report.problems.push(problem(format!(
                    "leaves out listing `{id}`, which src/en/{} includes",
                    entry.target
                )));
            }
        }
    }
    report.translations.insert(lang.code.to_owned(), t);
    Ok(())
}

fn check_listing_files(root: &Path, listing: &Listing, report: &mut Report) {
    for (what, file) in listing.required_files() {
        if !file.is_file() {
            report.problems.push(Problem {
                file: display_path(root, &listing.dir),
                message: format!(
                    "listing `{}` has no {what} ({} is missing)",
                    listing.name,
                    display_path(root, &file)
                ),
            });
        }
    }
    for message in listing.unrun_tests() {
        report.problems.push(Problem {
            file: display_path(root, &listing.dir),
            message: format!("listing `{}`: {message}", listing.name),
        });
    }
    // The lesson: said in one line, and held by a check that can fail.
    let manifest = display_path(root, &listing.dir.join("Cargo.toml"));
    if listing
        .meta
        .lesson
        .as_deref()
        .is_none_or(|l| l.trim().is_empty())
    {
        report.problems.push(Problem {
            file: manifest.clone(),
            message: format!(
                "listing `{}` does not say its lesson (`lesson = \"...\"` in \
                 [package.metadata.listing]; see CONTRIBUTING.md, \"The lesson check\")",
                listing.name
            ),
        });
    }
    if listing.meta.check.is_empty() && !listing.dir.join("tests/lesson.rs").is_file() {
        report.problems.push(Problem {
            file: manifest,
            message: format!(
                "listing `{}` has no lesson check: no [[package.metadata.listing.check]] and \
                 no tests/lesson.rs",
                listing.name
            ),
        });
    }
}

/// Every chapter file named by `SUMMARY.md`; an entry without a file is a problem.
fn check_summary(root: &Path, src: &Path, report: &mut Report) -> Result<Vec<PathBuf>> {
    let summary = src.join("SUMMARY.md");
    let text = std::fs::read_to_string(&summary)
        .with_context(|| format!("cannot read {}", summary.display()))?;
    check_text(root, &summary, &text, report);
    let mut chapters = Vec::new();
    for summary::Entry { target, file } in summary::entries_of(src, &text) {
        if file.is_file() {
            chapters.push(file);
        } else {
            report.problems.push(Problem {
                file: display_path(root, &summary),
                message: format!(
                    "the entry `{target}` has no file ({} is missing)",
                    display_path(root, &file)
                ),
            });
        }
    }
    Ok(chapters)
}

fn check_includes(root: &Path, chapter: &Path, text: &str, report: &mut Report) {
    let dir = chapter.parent().unwrap_or(root);
    for caps in INCLUDE.captures_iter(text) {
        if caps.get(1).is_some() {
            continue; // escaped: shown as text
        }
        let arg = caps[3].trim();
        // `path`, `path:anchor`, `path:10`, `path:2:10`; a playground takes attributes after a space.
        let arg = arg.split_whitespace().next().unwrap_or(arg);
        let (path, selector) = match arg.split_once(':') {
            Some((p, s)) => (p, Some(s)),
            None => (arg, None),
        };
        let target = normalize(&dir.join(path));
        let problem = |message: String| Problem {
            file: display_path(root, chapter),
            message,
        };
        let Ok(content) = std::fs::read_to_string(&target) else {
            report.problems.push(problem(format!(
                "{{{{#{} {arg}}}}}: the file {} does not exist",
                &caps[2],
                display_path(root, &target)
            )));
            continue;
        };
        if let Some(sel) = selector
            && !sel.is_empty()
            && !sel.chars().all(|c| c.is_ascii_digit() || c == ':')
        {
            let anchor =
                Regex::new(&format!(r"ANCHOR:\s*{}\b", regex::escape(sel))).expect("valid regex");
            let end = Regex::new(&format!(r"ANCHOR_END:\s*{}\b", regex::escape(sel)))
                .expect("valid regex");
            if !anchor.is_match(&content) || !end.is_match(&content) {
                report.problems.push(problem(format!(
                    "{{{{#{} {arg}}}}}: {} has no anchor `{sel}` (ANCHOR: {sel} ... ANCHOR_END: {sel})",
                    &caps[2],
                    display_path(root, &target)
                )));
            }
        }
    }
}

fn check_text(root: &Path, file: &Path, text: &str, report: &mut Report) {
    for (n, line) in text.lines().enumerate() {
        if let Some(m) = MOJIBAKE.find(line) {
            report.problems.push(Problem {
                file: format!("{}:{}", display_path(root, file), n + 1),
                message: format!("mis-decoded text or a lost letter: `{}`", m.as_str()),
            });
        }
    }
}

/// Builds one language into `out_dir/<code>/` and checks its pages: the problems found.
fn build_and_check_pages(root: &Path, lang: &Lang, out_dir: &Path) -> Vec<Problem> {
    let mut report = Report::default();
    let checked = site::build_lang_with(root, lang, out_dir, false, false)
        .context("the build failed")
        .and_then(|built| {
            // Every diagram is drawn at build time: no page needs mermaid.js.
            for not_drawn in built.not_drawn {
                let (file, message) = not_drawn.split_once(": ").unwrap_or(("", &not_drawn));
                report.problems.push(Problem {
                    file: file.to_owned(),
                    message: message.to_owned(),
                });
            }
            check_pages(root, lang.code, &out_dir.join(lang.code), &mut report)
        });
    if let Err(e) = checked {
        report.problems.push(Problem {
            file: format!("src/{}", lang.code),
            message: format!("{e:#}"),
        });
    }
    report.problems
}

/// Links, fragments, leftover directives and mojibake in the built pages of one language.
fn check_pages(root: &Path, code: &str, book_dir: &Path, report: &mut Report) -> Result<()> {
    let mut pages = Vec::new();
    collect_html(book_dir, &mut pages)?;
    // The print page repeats every chapter: its problems are the chapters' problems, and
    // it is the largest page to read. (A link to one of its ids is not checked.)
    pages.retain(|page| page.strip_prefix(book_dir).unwrap_or(page) != Path::new("print.html"));
    // Without a README.md mdBook makes index.html a copy of the first chapter: its ids
    // are read, its problems are the chapter's.
    let copy = (!root.join("src").join(code).join("README.md").is_file())
        .then(|| book_dir.join("index.html"));
    // Parsed by a real HTML parser: attribute values arrive with their entities decoded.
    let any = Selector::parse("[id], [href], [src]").expect("valid selector");
    let mut ids: HashMap<PathBuf, BTreeSet<String>> = HashMap::new();
    let mut texts = Vec::new();
    let mut refs = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page)?;
        let html = Html::parse_document(&text);
        let (mut page_ids, mut page_refs) = (BTreeSet::new(), Vec::new());
        for element in html.select(&any) {
            let e = element.value();
            page_ids.extend(e.attr("id").map(str::to_owned));
            page_refs.extend(
                e.attr("href")
                    .into_iter()
                    .chain(e.attr("src"))
                    .map(str::to_owned),
            );
        }
        // A diagram's references to its own markers and gradients (`url(#id)`) are links
        // within the page too: a wrong one draws an arrow without its head.
        page_refs.extend(
            URL_REFERENCE
                .captures_iter(&text)
                .map(|caps| format!("#{}", &caps[1])),
        );
        ids.insert(page.clone(), page_ids);
        texts.push(text);
        refs.push(page_refs);
    }
    for ((page, text), links) in pages.iter().zip(&texts).zip(&refs) {
        if copy.as_ref() == Some(page) {
            continue;
        }
        let name = source_of(root, code, book_dir, page);
        if let Some(pos) = text.find("{{#") {
            let snippet: String = text[pos..].chars().take(60).collect();
            report.problems.push(Problem {
                file: name.clone(),
                message: format!("a directive was not expanded: `{snippet}`"),
            });
        }
        check_text(root, page, text, report);
        for link in links {
            if link.is_empty()
                || link.contains("://")
                || link.starts_with("mailto:")
                || link.starts_with("javascript:")
                || link.starts_with("data:")
            {
                continue;
            }
            let (path_part, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let path_part = path_part.split('?').next().unwrap_or("");
            let target = if path_part.is_empty() {
                page.clone()
            } else {
                let mut t = page
                    .parent()
                    .unwrap_or(book_dir)
                    .join(percent_decode(path_part));
                if t.is_dir() {
                    t = t.join("index.html");
                }
                t
            };
            let target = normalize(&target);
            // The site root (`../index.html`) and other languages are outside this book.
            if !target.starts_with(book_dir) {
                continue;
            }
            if !target.exists() {
                report.problems.push(Problem {
                    file: name.clone(),
                    message: format!(
                        "the link `{link}` leads to {}, which does not exist",
                        source_of(root, code, book_dir, &target)
                    ),
                });
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let fragment = percent_decode(fragment);
                // The print page was not read: it has its chapters' ids.
                let unknown = ids.get(&target).is_some_and(|set| !set.contains(&fragment));
                if unknown {
                    report.problems.push(Problem {
                        file: name.clone(),
                        message: format!(
                            "the link `{link}`: {} has no element with id `{fragment}`",
                            source_of(root, code, book_dir, &target)
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}

/// The chapter a built page comes from (`src/en/x/y.md` for `en/x/y.html`), for messages.
fn source_of(root: &Path, code: &str, book_dir: &Path, page: &Path) -> String {
    let rel = page.strip_prefix(book_dir).unwrap_or(page);
    let src = root.join("src").join(code);
    let md = src.join(rel.with_extension("md"));
    let readme = md.with_file_name("README.md");
    if md.is_file() {
        display_path(root, &md)
    } else if rel.file_name().is_some_and(|n| n == "index.html") && readme.is_file() {
        display_path(root, &readme)
    } else {
        format!("{} (built page)", Path::new(code).join(rel).display())
    }
}

fn collect_html(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_html(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}
