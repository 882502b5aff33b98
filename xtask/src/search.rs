//! The search index of one built book: Pagefind, run as a library, over the chapters'
//! `<main>`, written to `<book>/pagefind/` (read by `theme/search.js` in the browser).
//!
//! mdBook's own search keeps only `[0-9A-Za-z_]` of a word, so it finds no Persian,
//! Russian or Thai word; it is disabled in `book.toml`. Pagefind indexes every script,
//! stems Russian (and English) words, splits Thai text into words with ICU's dictionary
//! segmenter (the `extended` feature; the browser splits a Thai query with
//! `Intl.Segmenter`), and ships a small WebAssembly searcher that loads only the parts of
//! the index a query needs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use book_model::lang::Lang;

/// The folder, inside a book, that holds the index and Pagefind's search script.
pub const DIR: &str = "pagefind";

/// Pages that are not chapters: the whole book on one page, the sidebar's frame, the
/// "not found" page. Indexing them would only repeat the chapters or add noise.
const NOT_CHAPTERS: &[&str] = &["print.html", "toc.html", "404.html"];

/// Inside `<main>`, what is not the chapter's words: a diagram's mermaid source.
const EXCLUDED: &[&str] = &["pre.mermaid"];

/// Of what Pagefind writes, the files its search API needs. Its ready-made UIs
/// (`pagefind-ui.js`, the modular and component UIs, the highlighter, about 400 KB) are
/// left out: `theme/search.js` is the book's UI.
fn needed(file: &Path) -> bool {
    let name = file.to_string_lossy();
    matches!(
        name.as_ref(),
        "pagefind.js" | "pagefind-worker.js" | "pagefind-entry.json"
    ) || name.starts_with("wasm.")
        || name.ends_with(".pf_meta")
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
}

/// What indexing one book did.
#[derive(Debug, Clone, Default)]
pub struct Indexed {
    /// Chapter pages indexed.
    pub pages: usize,
    /// Words indexed, over all pages.
    pub words: u64,
    /// Bytes written to `<book>/pagefind/`, everything included.
    pub bytes: u64,
    /// Of those, the index itself (`.pf_meta`, `.pf_index`, `.pf_fragment`, filters).
    pub index_bytes: u64,
    pub took: Duration,
}

/// Indexes the chapters of the built book in `book_dir` (one language) into
/// `book_dir/pagefind/`, replacing what was there.
pub fn index_book(book_dir: &Path, lang: &Lang) -> Result<Indexed> {
    let started = Instant::now();
    let mut pages = Vec::new();
    collect_pages(book_dir, book_dir, &mut pages)?;
    pages.sort();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime for the search index")?;
    let (words, files) = runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .root_selector("main".to_owned())
            .exclude_selectors(EXCLUDED.iter().map(|s| (*s).to_owned()).collect())
            .force_language(lang.code.to_owned())
            .keep_index_url(true)
            .build();
        let mut index = PagefindIndex::new(Some(config))?;
        let mut words = 0u64;
        for rel in &pages {
            let html = std::fs::read_to_string(book_dir.join(rel))
                .with_context(|| format!("cannot read {}", book_dir.join(rel).display()))?;
            let html = normalize_for_index(lang, &html);
            let url = rel.to_string_lossy().replace('\\', "/");
            let added = index
                .add_html_file(None, Some(format!("/{url}")), html)
                .await
                .with_context(|| format!("cannot index {url}"))?;
            words += u64::from(added.page_word_count);
        }
        let files = index.get_files().await?;
        anyhow::Ok((words, files))
    })?;

    let out = book_dir.join(DIR);
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .with_context(|| format!("cannot replace {}", out.display()))?;
    }
    let (mut bytes, mut index_bytes) = (0u64, 0u64);
    for file in files.iter().filter(|f| needed(&f.filename)) {
        let path = out.join(&file.filename);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &file.contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let len = file.contents.len() as u64;
        bytes += len;
        if !file.filename.to_string_lossy().starts_with("pagefind")
            && !file.filename.to_string_lossy().starts_with("wasm.")
        {
            index_bytes += len;
        }
    }
    Ok(Indexed {
        pages: pages.len(),
        words,
        bytes,
        index_bytes,
        took: started.elapsed(),
    })
}

