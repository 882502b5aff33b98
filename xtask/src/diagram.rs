//! Diagrams drawn when the book is built.
//!
//! mdbook-mermaid turns each ```` ```mermaid ```` block into `<pre class="mermaid">` with its
//! source (that is all plain `mdbook serve` gets, and mermaid.js draws it in the browser).
//! `cargo xtask build` then draws each one here, with merman, into an SVG inlined in the
//! page, so that no page loads mermaid.js:
//!
//! - **Text widths from the site's own fonts.** merman's built-in estimate is tuned for
//!   mermaid's default font; with Open Sans, Vazirmatn and Noto Sans Thai the labels came out
//!   wider than their boxes in most diagrams. [`SiteFonts`] decodes the theme's WOFF2 files and
//!   shapes each label as the browser will, face by face along the page's font list.
//! - **mermaid 11's look** (`look: classic`, dagre layout), which mermaid.js 11 drew before.
//! - **One SVG for the five themes**: its colours are mdBook's CSS variables ([`THEME_CSS`]).
//! - **At its own size** (the CSS lets a wide one scroll sideways), **coordinates to 0.1 px**
//!   (merman writes full `f64`s: up to 550 KB for one diagram), and **Persian labels right to
//!   left**.
//!
//! A diagram merman cannot draw stays `<pre class="mermaid">`: `theme/mermaid-loader.js`
//! draws it in the browser, the build names it, and the book check fails on it.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use merman::svg::{
    DeterministicTextMeasurer, MeasurementProfileId, SvgOutputPolicy, SvgRenderOptions,
    TextMeasurementPolicy, TextMeasurementProfile, TextMeasurementProfileIdentity,
};
use merman::{
    MermaidConfig, OperationControl, RenderOutput, RenderRequest, Renderer, SvgEnvironment,
    SvgRequest,
};

use book_model::lang::Lang;

use crate::fonts::SiteFonts;

/// What mdbook-mermaid writes for a diagram, up to its source.
const SOURCE_START: &str = "<pre class=\"mermaid\">";
/// What a diagram drawn here becomes. `data-processed` is mermaid.js's own mark of a drawn
/// diagram; `drawn` tells the loader and the CSS it was drawn at build time.
const DRAWN_START: &str = "<pre class=\"mermaid drawn\" data-processed=\"true\">";

/// The labels' line height. merman sizes labels for mermaid's 1.5; the page gives
/// paragraphs 1.8 in Persian and Thai (theme/book.css), and a label is a `<p>`.
const LABEL_CSS: &str = "p { line-height: 1.5 !important; }\n";

/// The diagrams' colours: mdBook's CSS variables, which every theme defines. merman appends
/// this after its own theme CSS, scoped to the diagram, so it wins; a theme switch needs no
/// redraw.
const THEME_CSS: &str = r#"
.node rect, .node circle:not(.state-start):not(.state-end), .node ellipse, .node polygon, .node path,
rect.actor, .actor, .labelBox, g.stateGroup rect, .statediagram-cluster rect { fill: var(--quote-bg) !important; stroke: var(--fg) !important; }
.cluster rect { fill: var(--bg) !important; stroke: var(--fg) !important; stroke-dasharray: 4 3; }
.note, rect.note, .statediagram-note rect, .state-note { fill: var(--bg) !important; stroke: var(--fg) !important; stroke-dasharray: 3 2; }
.activation0, .activation1, .activation2 { fill: var(--quote-bg) !important; stroke: var(--fg) !important; }
text, tspan, text.actor > tspan, .messageText, .noteText, .labelText, .loopText, g.stateGroup text, .stateLabel text, .cluster text, .label text { fill: var(--fg) !important; stroke: none !important; }
span, p, div, .nodeLabel, .edgeLabel, .cluster-label span, .label { color: var(--fg) !important; }
.edgeLabel, .edgeLabel p, .labelBkg { background-color: var(--bg) !important; }
.edgeLabel rect { fill: var(--bg) !important; opacity: 1 !important; }
.flowchart-link, .edgePaths .path, .transition, .messageLine0, .messageLine1, .actor-line, .loopLine, g.stateGroup line { stroke: var(--fg) !important; }
.marker, .marker path, .arrowheadPath, marker path, [id$="-arrowhead"] path, [id$="-crosshead"] path, [id$="-barbEnd"], .node circle.state-start, .node .fork-join { fill: var(--fg) !important; stroke: var(--fg) !important; }
.node circle.state-end { fill: var(--fg) !important; stroke: var(--bg) !important; }
.end-state-inner { fill: var(--bg) !important; }
"#;

