//! Which version of its English chapter a translated chapter follows.
//!
//! A translated chapter starts with a record line, `<!-- en: 1a2b3c4d5e6f -->`: the
//! fingerprint of the English file it was brought up to date with, written by
//! `cargo xtask translated <lang> <chapter>`. The book check compares it with the English file
//! as it is now; the built page says so when they differ.

use std::path::Path;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

/// The language every other one translates.
pub const SOURCE: &str = "en";

const PREFIX: &str = "<!-- en: ";
const SUFFIX: &str = " -->";

/// Where a translated chapter stands against its English chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No file for this chapter in the language.
    Missing,
    /// A file without a record line.
    Unrecorded,
    /// It follows the English file as it is now.
    Current,
    /// It follows an older English file.
    Stale { recorded: String, now: String },
}

/// The fingerprint of an English chapter: the first 12 hex digits of its SHA-256.
pub fn fingerprint(english: &str) -> String {
    let digest = Sha256::digest(english.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The record line a chapter starts with, if it has one.
pub fn record_of(chapter: &str) -> Option<&str> {
    let first = chapter.lines().next()?.trim();
    first.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)
}

/// The chapter with its record line set to `fingerprint` (replaced, or added as line 1).
pub fn with_record(chapter: &str, fingerprint: &str) -> String {
    let line = format!("{PREFIX}{fingerprint}{SUFFIX}\n");
    let rest = if record_of(chapter).is_some() {
        chapter.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        chapter
    };
    format!("{line}{rest}")
}

/// The status of chapter `target` (a SUMMARY path such as `patterns/tee.md`) in `lang`.
pub fn status(root: &Path, lang: &str, target: &str) -> Result<Status> {
    let english = root.join("src").join(SOURCE).join(target);
    let english = std::fs::read_to_string(&english)
        .with_context(|| format!("cannot read {}", english.display()))?;
    let file = root.join("src").join(lang).join(target);
    if !file.is_file() {
        return Ok(Status::Missing);
    }
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    Ok(status_of(&english, &text))
}

/// The status of a translated chapter's `text` against the `english` text.
pub fn status_of(english: &str, text: &str) -> Status {
    let now = fingerprint(english);
    match record_of(text) {
        None => Status::Unrecorded,
        Some(r) if r == now => Status::Current,
        Some(r) => Status::Stale {
            recorded: r.to_owned(),
            now,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_written_read_and_compared() {
        let en = "# Tee\n\nText.\n";
        let th = "# Tee (th)\n";
        assert_eq!(status_of(en, th), Status::Unrecorded);
        let recorded = with_record(th, &fingerprint(en));
        assert!(recorded.starts_with("<!-- en: "));
        assert!(recorded.ends_with("# Tee (th)\n"));
        assert_eq!(status_of(en, &recorded), Status::Current);
        // Recording again replaces the line rather than adding one.
        assert_eq!(with_record(&recorded, &fingerprint(en)), recorded);
        let changed = "# Tee\n\nNew text.\n";
        assert!(matches!(
            status_of(changed, &recorded),
            Status::Stale { .. }
        ));
    }
}
