//! The site's web fonts: the `@font-face` rules of `theme/fonts/fonts.css` (Open Sans and
//! Source Code Pro, per script) and `theme/book.css` (Vazirmatn, Noto Sans Thai).
//!
//! The build reads them twice: to measure the diagrams' labels as the browser will draw them
//! ([`SiteFonts`]), and to preload, on each page, the faces its first paint needs
//! ([`preloads`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

/// One `@font-face` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceRule {
    pub family: String,
    pub weight: u16,
    pub italic: bool,
    /// Its `unicode-range`; all of Unicode when it has none.
    pub ranges: Vec<(u32, u32)>,
    /// The file under `theme/fonts/`, as the CSS names it (mdBook adds a hash when it
    /// copies it).
    pub file: String,
}

impl FaceRule {
    fn covers(&self, c: char) -> bool {
        let c = c as u32;
        self.ranges.iter().any(|&(a, b)| (a..=b).contains(&c))
    }
}

/// The `@font-face` rules of the theme, in the order the CSS gives them.
pub fn face_rules(theme: &Path) -> Result<Vec<FaceRule>> {
    let mut faces = Vec::new();
    for css in ["fonts/fonts.css", "book.css"] {
        let path = theme.join(css);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        for block in text.split("@font-face").skip(1) {
            // The rule ends at a `}` of its own line (`src` holds mdBook's `{{ … }}`).
            let body = &block[..block.find("\n}").unwrap_or(block.len())];
            let get = |key: &str| {
                let start = body.find(key)? + key.len();
                let end = body[start..].find(';').map_or(body.len(), |e| start + e);
                Some(body[start..end].trim())
            };
            let (Some(family), Some(src)) = (get("font-family:"), get("src:")) else {
                continue;
            };
            let Some(file) = src
                .split("fonts/")
                .nth(1)
                .and_then(|s| s.split(['"', '\'', ')']).next())
            else {
                bail!("{}: no font file in `src: {src}`", path.display());
            };
            faces.push(FaceRule {
                family: family.trim_matches(['"', '\'']).to_owned(),
                weight: get("font-weight:")
                    .and_then(|w| w.parse().ok())
                    .unwrap_or(400),
                italic: get("font-style:") == Some("italic"),
                ranges: get("unicode-range:").map_or(vec![(0, 0x10_FFFF)], unicode_ranges),
                file: file.to_owned(),
            });
        }
    }
    if faces.is_empty() {
        bail!("{} declares no fonts", theme.display());
    }
    Ok(faces)
}

/// The face the browser takes for `c` in the CSS font list `families`: the first family
/// with an upright face whose `unicode-range` has it, of the nearest weight.
fn face_for(faces: &[FaceRule], families: &[&str], weight: u16, c: char) -> Option<usize> {
    face_for_style(faces, families, weight, false, c)
}

/// [`face_for`] for italic text too: a family's italic face when it has one for `c`, else
/// its upright one (which the browser slants).
fn face_for_style(
    faces: &[FaceRule],
    families: &[&str],
    weight: u16,
    italic: bool,
    c: char,
) -> Option<usize> {
    families.iter().find_map(|family| {
        let nearest = |italic: bool| {
            faces
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.italic == italic && f.family.eq_ignore_ascii_case(family) && f.covers(c)
                })
                .min_by_key(|(_, f)| (i32::from(f.weight) - i32::from(weight)).abs())
                .map(|(i, _)| i)
        };
        if italic {
            nearest(true).or_else(|| nearest(false))
        } else {
            nearest(false)
        }
    })
}

fn families(font_family: &str) -> Vec<&str> {
    font_family
        .split(',')
        .map(|f| f.trim().trim_matches(['"', '\'']))
        .collect()
}

