//! Builds the site: one mdBook per language from the one `book.toml`, and a landing page.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use mdbook_driver::MDBook;
use mdbook_driver::config::{Config, TextDirection};

use crate::preprocess::ListingPreprocessor;
use book_model::lang::Lang;

/// The repository root: the folder above `xtask/`.
///
/// `cargo run` (and so `cargo xtask`) tells the program its manifest folder at run time; the
/// folder baked in at compile time is only the fallback. With a target folder shared by two
/// checkouts, the binary may have been built in the other one, and must not write there.
pub fn repo_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask/ has a parent")
        .to_path_buf()
}

/// The configuration of one language's book: `book.toml` with the language's source
/// folder, language, direction, title and output folder.
pub fn config_for(root: &Path, lang: &Lang, out_dir: &Path) -> Result<Config> {
    let toml_path = root.join("book.toml");
    let mut config = Config::from_disk(&toml_path)
        .with_context(|| format!("cannot read {}", toml_path.display()))?;
    config.book.src = PathBuf::from("src").join(lang.code);
    config.book.language = Some(lang.code.to_owned());
    config.book.text_direction = Some(if lang.rtl {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    });
    config.book.title = Some(lang.title.to_owned());
    config.build.build_dir = out_dir.join(lang.code);
    // A SUMMARY.md entry without a file is an error, never an empty page made on the fly.
    config.build.create_missing = false;
    // The directives expand into {{#include}}s, so they must run before mdBook's `links`,
    // whatever book.toml says.
    config.set("preprocessor.listing.before", ["links"])?;
    Ok(config)
}

/// The WebSocket path the pages connect to for live reload (`cargo xtask serve`).
pub const LIVE_RELOAD: &str = "__livereload";

/// Loads one language's book with the preprocessors run in-process: the `{{#listing}}`
/// directive and mdbook-mermaid, as libraries, so that no tool needs installing.
pub fn load(root: &Path, lang: &Lang, out_dir: &Path, live_reload: bool) -> Result<MDBook> {
    let mut config = config_for(root, lang, out_dir)?;
    if live_reload {
        config.set("output.html.live-reload-endpoint", LIVE_RELOAD)?;
    }
    let summary = root.join("src").join(lang.code).join("SUMMARY.md");
    if !summary.is_file() {
        bail!("the {} book has no {}", lang.name, summary.display());
    }
    let mut book = MDBook::load_with_config(root, config)
        .with_context(|| format!("cannot load the {} book (src/{})", lang.name, lang.code))?;
    book.with_preprocessor(ListingPreprocessor)
        .with_preprocessor(mdbook_mermaid::Mermaid);
    Ok(book)
}

/// What building one language did.
#[derive(Debug, Clone)]
pub struct Built {
    /// The whole build: mdBook and the search index.
    pub took: Duration,
    /// The search index (`<book>/pagefind/`).
    pub search: crate::search::Indexed,
}

impl fmt::Display for Built {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:>6.2?}  (search: {} pages, index {} KB)",
            self.took,
            self.search.pages,
            self.search.index_bytes.div_ceil(1024),
        )
    }
}

/// Builds one language into `out_dir/<code>/`: the book, then its search index.
///
/// The book is built in a staging folder beside it and then moved into place, so that a
/// server never serves a half-written book (or one without its index), and a failed
/// build leaves the last good one.
pub fn build_lang(root: &Path, lang: &Lang, out_dir: &Path, live_reload: bool) -> Result<Built> {
    build_lang_with(root, lang, out_dir, live_reload, true)
}

/// [`build_lang`], with the search index only when `index` is true (the book check reads
/// the pages, not the index).
pub fn build_lang_with(
    root: &Path,
    lang: &Lang,
    out_dir: &Path,
    live_reload: bool,
    index: bool,
) -> Result<Built> {
    let started = Instant::now();
    let staging_root = out_dir.join(format!(".staging-{}", std::process::id()));
    let result = (|| {
        let book = load(root, lang, &staging_root, live_reload)?;
        book.build()
            .with_context(|| format!("cannot build the {} book (src/{})", lang.name, lang.code))?;
        let (staged, dest) = (staging_root.join(lang.code), out_dir.join(lang.code));
        let search = if index {
            crate::search::index_book(&staged, lang)
                .with_context(|| format!("cannot index the {} book for search", lang.name))?
        } else {
            crate::search::Indexed::default()
        };
        if dest.exists() {
            std::fs::remove_dir_all(&dest)
                .with_context(|| format!("cannot replace {}", dest.display()))?;
        }
        std::fs::rename(&staged, &dest)
            .with_context(|| format!("cannot move the book to {}", dest.display()))?;
        Ok(search)
    })();
    std::fs::remove_dir_all(&staging_root).ok();
    result.map(|search| Built {
        took: started.elapsed(),
        search,
    })
}

/// Builds every language and the landing page into `out_dir`.
pub fn build_all(root: &Path, langs: &[Lang], out_dir: &Path, live_reload: bool) -> Result<()> {
    for lang in langs {
        let built = build_lang(root, lang, out_dir, live_reload)?;
        eprintln!(
            "built {:<8} {built}  {}",
            lang.name,
            out_dir.join(lang.code).display()
        );
    }
    write_landing(root, out_dir)
}

/// The site's landing page: `theme/index.html`, the language picker.
pub fn write_landing(root: &Path, out_dir: &Path) -> Result<()> {
    let page = root.join("theme/index.html");
    if page.is_file() {
        std::fs::copy(&page, out_dir.join("index.html"))
            .with_context(|| format!("cannot copy {}", page.display()))?;
    }
    Ok(())
}
