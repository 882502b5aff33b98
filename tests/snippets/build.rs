//! Turns every ```rust block of every chapter, in every language, into a test (skeptic).
//!
//! Chapters are first expanded with mdBook's own include preprocessor (skeptic does not
//! understand `{{#include}}`). Blocks that show a listing are left out: `cargo test` already
//! builds and runs each listing against its output file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use book_model::lang::LANGUAGES;
use book_model::{directive, markdown, summary};
use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem};
use mdbook_driver::builtin_renderers::MarkdownRenderer;
use mdbook_driver::config::Config;
use mdbook_driver::errors::Result as MdResult;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

/// Stands in for a preprocessor that adds nothing skeptic could run.
struct Skip(&'static str);

impl Preprocessor for Skip {
    fn name(&self) -> &str {
        self.0
    }
    fn run(&self, _: &PreprocessorContext, book: Book) -> MdResult<Book> {
        Ok(book)
    }
}

fn main() -> Result<()> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let root = manifest.join("../..").canonicalize()?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("chapters");
    for watched in ["src", "listings", "book.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    std::fs::create_dir_all(&out)?;

    let mut files = Vec::new();
    // A translated chapter keeps the English code: a block whose code was already tested (in
    // English, or earlier in another language) is tested once, not once per language.
    let mut seen = HashSet::new();
    for lang in LANGUAGES {
        if root
            .join("src")
            .join(lang.code)
            .join("SUMMARY.md")
            .is_file()
        {
            files.extend(expand_language(&root, lang.code, &out, &mut seen)?);
        }
    }
    skeptic::generate_doc_tests(&files);
    Ok(())
}

fn expand_language(
    root: &Path,
    lang: &str,
    out: &Path,
    seen: &mut HashSet<String>,
) -> Result<Vec<PathBuf>> {
    for entry in summary::entries(&root.join("src").join(lang))? {
        if !entry.exists() {
            bail!(
                "src/{lang}/SUMMARY.md: the entry `{}` has no file",
                entry.target
            );
        }
    }
    let mut config = Config::from_disk(root.join("book.toml"))?;
    config.book.src = PathBuf::from("src").join(lang);
    config.build.create_missing = false;
    let mut book = MDBook::load_with_config(root, config)
        .with_context(|| format!("cannot load the book in src/{lang}"))?;
    book.with_preprocessor(Skip("listing"))
        .with_preprocessor(Skip("mermaid"));
    let mut failure = None;
    book.book.for_each_mut(|item| {
        if let BookItem::Chapter(chapter) = item
            && let Some(path) = &chapter.path
        {
            match without_listings(&chapter.content, seen) {
                Ok(text) => chapter.content = text,
                Err(e) => failure = Some(e.context(format!("src/{lang}/{}", path.display()))),
            }
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let (expanded, _) = book.preprocess_book(&MarkdownRenderer::new())?;
    let mut files = Vec::new();
    for item in expanded.iter() {
        if let BookItem::Chapter(chapter) = item
            && let Some(path) = &chapter.path
        {
            // The file name becomes the test name: unique across languages and folders.
            let stem = path
                .with_extension("")
                .display()
                .to_string()
                .replace(['/', '\\', '.'], "_");
            let file = out.join(format!("{lang}_{stem}.md"));
            // Unchanged files keep their time stamps: skeptic asks cargo to rerun this
            // script when one of them changes.
            if std::fs::read_to_string(&file).ok().as_deref() != Some(chapter.content.as_str()) {
                std::fs::write(&file, &chapter.content)?;
            }
            files.push(file);
        }
    }
    Ok(files)
}

/// The chapter without its listing directives, and without the fenced blocks that include a
/// file of `listings/` (already run by the listing's own test). Any other block stays, even
/// one that only mentions `listings/`, unless it is a ```rust block whose code is in `seen`.
fn without_listings(content: &str, seen: &mut HashSet<String>) -> Result<String> {
    let mut out = String::with_capacity(content.len());
    let mut last = 0;
    for block in markdown::fenced_blocks(content) {
        let repeated = block.lang() == "rust" && !seen.insert(without_comments(&block.code));
        if directive::includes_a_listing(&block.code) || repeated {
            out.push_str(&content[last..block.range.start]);
            last = block.range.end;
        }
    }
    out.push_str(&content[last..]);
    let out: String = out
        .split_inclusive('\n')
        .filter(|line| !directive::is_directive_line(line))
        .collect();
    check_compile_fail(&out)?;
    Ok(out)
}

/// The code without its `//` comments and blank lines: a translated chapter translates the
/// comments of a block and keeps its code, and the compiler sees the same program.
fn without_comments(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for line in code.lines() {
        let (mut in_str, mut prev, mut cut) = (false, ' ', line.len());
        for (i, c) in line.char_indices() {
            match c {
                '"' if prev != '\\' => in_str = !in_str,
                '/' if !in_str && prev == '/' => {
                    cut = i - 1;
                    break;
                }
                _ => {}
            }
            prev = c;
        }
        let kept = line[..cut].trim_end();
        if !kept.trim().is_empty() {
            out.push_str(kept);
            out.push('\n');
        }
    }
    out
}

/// A ```rust,compile_fail block outside a listing would be run as a passing test.
fn check_compile_fail(text: &str) -> Result<()> {
    for block in markdown::fenced_blocks(text) {
        if block.lang() == "rust" && block.info.contains("compile_fail") {
            bail!(
                "a ```rust,compile_fail block: show Rust that does not compile as a trybuild case of a \
                 listing with {{{{#compile-fail <id> <case>}}}} (see CONTRIBUTING.md)"
            );
        }
    }
    Ok(())
}