/// The font list the page gives its text in `lang`: the `html[lang="…"]` rule of
/// `theme/book.css`, or mdBook's own.
pub fn page_font(theme: &Path, lang: &str) -> Result<String> {
    let path = theme.join("book.css");
    let css = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let rule = format!("html[lang=\"{lang}\"] {{");
    Ok(css
        .find(&rule)
        .and_then(|at| {
            let block = &css[at..];
            let block = &block[..block.find('}')?];
            let start = block.find("font-family:")? + "font-family:".len();
            Some(
                block[start..start + block[start..].find(';')?]
                    .trim()
                    .to_owned(),
            )
        })
        .unwrap_or_else(|| "\"Open Sans\", sans-serif".to_owned()))
}

/// How many characters of a chapter's text its first screen shows, at most (a phone shows
/// about 600). A face used only further down is fetched when it is needed, as the CSS
/// says; preloading it too would slow the first screen down.
const FIRST_SCREEN: usize = 1500;

/// Which font files a page draws its first screen with, so that it can preload them: the
/// text is drawn once, in its fonts, instead of in a fallback that each web font then
/// replaces, moving the lines (layout shift).
pub struct Preloads {
    faces: Vec<FaceRule>,
    text: Vec<String>,
    mono: Vec<String>,
    /// The book's title: the menu bar's text, and the script of the sidebar (filled by
    /// `toc.js`, so not in the page), which is also drawn bold.
    title: String,
}

impl Preloads {
    /// For `lang`'s pages: the page's font list from `book.css`, and Source Code Pro
    /// (mdBook's code font, weight 500) before it for code.
    pub fn new(theme: &Path, lang: &str, title: &str) -> Result<Preloads> {
        let text: Vec<String> = families(&page_font(theme, lang)?)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mono = std::iter::once("Source Code Pro".to_owned())
            .chain(text.iter().cloned())
            .collect();
        Ok(Preloads {
            faces: face_rules(theme)?,
            text,
            mono,
            title: title.to_owned(),
        })
    }

    /// The files (as the CSS names them, in its order) of the faces that draw `page`'s text
    /// (its body without scripts and styles, and of `<main>` the first [`FIRST_SCREEN`]
    /// characters), with `<em>`/`<i>` italic, `<strong>`/`<b>`/headings
    /// bold, `<code>`/`<pre>`/`<kbd>` in the code font); and the title, regular and bold.
    pub fn for_page(&self, page: &str) -> Vec<String> {
        let body = page.find("<body").map_or(page, |at| &page[at..]);
        let (mut italic, mut bold, mut mono, mut skip) = (0i32, 0i32, 0i32, false);
        let mut used: Vec<usize> = Vec::new();
        let mut add = |families: &[String], weight: u16, italic: bool, c: char| {
            let families: Vec<&str> = families.iter().map(String::as_str).collect();
            if let Some(i) = face_for_style(&self.faces, &families, weight, italic, c)
                && !used.contains(&i)
            {
                used.push(i);
            }
        };
        for c in self.title.chars().filter(|c| c.is_alphanumeric()) {
            add(&self.text, 400, false, c);
            add(&self.text, 700, false, c);
        }
        let mut rest = body;
        let mut in_main = false;
        let mut left = FIRST_SCREEN;
        while let Some(open) = rest.find('<') {
            if !skip {
                for c in html_text(&rest[..open]) {
                    if in_main {
                        if left == 0 {
                            break;
                        }
                        left -= 1;
                    }
                    if mono > 0 {
                        add(&self.mono, 500, false, c);
                    } else {
                        add(&self.text, if bold > 0 { 700 } else { 400 }, italic > 0, c);
                    }
                }
            }
            let close = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
            let tag = &rest[open + 1..close.saturating_sub(1)];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            let step = if closing { -1 } else { 1 };
            match name.as_str() {
                "main" => in_main = !closing,
                "script" | "style" | "noscript" => skip = !closing,
                "em" | "i" => italic += step,
                "strong" | "b" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => bold += step,
                "code" | "pre" | "kbd" | "samp" => mono += step,
                _ => {}
            }
            rest = &rest[close..];
        }
        used.sort_unstable();
        used.into_iter()
            .map(|i| self.faces[i].file.clone())
            .collect()
    }
}

