//! The book's own directives, each alone on its line in a chapter:
//!
//! - `{{#listing <id>}}` shows a listing: the Go original beside the Rust program, the
//!   checked output under them;
//! - `{{#compile-fail <id> <case>}}` shows Rust the compiler rejects, with its real error.
//!
//! A `\` before `{{` escapes a directive (mdBook's `links` preprocessor drops the backslash).

use std::ops::Range;
use std::sync::LazyLock;

use anyhow::{Result, bail};
use regex::Regex;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*\{\{#(listing|compile-fail)[ \t]+([^}]*?)[ \t]*\}\}[ \t]*$")
        .expect("valid regex")
});

static INCLUDE_OF_LISTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{#(?:include|rustdoc_include)\s+[^}]*?listings/([a-z0-9][a-z0-9-]*)/")
        .expect("valid regex")
});

/// One directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// `{{#listing <id>}}`
    Listing { id: String },
    /// `{{#compile-fail <id> <case>}}`
    CompileFail { id: String, case: String },
}

impl Directive {
    /// The listing it shows.
    pub fn listing(&self) -> &str {
        match self {
            Directive::Listing { id } | Directive::CompileFail { id, .. } => id,
        }
    }
}

/// Every directive of `markdown` with the byte range of its line, or an error naming a
/// malformed one.
pub fn find(markdown: &str) -> Result<Vec<(Range<usize>, Directive)>> {
    let mut found = Vec::new();
    for caps in DIRECTIVE.captures_iter(markdown) {
        let whole = caps.get(0).expect("match");
        let args: Vec<&str> = caps[2].split_whitespace().collect();
        let directive = match (&caps[1], args.as_slice()) {
            ("listing", [id]) => Directive::Listing {
                id: (*id).to_owned(),
            },
            ("compile-fail", [id, case]) => Directive::CompileFail {
                id: (*id).to_owned(),
                case: (*case).to_owned(),
            },
            (kind, _) => bail!(
                "`{}`: expected {{{{#listing <id>}}}} or {{{{#compile-fail <id> <case>}}}}, found {{{{#{kind} {}}}}}",
                whole.as_str().trim(),
                args.join(" ")
            ),
        };
        found.push((whole.range(), directive));
    }
    Ok(found)
}

/// Whether `line` is a directive line.
pub fn is_directive_line(line: &str) -> bool {
    DIRECTIVE.is_match(line.trim_end_matches(['\n', '\r']))
}

/// Whether `text` includes a file of `listings/` with mdBook's `{{#include}}`.
pub fn includes_a_listing(text: &str) -> bool {
    INCLUDE_OF_LISTING.is_match(text)
}

/// The listing ids a chapter's raw Markdown shows, by directive or by a plain include of a
/// file in `listings/<id>/`.
pub fn listings_shown(markdown: &str) -> Vec<String> {
    let mut ids: Vec<String> = DIRECTIVE
        .captures_iter(markdown)
        .filter_map(|c| c[2].split_whitespace().next().map(str::to_owned))
        .chain(
            INCLUDE_OF_LISTING
                .captures_iter(markdown)
                .map(|c| c[1].to_owned()),
        )
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_are_found_and_malformed_ones_named() {
        let md = "text\n{{#listing a-b}}\n  {{#compile-fail a-b case}}\n\\{{#listing no}} inline\n";
        let found = find(md).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, Directive::Listing { id: "a-b".into() });
        assert!(find("{{#listing}}\n").is_ok()); // no argument: not a directive line
        assert!(find("{{#listing a b}}\n").is_err());
        assert_eq!(listings_shown(md), vec!["a-b"]);
        assert!(includes_a_listing(
            "{{#include ../../listings/x/src/main.rs:core}}"
        ));
        assert!(!includes_a_listing("see listings/x/ for the code"));
    }
}
