//! Line patterns: the one wildcard language of output files and lesson checks.
//!
//! A pattern matches a whole line. `[..]` stands for any text within the line; `{}` (lesson
//! checks only, at most one) stands for any text within the line and captures it. Everything
//! else is literal: there is no `...` line wildcard and no path rewriting.

use anyhow::{Result, bail};
use regex::Regex;

/// The in-line wildcard of output files and checks.
pub const WILDCARD: &str = "[..]";
/// The capturing wildcard of lesson checks.
pub const CAPTURE: &str = "{}";

/// A compiled line pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    regex: Regex,
    captures: bool,
}

impl Pattern {
    /// Compiles `source`; `{}` is allowed once when `capture` is true.
    pub fn new(source: &str, capture: bool) -> Result<Pattern> {
        let mut regex = String::from("^");
        let mut rest = source;
        let mut captures = 0;
        loop {
            let next_wild = rest.find(WILDCARD);
            let next_cap = rest.find(CAPTURE);
            let (at, token) = match (next_wild, next_cap) {
                (Some(w), Some(c)) if c < w => (c, CAPTURE),
                (Some(w), _) => (w, WILDCARD),
                (None, Some(c)) => (c, CAPTURE),
                (None, None) => break,
            };
            regex.push_str(&regex::escape(&rest[..at]));
            if token == CAPTURE {
                captures += 1;
                regex.push_str("(.*?)");
            } else {
                regex.push_str(".*?");
            }
            rest = &rest[at + token.len()..];
        }
        regex.push_str(&regex::escape(rest));
        regex.push('$');
        if captures > 0 && !capture {
            bail!("the pattern `{source}` has `{{}}`, which captures only in a lesson check");
        }
        if captures > 1 {
            bail!("the pattern `{source}` has {captures} `{{}}`: at most one may capture");
        }
        Ok(Pattern {
            source: source.to_owned(),
            regex: Regex::new(&regex)?,
            captures: captures == 1,
        })
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the pattern has a `{}`.
    pub fn captures(&self) -> bool {
        self.captures
    }

    /// Whether `line` matches the pattern as a whole.
    pub fn is_match(&self, line: &str) -> bool {
        self.regex.is_match(line)
    }

    /// The text `{}` stands for in `line`, when the line matches.
    pub fn capture<'a>(&self, line: &'a str) -> Option<&'a str> {
        let caps = self.regex.captures(line)?;
        Some(caps.get(1).map_or("", |m| m.as_str()))
    }
}

/// Rejects what an output file may not contain: a `...` line (snapbox's multi-line wildcard,
/// not one of the harness's) and `{}` captures.
pub fn validate_output_file(text: &str) -> Result<()> {
    for (i, line) in text.lines().enumerate() {
        if line.trim() == "..." {
            bail!(
                "line {}: `...` is not a wildcard here (only `[..]` is, within one line): \
                 write the lines out",
                i + 1
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_and_captures() {
        let p = Pattern::new("worker [..] took job {}", true).unwrap();
        assert!(p.is_match("worker 3 took job 17"));
        assert_eq!(p.capture("worker 3 took job 17"), Some("17"));
        assert!(!p.is_match("worker 3 took job 17 twice\nx"));
        assert!(!p.is_match("a worker 3 took job 1"));
        let lit = Pattern::new("a.b (c) [..]", false).unwrap();
        assert!(lit.is_match("a.b (c) anything"));
        assert!(!lit.is_match("axb (c) anything"));
        assert!(Pattern::new("{} {}", true).is_err());
        assert!(Pattern::new("{}", false).is_err());
    }

    #[test]
    fn a_line_wildcard_is_refused() {
        assert!(validate_output_file("a\n...\nb\n").is_err());
        assert!(validate_output_file("a [..] b\n").is_ok());
    }
}