/// Every chapter page of the book, as a path relative to `book_dir`.
fn collect_pages(book_dir: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        let rel = path.strip_prefix(book_dir).unwrap_or(&path).to_path_buf();
        if path.is_dir() {
            // Pagefind's own output, and mdBook's assets, hold no chapters.
            if !matches!(
                rel.to_str(),
                Some(DIR | "css" | "fonts" | "theme" | "FontAwesome")
            ) {
                collect_pages(book_dir, &path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "html")
            && !(rel.parent() == Some(Path::new(""))
                && NOT_CHAPTERS.iter().any(|n| rel.as_os_str() == *n))
        {
            out.push(rel);
        }
    }
    Ok(())
}

/// The text Pagefind indexes, made to match the query that `theme/search.js` sends.
///
/// Persian is written with letters that have Arabic look-alikes: a reader typing on an
/// Arabic keyboard layout types ي (U+064A) and ك (U+0643) for ی and ک, and a justified
/// text may stretch a word with the tatweel ـ. The index keeps the Persian letters and
/// no tatweel; the search script maps the query the same way. The zero-width non-joiner
/// (U+200C, in می‌شود) stays in the text, so the excerpt shows the word as written:
/// Pagefind keeps only letters, digits and `_` in a word's key, so it indexes می‌شود as
/// میشود; the script removes the ZWNJ from the query (and, when that finds nothing,
/// searches for the parts, می شود), so a page is found however the reader spelled it.
pub fn normalize_for_index(lang: &Lang, html: &str) -> String {
    if lang.code != "fa" {
        return html.to_owned();
    }
    normalize_persian(html)
}

/// Arabic yeh, alef maksura and kaf to their Persian forms; tatweel removed.
pub fn normalize_persian(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{0640}')
        .map(|c| match c {
            '\u{064A}' | '\u{0649}' => '\u{06CC}',
            '\u{0643}' => '\u{06A9}',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_look_alikes_become_persian_letters() {
        assert_eq!(normalize_persian("كتابخانه‌ي"), "کتابخانه‌ی");
        assert_eq!(normalize_persian("مـــی‌شود"), "می‌شود");
        assert_eq!(normalize_persian("WaitGroup"), "WaitGroup");
    }

    #[test]
    fn chapters_only_not_print_toc_404_or_assets() {
        let book = tempfile::tempdir().expect("tempdir");
        for page in [
            "index.html",
            "print.html",
            "toc.html",
            "404.html",
            "patterns/pipelines.html",
            "patterns/index.html",
            "pagefind/playground/index.html",
            "theme/index.html",
            "css/chrome.css",
        ] {
            let path = book.path().join(page);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "<main>text</main>").expect("write");
        }
        let mut pages = Vec::new();
        collect_pages(book.path(), book.path(), &mut pages).expect("collect");
        pages.sort();
        assert_eq!(
            pages,
            [
                "index.html",
                "patterns/index.html",
                "patterns/pipelines.html"
            ]
            .map(PathBuf::from)
        );
    }

    #[test]
    fn only_the_files_the_search_api_needs() {
        for keep in [
            "pagefind.js",
            "pagefind-worker.js",
            "pagefind-entry.json",
            "wasm.ru.pagefind",
            "wasm.unknown.pagefind",
            "pagefind.fa_1234.pf_meta",
            "index/ru_abc.pf_index",
            "fragment/th_abc.pf_fragment",
        ] {
            assert!(needed(Path::new(keep)), "{keep}");
        }
        for drop in ["pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js"] {
            assert!(!needed(Path::new(drop)), "{drop}");
        }
    }
}
