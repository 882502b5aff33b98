//! Turns every ```rust block of every chapter, in every language, into a test (skeptic).
//!
//! Chapters are first expanded with mdBook's own include preprocessor (skeptic does not
//! understand `{{#include}}`). Blocks that show a listing are left out: `cargo test` already
//! builds and runs each listing against its output file.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem};
use mdbook_driver::builtin_renderers::MarkdownRenderer;
use mdbook_driver::config::Config;
use mdbook_driver::errors::Result as MdResult;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

const LANGUAGES: &[&str] = &["en", "fa", "ru", "th"];

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
    for lang in LANGUAGES {
        if root.join("src").join(lang).join("SUMMARY.md").is_file() {
            files.extend(expand_language(&root, lang, &out)?);
        }
    }
    skeptic::generate_doc_tests(&files);
    Ok(())
}

fn expand_language(root: &Path, lang: &str, out: &Path) -> Result<Vec<PathBuf>> {
    let summary = root.join("src").join(lang).join("SUMMARY.md");
    for line in std::fs::read_to_string(&summary)?.lines() {
        if let Some((_, rest)) = line.split_once("](")
            && let Some((target, _)) = rest.split_once(')')
            && !target.contains("://")
            && !root.join("src").join(lang).join(target).is_file()
        {
            bail!("src/{lang}/SUMMARY.md: the entry `{target}` has no file");
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
            match without_listings(&chapter.content) {
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

/// The chapter without its listing directives, and without fenced blocks that include a
/// file of `listings/` (already run by the listing's own test).
fn without_listings(content: &str) -> Result<String> {
    let mut out = String::with_capacity(content.len());
    let mut block: Option<(String, String)> = None; // (fence, text)
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some((fence, text)) = &mut block {
            text.push_str(line);
            if trimmed.trim_end() == fence.as_str() {
                let (_, text) = block.take().expect("in a block");
                if !text.contains("listings/") {
                    out.push_str(&text);
                }
            }
            continue;
        }
        if trimmed.starts_with("{{#listing ") || trimmed.starts_with("{{#compile-fail ") {
            continue;
        }
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        if fence.len() >= 3 && (fence.chars().all(|c| c == '`') || fence.chars().all(|c| c == '~'))
        {
            block = Some((fence, line.to_owned()));
            continue;
        }
        out.push_str(line);
    }
    if let Some((_, text)) = block {
        out.push_str(&text); // an unclosed fence: leave it to mdBook
    }
    check_compile_fail(&out)?;
    Ok(out)
}

/// A ```rust,compile_fail block outside a listing would be run as a passing test.
fn check_compile_fail(text: &str) -> Result<()> {
    for line in text.lines() {
        let t = line.trim_start();
        if (t.starts_with("```rust") || t.starts_with("~~~rust")) && t.contains("compile_fail") {
            bail!(
                "a ```rust,compile_fail block: show Rust that does not compile as a trybuild case of a \
                 listing with {{{{#compile-fail <id> <case>}}}} (see CONTRIBUTING.md)"
            );
        }
    }
    Ok(())
}
