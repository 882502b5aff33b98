//! A language's `SUMMARY.md`: the chapters of its book, in order.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use pulldown_cmark::{Event, Parser, Tag};

/// One entry of `SUMMARY.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The link target as written (`building-blocks/fork-join.md`).
    pub target: String,
    /// The chapter file, under the language's folder.
    pub file: PathBuf,
}

impl Entry {
    /// Whether the chapter file exists.
    pub fn exists(&self) -> bool {
        self.file.is_file()
    }
}

/// The entries of `src_dir/SUMMARY.md` that link to a chapter file (not to a web address),
/// in order.
pub fn entries(src_dir: &Path) -> Result<Vec<Entry>> {
    let summary = src_dir.join("SUMMARY.md");
    let text = std::fs::read_to_string(&summary)
        .with_context(|| format!("cannot read {}", summary.display()))?;
    Ok(entries_of(src_dir, &text))
}

/// The entries of a `SUMMARY.md` text whose folder is `src_dir`.
pub fn entries_of(src_dir: &Path, text: &str) -> Vec<Entry> {
    Parser::new(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .filter(|target| !target.contains("://") && !target.is_empty())
        .map(|target| Entry {
            file: src_dir.join(&target),
            target,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_order_without_web_addresses() {
        let text = "# Summary\n\n[Intro](README.md)\n\n- [A](part/a.md)\n  - [B](part/b.md)\n- [Web](https://example.org)\n";
        let got: Vec<String> = entries_of(Path::new("src/en"), text)
            .into_iter()
            .map(|e| e.target)
            .collect();
        assert_eq!(got, ["README.md", "part/a.md", "part/b.md"]);
    }
}