/// A diagram that could not be drawn at build time.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Which diagram of its page (1-based).
    pub index: usize,
    /// The first line of its source (`flowchart LR`, ...).
    pub kind: String,
    /// What merman said.
    pub error: String,
}

/// Draws one language's diagrams; each source is drawn once for the chapter page and the
/// print page.
pub struct Diagrams {
    theme: std::path::PathBuf,
    lang: Lang,
    /// Made on the first diagram: a book without one needs no fonts.
    drawer: Option<Drawer>,
    drawn: HashMap<(String, String), Result<String, String>>,
}

/// merman, set up for one language.
struct Drawer {
    renderer: Renderer,
    fonts: Arc<SiteFonts>,
}

impl Diagrams {
    /// The diagrams of `lang`'s book, drawn with the theme's fonts (`theme/fonts/fonts.css`
    /// and the `@font-face` rules of `theme/book.css`) and the language's font list from
    /// `book.css`.
    pub fn new(root: &Path, lang: &Lang) -> Diagrams {
        Diagrams {
            theme: root.join("theme"),
            lang: *lang,
            drawer: None,
            drawn: HashMap::new(),
        }
    }

    fn drawer(&mut self) -> Result<&Drawer> {
        if self.drawer.is_none() {
            let fonts = SiteFonts::shared(&self.theme)?;
            let config = serde_json::json!({
                "theme": "default",
                "fontFamily": crate::fonts::page_font(&self.theme, self.lang.code)?,
                // mermaid 11's look and layout (merman follows mermaid 12 otherwise: neo
                // look, ELK requested, labels wrapped at 120 px).
                "look": "classic",
                "layout": "dagre",
                "flowchart": { "useMaxWidth": false, "wrappingWidth": 200, "minNodeWidth": 0 },
                "sequence": { "useMaxWidth": false },
                // Thai has no spaces for merman to wrap at: a state label stays on one line.
                "state": { "useMaxWidth": false, "wrappingWidth": 400, "minNodeWidth": 0 },
            });
            let renderer = Renderer::new().with_engine(
                merman::Engine::new().with_site_config(MermaidConfig::from_value(config)),
            );
            self.drawer = Some(Drawer { renderer, fonts });
        }
        Ok(self.drawer.as_ref().expect("just made"))
    }

    /// Replaces each `<pre class="mermaid">` of `page` with its diagram drawn as SVG; returns
    /// how many were drawn and the ones merman could not draw (they stay for mermaid.js).
    /// Fails only when the fonts to draw them with cannot be read.
    pub fn inline(&mut self, page: &mut String) -> Result<(usize, Vec<Failure>)> {
        let mut out = String::with_capacity(page.len());
        let mut rest = page.as_str();
        let mut ids = HashSet::new();
        let (mut drawn, mut failures, mut index) = (0, Vec::new(), 0);
        while let Some(at) = rest.find(SOURCE_START) {
            let body = at + SOURCE_START.len();
            let Some(len) = rest[body..].find("</pre>") else {
                break;
            };
            index += 1;
            let source = unescape(&rest[body..body + len]);
            // Unique in the page (markers and CSS are scoped by it), the same on the
            // chapter page and the print page.
            let mut id = format!("diagram-{:08x}", fnv1a(&source));
            let mut n = 1;
            while !ids.insert(id.clone()) {
                n += 1;
                id = format!("diagram-{:08x}-{n}", fnv1a(&source));
            }
            out.push_str(&rest[..at]);
            match self.draw(&source, &id)? {
                Ok(svg) => {
                    out.push_str(DRAWN_START);
                    // No text beside the SVG: a `<pre>` would show its newline as a line.
                    out.push_str(svg.trim());
                    out.push_str("</pre>");
                    drawn += 1;
                }
                Err(error) => {
                    out.push_str(&rest[at..body + len + "</pre>".len()]);
                    failures.push(Failure {
                        index,
                        kind: source.lines().next().unwrap_or_default().trim().to_owned(),
                        error,
                    });
                }
            }
            rest = &rest[body + len + "</pre>".len()..];
        }
        out.push_str(rest);
        *page = out;
        Ok((drawn, failures))
    }

    fn draw(&mut self, source: &str, id: &str) -> Result<Result<String, String>> {
        let key = (source.to_owned(), id.to_owned());
        if let Some(done) = self.drawn.get(&key) {
            return Ok(done.clone());
        }
        let rtl = self.lang.rtl;
        let svg = self.drawer()?.render(source, id, rtl);
        self.drawn.insert(key, svg.clone());
        Ok(svg)
    }
}

