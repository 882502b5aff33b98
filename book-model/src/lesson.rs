//! Lesson checks: what a listing teaches, held against the lines it printed and when each
//! one arrived.
//!
//! Each `[[package.metadata.listing.check]]` of a listing's `Cargo.toml` is one [`Check`].
//! The same checks run on the Rust program (`cargo test`) and on the Go original
//! (`cargo xtask go-check`), in the run that is compared with `output.txt`. A check must fail
//! when the lesson is broken even if the printed text stays the same.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use anyhow::{Result, bail};
use serde::Deserialize;

use crate::listing::Run;
use crate::pattern::Pattern;

/// The kinds of lesson check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Every `first` line comes before the first `then` line.
    Before,
    /// The `{}` of `lines` takes a number of distinct values within bounds.
    Distinct,
    /// Counting +1 per `start` line and -1 per `end` line in order, the largest count is
    /// within bounds.
    Peak,
    /// The `{}` of `lines` is a number: within `min`..=`max`, `growing`, `vary`, `count`.
    Numbers,
    /// The time from the first `from` line (or the start) to the last `to` line (or the last
    /// line) is within bounds. A lower bound is measured from the start only: each line is
    /// stamped when the harness reads it, which can be late under load, so the time between
    /// two lines can shrink, while the time from the start to a line can only grow.
    Elapsed,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Before => "before",
            Kind::Distinct => "distinct",
            Kind::Peak => "peak",
            Kind::Numbers => "numbers",
            Kind::Elapsed => "elapsed",
        }
    }

    /// The fields a check of this kind must have, and those it may have.
    fn fields(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Kind::Before => (&["first", "then"], &[]),
            Kind::Distinct => (&["lines"], &["at-least", "at-most", "equals"]),
            Kind::Peak => (&["start", "end"], &["at-least", "at-most", "equals"]),
            Kind::Numbers => (&["lines"], &["min", "max", "growing", "vary", "count"]),
            Kind::Elapsed => (&[], &["from", "to", "at-least-ms", "at-most-ms"]),
        }
    }
}

/// One `[[package.metadata.listing.check]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Check {
    pub kind: Kind,
    pub first: Option<String>,
    pub then: Option<String>,
    pub lines: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub at_least: Option<u64>,
    pub at_most: Option<u64>,
    pub equals: Option<u64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub growing: Option<bool>,
    pub vary: Option<bool>,
    pub count: Option<usize>,
    pub at_least_ms: Option<u64>,
    pub at_most_ms: Option<u64>,
    /// Only the lines after the first line matching this.
    pub after: Option<String>,
    /// Only the lines before the first line matching this (after `after`).
    pub until: Option<String>,
    /// `rust` or `go`: the check applies to that program only.
    pub only: Option<String>,
}