/// The characters of a piece of HTML text, entities read as characters.
fn html_text(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let c = rest.chars().next()?;
            if c == '&'
                && let Some(end) = rest.find(';').filter(|&e| e < 10)
            {
                let entity = &rest[1..end];
                rest = &rest[end + 1..];
                let decoded = match entity {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "nbsp" => Some('\u{a0}'),
                    _ => entity
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                if let Some(c) = decoded.filter(|c| !c.is_whitespace()) {
                    return Some(c);
                }
                continue;
            }
            rest = &rest[c.len_utf8()..];
            if !c.is_whitespace() {
                return Some(c);
            }
        }
    })
}

/// One face, decoded, to shape text with.
struct Face {
    data: Vec<u8>,
    units_per_em: f64,
}

/// The site's web fonts, decoded from WOFF2, to measure text as the browser will draw it.
pub struct SiteFonts {
    faces: Vec<Face>,
    rules: Vec<FaceRule>,
    /// Width in em of (font list, weight, text).
    widths: Mutex<HashMap<(String, u16, String), f64>>,
}

impl SiteFonts {
    /// The fonts of `theme`, decoded once for the process (the four books share them).
    pub fn shared(theme: &Path) -> Result<std::sync::Arc<SiteFonts>> {
        static LOADED: Mutex<Vec<(std::path::PathBuf, std::sync::Arc<SiteFonts>)>> =
            Mutex::new(Vec::new());
        let mut loaded = LOADED.lock().expect("not poisoned");
        if let Some((_, fonts)) = loaded.iter().find(|(path, _)| path == theme) {
            return Ok(std::sync::Arc::clone(fonts));
        }
        let fonts = std::sync::Arc::new(SiteFonts::load(theme)?);
        loaded.push((theme.to_path_buf(), std::sync::Arc::clone(&fonts)));
        Ok(fonts)
    }

    /// Every face of [`face_rules`], decoded.
    pub fn load(theme: &Path) -> Result<SiteFonts> {
        let rules = face_rules(theme)?;
        let mut faces = Vec::new();
        for rule in &rules {
            let font = theme.join("fonts").join(&rule.file);
            let woff2 =
                std::fs::read(&font).with_context(|| format!("cannot read {}", font.display()))?;
            let data = wuff::decompress_woff2(&woff2)
                .map_err(|e| anyhow::anyhow!("cannot decode {}: {e:?}", font.display()))?;
            let units_per_em = rustybuzz::Face::from_slice(&data, 0)
                .with_context(|| format!("{} is not a font", font.display()))?
                .units_per_em()
                .into();
            faces.push(Face { data, units_per_em });
        }
        Ok(SiteFonts {
            faces,
            rules,
            widths: Mutex::new(HashMap::new()),
        })
    }