impl Drawer {
    fn render(&self, source: &str, id: &str, rtl: bool) -> Result<String, String> {
        let fonts = Arc::clone(&self.fonts);
        let measurer =
            DeterministicTextMeasurer::default().with_width_callback(move |text, style| {
                let weight = match style.font_weight.as_deref() {
                    Some("bold" | "bolder") => 700,
                    Some(w) => w.parse().unwrap_or(400),
                    None => 400,
                };
                let family = style.font_family.as_deref().unwrap_or("\"Open Sans\"");
                fonts.width(text, family, weight, style.font_size.max(1.0))
            });
        let identity = TextMeasurementProfileIdentity::new(
            MeasurementProfileId::new("site.web-fonts").map_err(|e| e.to_string())?,
            "1",
        )
        .map_err(|e| e.to_string())?;
        let request = SvgRequest {
            environment: SvgEnvironment::deterministic().with_text_measurement_policy(
                TextMeasurementPolicy::uniform(TextMeasurementProfile::new(identity, measurer)),
            ),
            options: SvgRenderOptions {
                diagram_id: Some(merman::svg::sanitize_svg_id(id)),
                ..Default::default()
            },
            pipeline: Some(
                SvgOutputPolicy {
                    scoped_css: Some(format!("{LABEL_CSS}{THEME_CSS}")),
                    ..Default::default()
                }
                .pipeline(),
            ),
            ..Default::default()
        };
        let output = self
            .renderer
            .render(RenderRequest::svg(source, OperationControl::new(), request))
            .map_err(|e| e.to_string())?;
        let RenderOutput::Svg(Some(svg)) = output else {
            return Err("merman found no diagram in it".to_owned());
        };
        let svg = round_coordinates(&natural_size(svg.svg()));
        Ok(if rtl { rtl_labels(&svg) } else { svg })
    }
}

/// The source as mdbook-mermaid escaped it into the page.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A short, stable name for a diagram's source.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// merman 0.9 honours `useMaxWidth: false` for flowcharts only: sequence and state diagrams
/// keep `width="100%"` and a `max-width`. They get their own size from the viewBox.
fn natural_size(svg: &str) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_owned();
    };
    let tag = &svg[..end];
    let view_box: Vec<&str> = attribute(tag, "viewBox")
        .map(|v| v.split_whitespace().collect())
        .unwrap_or_default();
    if !tag.contains("width=\"100%\"") || view_box.len() != 4 {
        return svg.to_owned();
    }
    let size = format!("width=\"{}\" height=\"{}\"", view_box[2], view_box[3]);
    let mut tag = tag.replacen("width=\"100%\"", &size, 1);
    if let Some(at) = tag.find(" style=\"max-width:") {
        let end = tag[at + 8..]
            .find('"')
            .map_or(tag.len(), |e| at + 8 + e + 1);
        tag.replace_range(at..end, "");
    }
    format!("{tag}{}", &svg[end..])
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// Every number with more than one decimal in an attribute (coordinates, sizes, paths) to
/// one decimal: a tenth of a pixel is below what a screen shows. Names (`id`, `class`,
/// `href`, `data-*`, `aria-*`, and ids in `url(#…)`), text and CSS are left alone; `width`
/// and `height` are rounded up, so that a label's box never gets narrower than its text.
fn round_coordinates(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() / 2);
    let mut rest = svg;
    // Outside tags: copied. Inside one: each `name="value"`, the value's numbers rounded.
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let mut tag = &rest[open..close];
        while let Some(eq) = tag.find("=\"") {
            let name_start = tag[..eq]
                .rfind(|c: char| c.is_ascii_whitespace())
                .map_or(0, |s| s + 1);
            let name = &tag[name_start..eq];
            let value_start = eq + 2;
            let value_end = tag[value_start..]
                .find('"')
                .map_or(tag.len(), |e| value_start + e);
            out.push_str(&tag[..value_start]);
            let value = &tag[value_start..value_end];
            let kept = matches!(name, "id" | "class" | "href" | "xlink:href")
                || name.starts_with("data-")
                || name.starts_with("aria-");
            if kept {
                out.push_str(value);
            } else {
                round_value(value, matches!(name, "width" | "height"), &mut out);
            }
            tag = &tag[value_end..];
        }
        out.push_str(tag);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// The numbers of one attribute value, read as SVG reads them (`.202.3` is 0.202 and 0.3),
