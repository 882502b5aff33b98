//! Builds the site: one mdBook per language from the one `book.toml`, and a landing page.

use std::collections::HashMap;
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
    if !lang.ui.description.is_empty() {
        config.book.description = Some(lang.ui.description.to_owned());
    }
    // The 404 page is served at any depth, so it names its files from the book's root.
    config.set(
        "output.html.site-url",
        format!("{}{}/", site_path(), lang.code),
    )?;
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
    /// The diagrams drawn at build time (the print page's not counted again).
    pub diagrams: usize,
    /// The fonts cut to the book's characters.
    pub fonts: crate::fonts::Subsetted,
    /// The diagrams merman could not draw, which mermaid.js draws in the browser: each
    /// named by its page, its number there, its kind and merman's error.
    pub not_drawn: Vec<String>,
}

impl fmt::Display for Built {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:>6.2?}  (search: {} pages, index {} KB; {} diagrams drawn; {} fonts cut from {} to {} KB)",
            self.took,
            self.search.pages,
            self.search.index_bytes.div_ceil(1024),
            self.diagrams,
            self.fonts.faces,
            self.fonts.before.div_ceil(1024),
            self.fonts.after.div_ceil(1024),
        )?;
        for not_drawn in &self.not_drawn {
            write!(
                f,
                "\n  warning: {not_drawn}; mermaid.js draws it in the browser"
            )?;
        }
        Ok(())
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