    /// The width in px of `text` at `size` px in the CSS font list `font_family`.
    pub fn width(&self, text: &str, font_family: &str, weight: u16, size: f64) -> f64 {
        let key = (font_family.to_owned(), weight, text.to_owned());
        if let Some(em) = self.widths.lock().expect("not poisoned").get(&key) {
            return em * size;
        }
        let families = families(font_family);
        // Runs of one face; a mark or joiner stays with the run before it.
        let mut runs: Vec<(Option<usize>, String)> = Vec::new();
        for c in text.chars() {
            let face = face_for(&self.rules, &families, weight, c);
            let joins = matches!(c as u32, 0x200C..=0x200D | 0x0300..=0x036F);
            match runs.last_mut() {
                Some((last, run)) if *last == face || joins => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        let em: f64 = runs
            .iter()
            .map(|(face, run)| match face {
                Some(i) => {
                    let face = &self.faces[*i];
                    let Some(shaper) = rustybuzz::Face::from_slice(&face.data, 0) else {
                        return 0.6 * run.chars().count() as f64;
                    };
                    let mut buffer = rustybuzz::UnicodeBuffer::new();
                    buffer.push_str(run);
                    let shaped = rustybuzz::shape(&shaper, &[], buffer);
                    let advance: i64 = shaped
                        .glyph_positions()
                        .iter()
                        .map(|g| i64::from(g.x_advance))
                        .sum();
                    advance as f64 / face.units_per_em
                }
                // No site font has it: the browser's own fallback, roughly.
                None => 0.6 * run.chars().count() as f64,
            })
            .sum();
        self.widths.lock().expect("not poisoned").insert(key, em);
        em * size
    }

    /// The faces, for tests.
    pub fn rules(&self) -> &[FaceRule] {
        &self.rules
    }
}

fn unicode_ranges(css: &str) -> Vec<(u32, u32)> {
    css.split(',')
        .filter_map(|range| {
            let range = range
                .trim()
                .trim_start_matches(['U', 'u'])
                .trim_start_matches('+');
            let (a, b) = range.split_once('-').unwrap_or((range, range));
            Some((
                u32::from_str_radix(a.trim(), 16).ok()?,
                u32::from_str_radix(b.trim(), 16).ok()?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> std::path::PathBuf {
        crate::site::repo_root().join("theme")
    }

    #[test]
    fn text_is_measured_with_the_face_the_browser_takes() {
        let fonts = SiteFonts::load(&theme()).expect("fonts");
        // Each face has its script's range, not all of Unicode.
        assert!(fonts.rules().iter().all(|f| f.ranges != [(0, 0x10_FFFF)]));
        // Open Sans's Latin letters, not a Cyrillic face's missing glyphs: measured in
        // Chromium, "Closed" is 50.1 px at 16 px.
        let closed = fonts.width("Closed", "\"Open Sans\", sans-serif", 400, 16.0);
        assert!((closed - 50.1).abs() < 0.5, "{closed}");
    }

    /// The glyphs `text` is drawn with in the font `woff2`, by HarfBuzz's rules (rustybuzz),
    /// and how far they advance in all.
    fn shaped(woff2: &[u8], text: &str) -> (Vec<u32>, i32) {
        let font = wuff::decompress_woff2(woff2).expect("decodes");
        let face = rustybuzz::Face::from_slice(&font, 0).expect("a font");
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let glyphs = rustybuzz::shape(&face, &[], buffer);
        let advance = glyphs.glyph_positions().iter().map(|g| g.x_advance).sum();
        (
            glyphs.glyph_infos().iter().map(|g| g.glyph_id).collect(),
            advance,
        )
    }

    #[test]
    fn a_cut_font_still_draws_its_text_shaped() {
        // Thai SARA AM is drawn as two other characters; Persian letters take their joined
        // forms, and the ZWNJ breaks the join. Glyph 0 is the "missing glyph" box.
        for (file, text) in [
            (
                "noto-sans-thai-thai-400-normal.woff2",
                "ทำงาน น้ำ ชื่อ ปฏิบัติการ",
            ),
            ("vazirmatn-arabic-400-normal.woff2", "می‌کنه داده‌ها همزمانی"),
        ] {
            let whole = std::fs::read(theme().join("fonts").join(file)).expect("font");
            let cut = cut_for_page(&whole, text).expect("cut");
            assert!(
                cut.len() < whole.len() / 2,
                "{file}: {} of {} bytes",
                cut.len(),
                whole.len()
            );
            // Word by word: a space is drawn with Open Sans (the face's range has none). The
            // same forms advance as far (glyph numbers change: the cut font renumbers them).
            for word in text.split(' ') {
                let ((_, before), (glyphs, after)) = (shaped(&whole, word), shaped(&cut, word));
                assert!(
                    !glyphs.contains(&0),
                    "{file}: {word}: a missing glyph in {glyphs:?}"
                );
                assert_eq!(
                    before, after,
                    "{file}: {word}: drawn {after} wide, not {before}"
                );
            }
        }
    }

    #[test]
    fn a_page_preloads_the_faces_its_text_is_drawn_with() {
        let preloads = |lang: &str, title: &str, page: &str| {
            Preloads::new(&theme(), lang, title)
                .expect("faces")
                .for_page(page)
        };
        // The title, regular and bold (menu bar, sidebar).
        assert_eq!(
            preloads("en", "Go", "<body></body>"),
            [
                "open-sans-latin-400-normal.woff2",
                "open-sans-latin-700-normal.woff2"
            ]
        );
        // Italic, code, and Cyrillic where the text has them; nothing from scripts.
        assert_eq!(
            preloads(
                "ru",
                "Go",
                "<body><p>Это <em>очень</em> <code>x</code></p><script>let s = 'é';</script></body>"
            ),
            [
                "open-sans-cyrillic-400-normal.woff2",
                "open-sans-latin-400-normal.woff2",
                "open-sans-latin-700-normal.woff2",
                "open-sans-cyrillic-400-italic.woff2",
                "source-code-pro-latin-500-normal.woff2",
            ]
        );
        // Persian in Vazirmatn (which has no italic), its Latin words in Open Sans.
        assert_eq!(
            preloads("fa", "الگو", "<body><p><em>کار</em> &amp; x</p></body>"),
            [
                "open-sans-latin-400-normal.woff2",
                "vazirmatn-arabic-400-normal.woff2",
                "vazirmatn-arabic-700-normal.woff2",
            ]
        );
    }
}

/// What [`subset_book`] did to one book's fonts.
#[derive(Debug, Clone, Default)]
pub struct Subsetted {
    /// Faces cut to the book's characters.
    pub faces: usize,
    /// Their bytes before and after.
    pub before: usize,
    pub after: usize,
}

/// Families that may not be changed under their own name: Source Code Pro's licence (SIL OFL
/// 1.1) reserves the name "Source", so its files are served as they come.
const KEEP_WHOLE: &[&str] = &["Source Code Pro"];

/// Cuts each web font of a built book down to the characters the book shows (the text of its
/// pages and of its scripts), keeping the layout tables that join Persian letters and stack
/// Thai marks; each cut file gets a new name (its content hash), and the book's stylesheets
/// and pages are pointed at it. A face none of whose characters the book shows is left as
/// it is (the browser never fetches it). Every character of a face's range that the book
/// shows and the whole font has is checked to be in the cut one.
pub fn subset_book(book: &Path, theme: &Path) -> Result<Subsetted> {
    let rules = face_rules(theme)?;
    let fonts = book.join("fonts");
    let mut texts = Vec::new();
    let mut shown = std::collections::BTreeSet::new();
    for file in crate::site::files(book)? {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let searched = file.components().any(|c| c.as_os_str() == "pagefind");
        if matches!(ext, "html" | "css") || (ext == "js" && !searched && !name.contains(".min.")) {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            if ext != "css" {
                shown.extend(text.chars());
                shown.extend(html_text(&text));
            }
            texts.push((file, text));
        }
    }
    add_shaping_characters(&mut shown);

    let copied = copied_fonts(&fonts)?;
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut done = Subsetted::default();
    for rule in rules
        .iter()
        .filter(|r| !KEEP_WHOLE.contains(&r.family.as_str()))
    {
        let Some(copy) = copied.get(&rule.file) else {
            bail!(
                "mdBook did not copy theme/fonts/{} into the book",
                rule.file
            );
        };
        let chars: Vec<char> = shown.iter().copied().filter(|&c| rule.covers(c)).collect();
        if chars.is_empty() {
            continue;
        }
        let path = book.join(copy);
        let woff2 =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let cut = subset_woff2(&woff2, &chars)
            .with_context(|| format!("cannot cut {} to the book's characters", rule.file))?;
        let hash = cut.iter().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
        });
        let name = format!(
            "fonts/{}-{hash:08x}.woff2",
            rule.file.trim_end_matches(".woff2")
        );
        std::fs::write(book.join(&name), &cut)
            .with_context(|| format!("cannot write {}", book.join(&name).display()))?;
        std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        done.faces += 1;
        done.before += woff2.len();
        done.after += cut.len();
        renamed.push((
            copy.trim_start_matches("fonts/").to_owned(),
            name.trim_start_matches("fonts/").to_owned(),
        ));
    }
    for (file, mut text) in texts {
        let mut changed = false;
        for (from, to) in &renamed {
            if text.contains(from.as_str()) {
                text = text.replace(from.as_str(), to);
                changed = true;
            }
        }
        if changed {
            std::fs::write(&file, text)
                .with_context(|| format!("cannot write {}", file.display()))?;
        }
    }
    Ok(done)
}

/// A font file cut to the characters of one page (the landing page, which has its own).
pub fn cut_for_page(woff2: &[u8], page: &str) -> Result<Vec<u8>> {
    let mut shown: std::collections::BTreeSet<char> = html_text(page).collect();
    add_shaping_characters(&mut shown);
    subset_woff2(woff2, &shown.into_iter().collect::<Vec<_>>())
}

/// HarfBuzz draws Thai SARA AM (ำ) as NIKHAHIT and SARA AA, and a broken cluster on a
/// dotted circle: a cut font must keep those too, though the text never has them.
fn add_shaping_characters(shown: &mut std::collections::BTreeSet<char>) {
    if shown.contains(&'\u{0E33}') {
        shown.extend(['\u{0E4D}', '\u{0E32}']);
    }
    shown.insert('\u{25CC}');
}

/// Where mdBook copied each font file: `name.woff2` (as the CSS names it) to
/// `fonts/name-1a2b3c4d.woff2`.
pub fn copied_fonts(fonts: &Path) -> Result<HashMap<String, String>> {
    let mut copied = HashMap::new();
    for entry in
        std::fs::read_dir(fonts).with_context(|| format!("cannot read {}", fonts.display()))?
    {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some((stem, hash)) = name.trim_end_matches(".woff2").rsplit_once('-')
            && name.ends_with(".woff2")
            && hash.len() == 8
            && hash.chars().all(|c| c.is_ascii_hexdigit())
        {
            copied.insert(format!("{stem}.woff2"), format!("fonts/{name}"));
        }
    }
    Ok(copied)
}

/// One WOFF2 font cut to `chars` with its layout features (hb-subset's defaults), written
/// as WOFF2 again; checked to still draw each of `chars` the whole font draws.
fn subset_woff2(woff2: &[u8], chars: &[char]) -> Result<Vec<u8>> {
    use read_fonts::collections::IntSet;
    use skrifa::{FontRef, GlyphId, MetadataProvider, Tag};
    use write_fonts::types::NameId;

    let whole =
        wuff::decompress_woff2(woff2).map_err(|e| anyhow::anyhow!("cannot decode: {e:?}"))?;
    let font = FontRef::new(&whole).map_err(|e| anyhow::anyhow!("not a font: {e}"))?;
    let unicodes: IntSet<u32> = chars.iter().map(|&c| c as u32).collect();
    let features: IntSet<Tag> = skera::DEFAULT_LAYOUT_FEATURES.iter().copied().collect();
    // hb-subset's defaults: names 0 to 6 (copyright, family, ..., PostScript name), in English.
    let names: IntSet<NameId> = (0u16..=6).map(NameId::new).collect();
    let languages: IntSet<u16> = [0x409u16].into_iter().collect();
    let plan = skera::Plan::new(
        &IntSet::<GlyphId>::empty(),
        &unicodes,
        &font,
        skera::SubsetFlags::default(),
        &IntSet::<Tag>::empty(),
        &IntSet::all(),
        &features,
        &names,
        &languages,
    );
    let cut = skera::subset_font(&font, &plan).map_err(|e| anyhow::anyhow!("cannot cut: {e:?}"))?;
    let lost: Vec<String> = {
        let (whole, cut) = (
            font.charmap(),
            FontRef::new(&cut).map_err(|e| anyhow::anyhow!("the cut font is not a font: {e}"))?,
        );
        let cut = cut.charmap();
        chars
            .iter()
            .filter(|&&c| whole.map(c).is_some() && cut.map(c).is_none())
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect()
    };
    if !lost.is_empty() {
        bail!("the cut font lost {}", lost.join(" "));
    }
    ttf2woff2::encode_with_options(
        &cut,
        ttf2woff2::EncodeOptions {
            quality: ttf2woff2::BrotliQuality::from(11),
            transform_glyf_loca: true,
            ..Default::default()
        },
    )
    .map_err(|e| anyhow::anyhow!("cannot write WOFF2: {e:?}"))
}