impl Check {
    fn set_fields(&self) -> Vec<&'static str> {
        let mut set = Vec::new();
        let mut add = |name, present: bool| {
            if present {
                set.push(name);
            }
        };
        add("first", self.first.is_some());
        add("then", self.then.is_some());
        add("lines", self.lines.is_some());
        add("start", self.start.is_some());
        add("end", self.end.is_some());
        add("from", self.from.is_some());
        add("to", self.to.is_some());
        add("at-least", self.at_least.is_some());
        add("at-most", self.at_most.is_some());
        add("equals", self.equals.is_some());
        add("min", self.min.is_some());
        add("max", self.max.is_some());
        add("growing", self.growing.is_some());
        add("vary", self.vary.is_some());
        add("count", self.count.is_some());
        add("at-least-ms", self.at_least_ms.is_some());
        add("at-most-ms", self.at_most_ms.is_some());
        set
    }

    /// A short name for messages: `check 2 (before)`.
    pub fn label(&self, index: usize) -> String {
        format!("check {} ({})", index + 1, self.kind.name())
    }

    /// Rejects a check with a missing or foreign field, a bad pattern or no bound at all.
    pub fn validate(&self) -> Result<()> {
        let kind = self.kind.name();
        let (required, optional) = self.kind.fields();
        let set = self.set_fields();
        for field in required {
            if !set.contains(field) {
                bail!("a `{kind}` check needs `{field}`");
            }
        }
        for field in &set {
            if !required.contains(field) && !optional.contains(field) {
                bail!(
                    "a `{kind}` check has no field `{field}` (it takes {})",
                    required
                        .iter()
                        .chain(optional)
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
        if let Some(only) = &self.only
            && only != "rust"
            && only != "go"
        {
            bail!("`only` is `rust` or `go`, not `{only}`");
        }
        let bounded = match self.kind {
            Kind::Before => true,
            Kind::Distinct | Kind::Peak => {
                self.equals.is_some() || self.at_least.is_some() || self.at_most.is_some()
            }
            Kind::Numbers => set.len() > 1,
            Kind::Elapsed => self.at_least_ms.is_some() || self.at_most_ms.is_some(),
        };
        if !bounded {
            bail!("this `{kind}` check has no bound, so it could not fail");
        }
        if self.kind == Kind::Elapsed
            && self.at_least_ms.is_some()
            && (self.from.is_some() || self.after.is_some())
        {
            bail!(
                "an `elapsed` lower bound is measured from the program's start, not from a line: \
                 a line read late under load would shorten the time and fail a correct program \
                 (drop `from`/`after`)"
            );
        }
        if self.equals.is_some() && (self.at_least.is_some() || self.at_most.is_some()) {
            bail!("`equals` goes alone, without `at-least` or `at-most`");
        }
        for (field, pattern) in self.patterns() {
            let capture = field == "lines";
            let p = Pattern::new(pattern, capture)?;
            let needs = capture && matches!(self.kind, Kind::Distinct | Kind::Numbers);
            if needs && !p.captures() {
                bail!("the `lines` of a `{kind}` check needs one `{{}}` to capture");
            }
        }
        Ok(())
    }

    fn patterns(&self) -> Vec<(&'static str, &str)> {
        [
            ("first", &self.first),
            ("then", &self.then),
            ("lines", &self.lines),
            ("start", &self.start),
            ("end", &self.end),
            ("from", &self.from),
            ("to", &self.to),
            ("after", &self.after),
            ("until", &self.until),
        ]
        .into_iter()
        .filter_map(|(name, p)| p.as_deref().map(|p| (name, p)))
        .collect()
    }

    /// Whether the check applies to the program called `what` (`Rust` or `Go`).
    pub fn applies_to(&self, what: &str) -> bool {
        self.only
            .as_deref()
            .is_none_or(|only| only.eq_ignore_ascii_case(what))
    }

    /// Holds `run` to the check. The error says what was seen.
    pub fn verify(&self, run: &Run) -> Result<()> {
        let pat = |p: &Option<String>| -> Result<Pattern> {
            Pattern::new(p.as_deref().unwrap_or_default(), true)
        };
        let (lo, hi) = self.window(run)?;
        let window = &run.lines[lo..hi];
        let matching = |p: &Pattern| -> Vec<usize> {
            (lo..hi)
                .filter(|&i| p.is_match(&run.lines[i].text))
                .collect()
        };
        let none = |field: &str, p: &Pattern| {
            anyhow::anyhow!(
                "no line{} matches its `{field}` pattern `{}`",
                self.scope(),
                p.source()
            )
        };
        match self.kind {
            Kind::Before => {
                let (first, then) = (pat(&self.first)?, pat(&self.then)?);
                let f = matching(&first);
                let t = matching(&then);
                let (Some(&last_first), Some(&first_then)) = (f.last(), t.first()) else {
                    return Err(if f.is_empty() {
                        none("first", &first)
                    } else {
                        none("then", &then)
                    });
                };
                if last_first > first_then {
                    bail!(
                        "{} comes after {}, but every `{}` line must come before the first `{}` line",
                        run.describe(last_first),
                        run.describe(first_then),
                        first.source(),
                        then.source()
                    );
                }
            }
            Kind::Distinct => {
                let lines = pat(&self.lines)?;
                let m = matching(&lines);
                if m.is_empty() {
                    return Err(none("lines", &lines));
                }
                let values: BTreeSet<&str> = m
                    .iter()
                    .filter_map(|&i| lines.capture(&run.lines[i].text))
                    .collect();
                let n = values.len() as u64;
                self.bounds(n, "distinct values").map_err(|e| {
                    anyhow::anyhow!("the `{{}}` of `{}` took {e}: {values:?}", lines.source())
                })?;
            }
            Kind::Peak => {
                let (start, end) = (pat(&self.start)?, pat(&self.end)?);
                if matching(&start).is_empty() {
                    return Err(none("start", &start));
                }
                let (mut now, mut peak, mut at) = (0i64, 0i64, lo);
                for (i, line) in window.iter().enumerate() {
                    if start.is_match(&line.text) {
                        now += 1;
                    } else if end.is_match(&line.text) {
                        now -= 1;
                    }
                    if now > peak {
                        (peak, at) = (now, lo + i);
                    }
                }
                self.bounds(peak.max(0) as u64, "at once").map_err(|e| {
                    anyhow::anyhow!(
                        "counting `{}` up and `{}` down, the peak was {e} (first reached at {})",
                        start.source(),
                        end.source(),
                        run.describe(at)
                    )
                })?;
            }
            Kind::Numbers => {
                let lines = pat(&self.lines)?;
                let m = matching(&lines);
                if m.is_empty() {
                    return Err(none("lines", &lines));
                }
                let mut values = Vec::new();
                for &i in &m {
                    let text = lines.capture(&run.lines[i].text).unwrap_or_default();
                    let Ok(v) = text.trim().parse::<f64>() else {
                        bail!("{}: `{text}` is not a number", run.describe(i));
                    };
                    if self.min.is_some_and(|min| v < min) || self.max.is_some_and(|max| v > max) {
                        bail!(
                            "{}: {v} is outside {}..={}",
                            run.describe(i),
                            self.min.map_or("".into(), |m| m.to_string()),
                            self.max.map_or("".into(), |m| m.to_string())
                        );
                    }
                    if self.growing == Some(true)
                        && let Some(&prev) = values.last()
                        && v < prev
                    {
                        bail!(
                            "{}: {v} is less than the number before it ({prev}), but they must grow",
                            run.describe(i)
                        );
                    }
                    values.push(v);
                }
                if let Some(count) = self.count
                    && values.len() != count
                {
                    bail!(
                        "{} line(s) match `{}`, not {count}",
                        values.len(),
                        lines.source()
                    );
                }
                if self.vary == Some(true) && values.windows(2).all(|w| w[0] == w[1]) {
                    bail!(
                        "the numbers of `{}` do not vary: {values:?}",
                        lines.source()
                    );
                }
            }
            Kind::Elapsed => {
                let from = match &self.from {
                    Some(p) => {
                        let p = Pattern::new(p, true)?;
                        let i = *matching(&p).first().ok_or_else(|| none("from", &p))?;
                        (run.lines[i].at, run.describe(i))
                    }
                    None if lo == 0 => (std::time::Duration::ZERO, "the start".to_owned()),
                    None => (run.lines[lo].at, run.describe(lo)),
                };
                let to = match &self.to {
                    Some(p) => {
                        let p = Pattern::new(p, true)?;
                        *matching(&p).last().ok_or_else(|| none("to", &p))?
                    }
                    None if hi > lo => hi - 1,
                    None => bail!("there is no line{} to time", self.scope()),
                };
                let ms = run.lines[to].at.saturating_sub(from.0).as_millis() as u64;
                self.ms_bounds(ms).map_err(|e| {
                    anyhow::anyhow!("from {} to {} took {e}", from.1, run.describe(to))
                })?;
            }
        }
        Ok(())
    }

    /// The range of line indices the check looks at.
    fn window(&self, run: &Run) -> Result<(usize, usize)> {
        let mut lo = 0;
        if let Some(after) = &self.after {
            let p = Pattern::new(after, false)?;
            let i = run
                .lines
                .iter()
                .position(|l| p.is_match(&l.text))
                .ok_or_else(|| anyhow::anyhow!("no line matches its `after` pattern `{after}`"))?;
            lo = i + 1;
        }
        let mut hi = run.lines.len();
        if let Some(until) = &self.until {
            let p = Pattern::new(until, false)?;
            let i = run.lines[lo..]
                .iter()
                .position(|l| p.is_match(&l.text))
                .ok_or_else(|| anyhow::anyhow!("no line matches its `until` pattern `{until}`"))?;
            hi = lo + i;
        }
        Ok((lo, hi))
    }

    fn scope(&self) -> String {
        let mut s = String::new();
        if let Some(a) = &self.after {
            write!(s, " after `{a}`").ok();
        }
        if let Some(u) = &self.until {
            write!(s, " until `{u}`").ok();
        }
        s
    }

    fn bounds(&self, n: u64, what: &str) -> std::result::Result<(), String> {
        let ok = self.equals.is_none_or(|e| n == e)
            && self.at_least.is_none_or(|l| n >= l)
            && self.at_most.is_none_or(|m| n <= m);
        if ok {
            return Ok(());
        }
        let want = match (self.equals, self.at_least, self.at_most) {
            (Some(e), _, _) => format!("exactly {e}"),
            (None, Some(l), Some(m)) => format!("{l} to {m}"),
            (None, Some(l), None) => format!("at least {l}"),
            (None, None, Some(m)) => format!("at most {m}"),
            (None, None, None) => unreachable!("validated"),
        };
        Err(format!("{n} {what}, not {want}"))
    }

    fn ms_bounds(&self, ms: u64) -> std::result::Result<(), String> {
        match (self.at_least_ms, self.at_most_ms) {
            (Some(l), _) if ms < l => Err(format!("{ms} ms, less than {l} ms")),
            (_, Some(m)) if ms > m => Err(format!("{ms} ms, more than {m} ms")),
            _ => Ok(()),
        }
    }
}