/// rounded to one decimal (`up`: towards +∞).
fn round_value(value: &str, up: bool, out: &mut String) {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // An id in `url(#…)` may look like a number ("diagram-8334e855").
        if value[i..].starts_with("url(") {
            let end = value[i..].find(')').map_or(value.len(), |e| i + e + 1);
            out.push_str(&value[i..end]);
            i = end;
            continue;
        }
        // A colour (#2e8b57) is no number.
        if bytes[i] == b'#' {
            let end = value[i + 1..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(value.len(), |e| i + 1 + e);
            out.push_str(&value[i..end]);
            i = end;
            continue;
        }
        let starts = bytes[i].is_ascii_digit()
            || (bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
            || (bytes[i] == b'-'
                && bytes
                    .get(i + 1)
                    .is_some_and(|&b| b.is_ascii_digit() || b == b'.'));
        if !starts {
            let c = value[i..].chars().next().expect("in bounds");
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let start = i;
        i += usize::from(bytes[i] == b'-');
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let mut decimals = 0;
        if i < bytes.len() && bytes[i] == b'.' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
                decimals += 1;
            }
        }
        let mut exponent = false;
        if i < bytes.len() && matches!(bytes[i], b'e' | b'E') {
            let mut e = i + 1;
            if e < bytes.len() && matches!(bytes[e], b'-' | b'+') {
                e += 1;
            }
            if e < bytes.len() && bytes[e].is_ascii_digit() {
                while e < bytes.len() && bytes[e].is_ascii_digit() {
                    e += 1;
                }
                i = e;
                exponent = true;
            }
        }
        let number = &value[start..i];
        let text = if decimals > 1 || exponent {
            let x: f64 = number.parse().unwrap_or_default();
            let x = if up { (x * 10.0).ceil() / 10.0 } else { x };
            let short = format!("{x:.1}");
            let short = short.strip_suffix(".0").unwrap_or(&short);
            if short == "-0" {
                "0".to_owned()
            } else {
                short.to_owned()
            }
        } else {
            number.to_owned()
        };
        // Numbers written together stay two: "0.96.5" must not become "1.5".
        if out.ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && text.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        {
            out.push(' ');
        }
        out.push_str(&text);
    }
}

fn has_persian(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x0600..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF))
}

/// A label with Persian in it reads right to left ("worker اول": "worker" on the right); a
/// label of code or Latin only stays left to right.
fn rtl_labels(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 256);
    let mut rest = svg;
    loop {
        let (at, open, close, rtl) = match (rest.find("<p>"), rest.find("<text ")) {
            (Some(p), Some(t)) if t < p => (t, "<text ", "</text>", "<text direction=\"rtl\" "),
            (Some(p), _) => (p, "<p>", "</p>", "<p dir=\"rtl\">"),
            (None, Some(t)) => (t, "<text ", "</text>", "<text direction=\"rtl\" "),
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        let end = rest[at..].find(close).map_or(rest.len(), |e| at + e);
        out.push_str(if has_persian(&rest[at..end]) {
            rtl
        } else {
            open
        });
        rest = &rest[at + open.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_rounded_in_tags_only() {
        let svg = r#"<path d="M12.3456,-0.04L7.25e-7,3.5"/><p>pi is 3.14159</p><g transform="translate(100.06, 2)"><foreignObject width="219.74" height="24">"#;
        assert_eq!(
            round_coordinates(svg),
            r#"<path d="M12.3,0L0,3.5"/><p>pi is 3.14159</p><g transform="translate(100.1, 2)"><foreignObject width="219.8" height="24">"#
        );
    }

    #[test]
    fn numbers_written_together_stay_apart() {
        // Path data may write numbers with no separator: ".202.319" is 0.202 and 0.319.
        let svg = r#"<path d="M12.5c.202.319-.045.5L0.96.5">"#;
        assert_eq!(
            round_coordinates(svg),
            r#"<path d="M12.5c0.2 0.3 0 .5L1 .5">"#
        );
    }

    #[test]
    fn names_with_digits_are_kept() {
        let svg = r##"<g id="flowchart-A1-0.125" class="x2.55" data-x="1.25"><line marker-end="url(#diagram-8334e855-arrowhead)" fill="#2e8b57">"##;
        assert_eq!(round_coordinates(svg), svg);
    }

    #[test]
    fn persian_labels_read_right_to_left() {
        let svg = "<p>worker اول</p><p>f()</p><text x=\"1\">قفل B</text>";
        assert_eq!(
            rtl_labels(svg),
            "<p dir=\"rtl\">worker اول</p><p>f()</p><text direction=\"rtl\" x=\"1\">قفل B</text>"
        );
    }
}