/// [`build_lang`], with the search index and the fonts cut to the book's characters only
/// when `full` is true (the book check reads the pages, not the index or the fonts); the
/// fonts are not cut for live reload either.
pub fn build_lang_with(
    root: &Path,
    lang: &Lang,
    out_dir: &Path,
    live_reload: bool,
    full: bool,
) -> Result<Built> {
    let started = Instant::now();
    let staging_root = out_dir.join(format!(".staging-{}-{}", std::process::id(), lang.code));
    let result = (|| {
        let book = load(root, lang, &staging_root, live_reload)?;
        book.build()
            .with_context(|| format!("cannot build the {} book (src/{})", lang.name, lang.code))?;
        let (staged, dest) = (staging_root.join(lang.code), out_dir.join(lang.code));
        let (diagrams, not_drawn) = finish_pages(root, &staged, lang)
            .with_context(|| format!("cannot finish the {} book's pages", lang.name))?;
        // `cargo xtask serve` (live reload) keeps the fonts whole: cutting them takes a
        // second or two a book, on every change, for bytes a local reader never waits for.
        let fonts = if full && !live_reload {
            crate::fonts::subset_book(&staged, &root.join("theme"))
                .with_context(|| format!("cannot cut the {} book's fonts", lang.name))?
        } else {
            crate::fonts::Subsetted::default()
        };
        minify_assets(&staged)
            .with_context(|| format!("cannot minify the {} book's scripts", lang.name))?;
        let search = if full {
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
        Ok((search, diagrams, not_drawn, fonts))
    })();
    std::fs::remove_dir_all(&staging_root).ok();
    result.map(|(search, diagrams, not_drawn, fonts)| Built {
        took: started.elapsed(),
        search,
        diagrams,
        not_drawn,
        fonts,
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

/// The site's root pages: the landing page (`theme/index.html`, the language picker) and
/// the `404.html`.
pub fn write_landing(root: &Path, out_dir: &Path) -> Result<()> {
    write_not_found(out_dir)?;
    let page = root.join("theme/index.html");
    if page.is_file() {
        let text = std::fs::read_to_string(&page)
            .with_context(|| format!("cannot read {}", page.display()))?;
        // theme/index.html's own alternates are relative; the site's are absolute when the
        // site URL is known, with the landing page itself as x-default.
        let mut out = String::new();
        let mut placed = false;
        for line in text.lines() {
            if line.starts_with("<link rel=\"alternate\" hreflang=") {
                if !placed {
                    let langs = book_model::lang::LANGUAGES.iter().map(|l| l.code);
                    for code in langs {
                        out += &alternate(code, &site_href("", &format!("{code}/index.html")));
                    }
                    out += &alternate("x-default", &site_href("", "index.html"));
                    placed = true;
                }
                continue;
            }
            out += line;
            out.push('\n');
        }
        landing_fonts(root, out_dir, &out)?;
        std::fs::write(out_dir.join("index.html"), out)
            .with_context(|| format!("cannot write {}", out_dir.display()))?;
    }
    Ok(())
}

/// The landing page's fonts (`url("fonts/<file>")`): theme/fonts/<file> cut to the page's
/// own characters, in `out_dir/fonts/`.
fn landing_fonts(root: &Path, out_dir: &Path, page: &str) -> Result<()> {
    for part in page.split("url(\"fonts/").skip(1) {
        let file = &part[..part.find('"').unwrap_or(part.len())];
        let source = root.join("theme/fonts").join(file);
        let woff2 = std::fs::read(&source)
            .with_context(|| format!("theme/index.html: cannot read {}", source.display()))?;
        let cut = crate::fonts::cut_for_page(&woff2, page)
            .with_context(|| format!("cannot cut {} for the landing page", source.display()))?;
        let fonts = out_dir.join("fonts");
        std::fs::create_dir_all(&fonts)
            .with_context(|| format!("cannot create {}", fonts.display()))?;
        std::fs::write(fonts.join(file), cut)
            .with_context(|| format!("cannot write {}", fonts.join(file).display()))?;
    }
    Ok(())
}

/// The site's address, from `SITE_URL` (the Pages workflow sets it to the URL
/// `actions/configure-pages` reports), without its trailing slash; `None` locally.
pub fn site_url() -> Option<String> {
    std::env::var("SITE_URL")
        .ok()
        .map(|url| url.trim().trim_end_matches('/').to_owned())
        .filter(|url| !url.is_empty())
}

/// The path of the site's root on its host: `/` locally, `/<repo>/` on a project's Pages.
fn site_path() -> String {
    let path = site_url()
        .and_then(|url| {
            let rest = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
            rest.find('/').map(|i| rest[i..].to_owned())
        })
        .unwrap_or_default();
    format!("{}/", path.trim_end_matches('/'))
}

/// A link to `target` (a path from the site's root) from a page `up` (`"../"` repeated)
/// below the root: absolute when the site URL is known (what a crawler accepts for
/// `hreflang`), relative otherwise (a local build, which no crawler sees).
fn site_href(up: &str, target: &str) -> String {
    match site_url() {
        Some(site) => format!("{site}/{target}"),
        None => format!("{up}{target}"),
    }
}

fn alternate(hreflang: &str, href: &str) -> String {
    format!("<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{href}\">\n")
}

/// What `cargo xtask build` does to the pages mdBook wrote: mdBook's interface in the
/// book's language ([`localize`]), the diagrams drawn ([`crate::diagram`]), the scripts
/// deferred, and each chapter's `hreflang` alternates. Returns how many diagrams
/// were drawn and the ones that could not be.
fn finish_pages(root: &Path, book: &Path, lang: &Lang) -> Result<(usize, Vec<String>)> {
    let replacements = localize(lang);
    let mut diagrams = crate::diagram::Diagrams::new(root, lang);
    let preloads = font_preloads(root, book, lang)?;
    let bundles = bundle_stylesheets(book)?;
    let (mut drawn, mut not_drawn) = (0, Vec::new());
    let mut hits = vec![0usize; replacements.len()];
    for file in files(book)? {
        let Some(ext) = file.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let rel = file
            .strip_prefix(book)?
            .to_string_lossy()
            .replace('\\', "/");
        let is_book_js = ext == "js" && !rel.contains('/') && rel.starts_with("book");
        if ext != "html" && !is_book_js {
            continue;
        }
        let mut text = std::fs::read_to_string(&file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        for (i, (from, to, kind)) in replacements.iter().enumerate() {
            if kind.in_script() == is_book_js && text.contains(from.as_str()) {
                hits[i] += text.matches(from.as_str()).count();
                text = text.replace(from.as_str(), to);
            }
        }
        if is_book_js {
            // mdBook's old fix for a browser's back button: an unload handler, which
            // Chromium reports as deprecated and which keeps a page out of the
            // back-forward cache.
            text = text.replacen("window.onunload = function() { };", "", 1);
        }
        if ext == "html" {
            let (count, failures) = diagrams
                .inline(&mut text)
                .with_context(|| format!("cannot draw the diagrams of {rel}"))?;
            // The print page repeats the chapters, and without a README.md mdBook makes
            // index.html a copy of the first chapter.
            let copy = rel == "print.html"
                || (rel == "index.html"
                    && !root.join("src").join(lang.code).join("README.md").is_file());
            if !copy {
                drawn += count;
                not_drawn.extend(failures.into_iter().map(|f| {
                    format!(
                        "src/{}/{}: diagram {} ({}) cannot be drawn at build time: {}",
                        lang.code,
                        rel.replace(".html", ".md"),
                        f.index,
                        f.kind,
                        f.error
                    )
                }));
            }
            if let Some((faces, copied)) = preloads.as_ref().filter(|_| rel != "404.html") {
                let up = "../".repeat(rel.matches('/').count());
                let mut links = String::new();
                for font in faces.for_page(&text) {
                    let copy = copied.get(&font).with_context(|| {
                        format!("mdBook did not copy theme/fonts/{font} into the book")
                    })?;
                    links += &format!(
                        "<link rel=\"preload\" href=\"{up}{copy}\" as=\"font\" type=\"font/woff2\" crossorigin>\n"
                    );
                }
                if let Some(at) = text.find("<link rel=\"stylesheet\"") {
                    text.insert_str(at, &links);
                }
            }
            link_bundles(&mut text, &bundles);
            code_classes_as_book_js_sets_them(&mut text);
            sidebar_toggle_as_button(&mut text);
            defer_scripts(&mut text);
            if !matches!(rel.as_str(), "print.html" | "toc.html" | "404.html") {
                text = text.replacen("</head>", &(alternates(root, lang, &rel) + "</head>"), 1);
            }
        }
        std::fs::write(&file, text).with_context(|| format!("cannot write {}", file.display()))?;
    }
    // A string that mdBook no longer writes (a new mdBook version) fails the build, so
    // that no English string comes back unnoticed. Callouts are only where a chapter has one.
    let missing: Vec<&str> = replacements
        .iter()
        .zip(&hits)
        .filter(|((_, _, kind), hits)| **hits == 0 && kind.required())
        .map(|((from, _, _), _)| from.as_str())
        .collect();
    if !missing.is_empty() {
        bail!("mdBook's interface no longer has {missing:?}: update book-model/src/interface.rs");
    }
    Ok((drawn, not_drawn))
}

/// What each page of `lang` preloads ([`crate::fonts::Preloads`]), and where mdBook copied
/// each font file (`fonts/<name>-<hash>.woff2`); nothing for a theme without fonts.
fn font_preloads(
    root: &Path,
    book: &Path,
    lang: &Lang,
) -> Result<Option<(crate::fonts::Preloads, HashMap<String, String>)>> {
    let theme = root.join("theme");
    if !theme.join("fonts/fonts.css").is_file() {
        return Ok(None);
    }
    let copied = crate::fonts::copied_fonts(&book.join("fonts"))?;
    let preloads = crate::fonts::Preloads::new(&theme, lang.code, lang.title)?;
    Ok(Some((preloads, copied)))
}

/// Minifies the book's own CSS and JavaScript (the theme's and mdBook's) in place, with
/// `minifier`, the crate rustdoc uses for its own; files that come minified
/// (`*.min.js`, highlight.js, Pagefind's) are left as they are. The browser tests run on
/// the result.
fn minify_assets(book: &Path) -> Result<()> {
    for file in files(book)? {
        let rel = file
            .strip_prefix(book)?
            .to_string_lossy()
            .replace('\\', "/");
        let name = rel.rsplit('/').next().unwrap_or_default();
        let minified = rel.starts_with(crate::search::DIR)
            || name.contains(".min.")
            || name.starts_with("highlight");
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if minified || !matches!(ext, "js" | "css") {
            continue;
        }
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let small = if ext == "js" {
            minifier::js::minify(&text).map(|m| m.to_string())
        } else {
            minifier::css::minify(&text).map(|m| m.to_string())
        }
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        std::fs::write(&file, small).with_context(|| format!("cannot write {}", file.display()))?;
    }
    Ok(())
}

/// A stylesheet made of several of the book's: the files, as the pages link them (from the
/// book's root), and the bundle's own path.
struct Bundle {
    parts: Vec<String>,
    path: String,
}

/// The stylesheets every page links, bundled: each run of plain `<link rel="stylesheet">`s
/// becomes one file (`css/bundle-<n>-<hash>.css`), in the same order, so a phone on a slow
/// network waits for 5 requests before it can draw, not 9. mdBook's highlight themes stay
/// apart (`book.js` switches them on and off by their ids), as does `print.css` (for
/// print only). Every part sits one folder below the root, as the bundle does, so their
/// `url("../fonts/…")`s still hold.
fn bundle_stylesheets(book: &Path) -> Result<Vec<Bundle>> {
    let index = book.join("index.html");
    let Ok(page) = std::fs::read_to_string(&index) else {
        return Ok(Vec::new());
    };
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    for tag in page.split("<link ").skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if !tag.starts_with("rel=\"stylesheet\"") || tag.contains("media=") {
            continue;
        }
        let Some(href) = tag
            .split("href=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
        else {
            continue;
        };
        if tag.contains(" id=") || href.contains("://") || href.starts_with('/') {
            runs.push(Vec::new());
        } else {
            runs.last_mut().expect("one run").push(href.to_owned());
        }
    }
    let mut bundles = Vec::new();
    for parts in runs.into_iter().filter(|run| run.len() > 1) {
        let mut css = String::new();
        for part in &parts {
            if part.matches('/').count() != 1 {
                bail!(
                    "cannot bundle {part}: a stylesheet is bundled only from a folder below the root"
                );
            }
            let text = std::fs::read_to_string(book.join(part))
                .with_context(|| format!("cannot read {}", book.join(part).display()))?;
            css.push_str(&format!("/* {part} */\n{text}\n"));
        }
        let hash = css.bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        let path = format!("css/bundle-{}-{hash:08x}.css", bundles.len() + 1);
        std::fs::write(book.join(&path), css)
            .with_context(|| format!("cannot write {}", book.join(&path).display()))?;
        for part in &parts {
            std::fs::remove_file(book.join(part))
                .with_context(|| format!("cannot remove {}", book.join(part).display()))?;
        }
        bundles.push(Bundle { parts, path });
    }
    Ok(bundles)
}

/// In one page: the first link of each bundle's parts becomes the bundle's, the others go.
fn link_bundles(page: &mut String, bundles: &[Bundle]) {
    for bundle in bundles {
        for (i, part) in bundle.parts.iter().enumerate() {
            let Some(href) = page.find(&format!("{part}\">")) else {
                continue;
            };
            let Some(start) = page[..href].rfind("<link ") else {
                continue;
            };
            let end = href + part.len() + 2;
            if i == 0 {
                let prefix = page[start..href].to_owned();
                page.replace_range(start..end, &format!("{prefix}{}\">", bundle.path));
            } else {
                let end = if page[end..].starts_with('\n') {
                    end + 1
                } else {
                    end
                };
                page.replace_range(start..end, "");
            }
        }
    }
}

/// Gives each `<code>` the classes mdBook's `book.js` gives it when it runs: `hljs`
/// (padding on inline code: the lines break elsewhere) on every one but those in a
/// heading's link, and `hide-boring` where a block has hidden lines. `book.js` is
/// deferred ([`defer_scripts`]), so the page may be drawn before it runs; with the classes
/// in the page, its first drawing is its last (no layout shift).
fn code_classes_as_book_js_sets_them(page: &mut String) {
    let mut out = String::with_capacity(page.len() + 4096);
    let mut rest = page.as_str();
    let mut in_header = false;
    loop {
        let code = rest.find("<code");
        let header = rest.find("<a class=\"header\"");
        let header_end = if in_header { rest.find("</a>") } else { None };
        let next = [code, header, header_end].into_iter().flatten().min();
        let Some(at) = next else { break };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if Some(at) == header_end {
            in_header = false;
            out.push_str("</a>");
            rest = &rest["</a>".len()..];
        } else if Some(at) == header {
            in_header = true;
            out.push_str("<a");
            rest = &rest[2..];
        } else {
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            let is_code = tag == "<code" || tag.starts_with("<code ");
            if !is_code || in_header || tag.contains("hljs") {
                out.push_str(tag);
            } else {
                let body_end = rest.find("</code>").unwrap_or(rest.len());
                let mut classes = String::from("hljs");
                if rest[..body_end].contains("class=\"boring\"") {
                    classes.push_str(" hide-boring");
                }
                match tag.find("class=\"") {
                    Some(c) => {
                        let c = c + "class=\"".len();
                        out.push_str(&tag[..c]);
                        out.push_str(&classes);
                        out.push(' ');
                        out.push_str(&tag[c..]);
                    }
                    None => {
                        out.push_str(tag);
                        out.push_str(&format!(" class=\"{classes}\""));
                    }
                }
            }
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    *page = out;
}

/// The start of mdBook's sidebar toggle.
const SIDEBAR_TOGGLE: &str = "<label id=\"mdbook-sidebar-toggle\" class=";

/// mdBook's sidebar toggle is a `<label>` for a hidden checkbox, with `aria-expanded`,
/// which no role of a label allows (nor may a label be given one), and which the
/// keyboard cannot reach. It becomes a `<button>`; a click on it toggles the checkbox,
/// after mdBook's own click handler has run, as the label's click did.
fn sidebar_toggle_as_button(page: &mut String) {
    let Some(start) = page.find(SIDEBAR_TOGGLE) else {
        return;
    };
    let Some(end) = page[start..].find("</label>").map(|e| start + e) else {
        return;
    };
    let label = &page[start..end];
    let button = label
        .replacen("<label ", "<button type=\"button\" ", 1)
        .replacen(" for=\"mdbook-sidebar-toggle-anchor\"", "", 1);
    page.replace_range(start..end + "</label>".len(), &(button + "</button>"));
    let script = "<script>document.getElementById('mdbook-sidebar-toggle').addEventListener(\
                  'click',()=>document.getElementById('mdbook-sidebar-toggle-anchor').click());\
                  </script>\n</body>";
    if let Some(body) = page.rfind("</body>") {
        page.replace_range(body..body + "</body>".len(), script);
    }
}

/// Where a string of mdBook's is, and whether every book has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// In every book's pages.
    Page,
    /// In a page only when a chapter has it (a callout).
    Optional,
    /// In mdBook's `book.js`.
    Script,
    /// In `book.js` in one form but not always in the other.
    ScriptOptional,
}

impl Kind {
    fn in_script(self) -> bool {
        matches!(self, Kind::Script | Kind::ScriptOptional)
    }
    fn required(self) -> bool {
        matches!(self, Kind::Page | Kind::Script)
    }
}

/// mdBook's English strings, in the context mdBook writes them, and the language's.
fn localize(lang: &Lang) -> Vec<(String, String, Kind)> {
    use book_model::interface::ENGLISH as EN;
    let x = lang.ui;
    if lang.code == "en" {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut add = |wrap: &dyn Fn(&str) -> String, en: &str, to: &str, kind: Kind| {
        out.push((wrap(en), wrap(to), kind));
    };
    let attr = |s: &str| format!("\"{s}\"");
    let text = |s: &str| format!(">{s}<");
    let para = |s: &str| format!("<p>{s}</p>");
    let callout = |s: &str| format!("</svg>{s}</p>");
    let title = |s: &str| format!("<title>{s} - ");
    let js = |s: &str| format!("'{s}'");
    for (en, to) in [
        (EN.toc_toggle, x.toc_toggle),
        (EN.toc, x.toc),
        (EN.change_theme, x.change_theme),
        (EN.themes, x.themes),
        (EN.print, x.print),
        (EN.page_nav, x.page_nav),
        (EN.previous, x.previous),
        (EN.next, x.next),
    ] {
        add(&attr, en, to, Kind::Page);
    }
    for (en, to) in [
        (EN.theme_auto, x.theme_auto),
        (EN.theme_light, x.theme_light),
        (EN.theme_coal, x.theme_coal),
        (EN.theme_navy, x.theme_navy),
        (EN.shortcuts, x.shortcuts),
        (EN.not_found_heading, x.not_found_heading),
    ] {
        add(&text, en, to, Kind::Page);
    }
    for (en, to) in [
        (EN.help_arrows, x.help_arrows),
        (EN.help_show, x.help_show),
        (EN.help_hide, x.help_hide),
        (EN.not_found_text, x.not_found_text),
    ] {
        add(&para, en, to, Kind::Page);
    }
    add(&title, EN.not_found_title, x.not_found_title, Kind::Page);
    for (en, to) in [
        (EN.note, x.note),
        (EN.tip, x.tip),
        (EN.important, x.important),
        (EN.warning, x.warning),
        (EN.caution, x.caution),
    ] {
        add(&callout, en, to, Kind::Optional);
    }
    for (en, to) in [
        (EN.copy, x.copy),
        (EN.copied, x.copied),
        (EN.copy_failed, x.copy_failed),
        (EN.show_hidden, x.show_hidden),
        (EN.hide_lines, x.hide_lines),
    ] {
        add(&js, en, to, Kind::Script);
        // book.js also writes the hidden-lines button as HTML.
        add(&attr, en, to, Kind::ScriptOptional);
    }
    out
}

/// Adds `defer` to every script file but `toc.js`: mdBook's (`clipboard.min.js`,
/// `highlight.js`, `book.js`, at the end of the body, which a phone's first paint otherwise
/// waits for) and the theme's (`additional-js`). They wait for the page to be parsed, and
/// still run in order, before `DOMContentLoaded`. `toc.js` fills the sidebar, whose links
/// the inline script after it takes out of the tab order while the sidebar is hidden.
fn defer_scripts(page: &mut String) {
    let mut from = 0;
    while let Some(at) = page[from..].find("<script src=\"") {
        let at = from + at;
        let end = page[at..].find('>').map_or(page.len(), |e| at + e);
        let src = &page[at + "<script src=\"".len()..end];
        let name = src.rsplit('/').next().unwrap_or_default();
        if !name.starts_with("toc") {
            page.replace_range(at..at + "<script ".len(), "<script defer ");
        }
        from = end;
    }
}

/// The `hreflang` alternates of a chapter (`rel`: its path in the book): every language
/// whose book has the same chapter, itself included, and x-default, the English chapter
/// (the one every translation follows), or the landing page when English has none.
fn alternates(root: &Path, lang: &Lang, rel: &str) -> String {
    let up = "../".repeat(rel.matches('/').count() + 1);
    let has = |code: &str| {
        rel == "index.html"
            || root
                .join("src")
                .join(code)
                .join(rel.replace(".html", ".md"))
                .is_file()
    };
    let mut out = String::new();
    for other in book_model::lang::LANGUAGES {
        if other.code == lang.code || has(other.code) {
            out += &alternate(
                other.code,
                &site_href(&up, &format!("{}/{rel}", other.code)),
            );
        }
    }
    let default = if has("en") {
        format!("en/{rel}")
    } else {
        "index.html".to_owned()
    };
    out += &alternate("x-default", &site_href(&up, &default));
    out
}

/// Every file under `dir`.
pub(crate) fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    Ok(out)
}

/// The site's root `404.html`, which GitHub Pages serves for any missing address: in the
/// four languages, each linking to its book. Self-contained, links from the site's root.
pub fn write_not_found(out_dir: &Path) -> Result<()> {
    let root = site_path();
    let mut body = String::new();
    for lang in book_model::lang::LANGUAGES {
        let dir = if lang.rtl { "rtl" } else { "ltr" };
        body += &format!(
            "<section lang=\"{code}\" dir=\"{dir}\"><h1>{heading}</h1><p>{text}</p>\
             <p><a href=\"{root}{code}/index.html\">{title}</a></p></section>\n",
            code = lang.code,
            heading = lang.ui.not_found_heading,
            text = lang.ui.not_found_text,
            title = lang.title,
        );
    }
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"robots\" content=\"noindex\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ font-family: \"Open Sans\", system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}\n\
         section {{ margin-block-end: 2rem; }}\n\
         h1 {{ font-size: 1.4rem; }}\n\
         a {{ color: LinkText; }}\n\
         </style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = book_model::interface::ENGLISH.not_found_title,
    );
    std::fs::write(out_dir.join("404.html"), page)
        .with_context(|| format!("cannot write {}", out_dir.join("404.html").display()))
}
