//! The `{{#listing <id>}}` and `{{#compile-fail <id> <case>}}` directives.
//!
//! Each expands into mdBook's own `{{#include}}`s of the listing's files (the Go original,
//! the Rust program, the output file; or a compile-fail case and its `.stderr`), wrapped in
//! the markup the theme lays out side by side. It runs before mdBook's `links`
//! preprocessor, so the code itself is still included by mdBook.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use book_model::directive::{self, Directive};
use book_model::listing::{Listing, Order};
use book_model::translation::{self, Status};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use book_model::lang::{Lang, for_book_language};

/// The preprocessor, named `listing` as in `book.toml`.
pub struct ListingPreprocessor;

impl Preprocessor for ListingPreprocessor {
    fn name(&self) -> &str {
        "listing"
    }

    fn run(
        &self,
        ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let lang = for_book_language(ctx.config.book.language.as_deref());
        let src_dir = ctx.root.join(&ctx.config.book.src);
        let mut error = None;
        book.for_each_mut(|item| {
            if error.is_some() {
                return;
            }
            if let BookItem::Chapter(chapter) = item
                && let Err(e) = expand_chapter(&ctx.root, &src_dir, lang, chapter)
            {
                error = Some(e);
            }
        });
        match error {
            Some(e) => Err(e),
            None => Ok(book),
        }
    }
}

fn expand_chapter(root: &Path, src_dir: &Path, lang: &Lang, chapter: &mut Chapter) -> Result<()> {
    let Some(path) = chapter.path.clone() else {
        return Ok(()); // a draft chapter has no file and no content
    };
    let chapter_file = src_dir.join(&path);
    let chapter_dir = chapter_file.parent().unwrap_or(src_dir);
    let to_root = relative_to_root(root, chapter_dir);
    chapter.content = expand(&chapter.content, root, &to_root, lang)
        .with_context(|| format!("in chapter {}", display_path(root, &chapter_file)))?;
    if lang.code != translation::SOURCE {
        let target = path.to_string_lossy().replace('\\', "/");
        if root
            .join("src")
            .join(translation::SOURCE)
            .join(&target)
            .is_file()
        {
            let status = translation::status(root, lang.code, &target)?;
            chapter.content = with_notice(&chapter.content, lang, &target, &status);
        }
    }
    Ok(())
}

/// The chapter with a notice under its title when it may not follow the English chapter as
/// it is now, with a link to that chapter.
fn with_notice(content: &str, lang: &Lang, target: &str, status: &Status) -> String {
    let text = match status {
        Status::Current | Status::Missing => return content.to_owned(),
        Status::Stale { .. } => lang.words.stale,
        Status::Unrecorded => lang.words.unrecorded,
    };
    // From <site>/<lang>/<dirs>/page.html up to <site>/, then into the English book.
    let up = "../".repeat(target.matches('/').count() + 1);
    let page = target
        .strip_suffix("README.md")
        .map(|dir| format!("{dir}index.html"))
        .unwrap_or_else(|| target.replace(".md", ".html"));
    let notice = format!(
        "\n<div class=\"translation-notice\" role=\"note\"><p>{text} \
         <a href=\"{up}{}/{page}\" hreflang=\"{}\">{}</a></p></div>\n\n",
        translation::SOURCE,
        translation::SOURCE,
        lang.words.read_english
    );
    // Under the first `# ` heading, or at the top if there is none.
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        offset += line.len();
        if line.starts_with("# ") {
            return format!("{}{notice}{}", &content[..offset], &content[offset..]);
        }
    }
    format!("{notice}{content}")
}

/// Expands every directive of `content`. `to_root` is the path from the chapter's folder
/// to the repository root (`../../`), as `{{#include}}` resolves paths from the chapter.
pub fn expand(content: &str, root: &Path, to_root: &str, lang: &Lang) -> Result<String> {
    let mut out = String::with_capacity(content.len());
    let mut last = 0;
    for (range, directive) in directive::find(content)? {
        out.push_str(&content[last..range.start]);
        last = range.end;
        match &directive {
            Directive::Listing { id } => out.push_str(&listing_block(root, to_root, lang, id)?),
            Directive::CompileFail { id, case } => {
                out.push_str(&compile_fail_block(root, to_root, lang, id, case)?)
            }
        }
    }
    out.push_str(&content[last..]);
    Ok(out)
}

fn load_listing(root: &Path, id: &str) -> Result<Listing> {
    let dir = root.join("listings").join(id);
    if !dir.join("Cargo.toml").is_file() {
        bail!("{{{{#listing {id}}}}}: there is no listing `{id}` (no listings/{id}/Cargo.toml)");
    }
    let listing = Listing::load(&dir)?;
    for (_, file) in listing.required_files() {
        if !file.is_file() {
            bail!(
                "{{{{#listing {id}}}}}: listing `{id}` has no {}",
                display_path(root, &file)
            );
        }
    }
    Ok(listing)
}

fn listing_block(root: &Path, to_root: &str, lang: &Lang, id: &str) -> Result<String> {
    let listing = load_listing(root, id)?;
    let w = &lang.words;
    let output = std::fs::read_to_string(listing.output_path())?;
    let mut notes = Vec::new();
    if listing.meta.order == Order::Any {
        notes.push(w.any_order);
    }
    if output.contains("[..]") {
        notes.push(w.varies);
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    let dir = format!("{to_root}listings/{id}");
    let mut s = String::new();
    // Blank lines around the fenced blocks let Markdown resume inside the HTML.
    write!(
        s,
        r#"<figure class="listing" id="listing-{id}">
<div class="listing-code">
<div class="listing-go">
<p class="listing-caption">{go} · <code>listings/{id}/main.go</code></p>

```go
{{{{#include {dir}/main.go}}}}
```

</div>
<div class="listing-rust">
<p class="listing-caption">{rust} · <code>listings/{id}/src/main.rs</code> · {run}: <code>cargo run -p {id}</code></p>

```rust
{{{{#include {dir}/src/main.rs}}}}
```

</div>
</div>
<div class="listing-output">
<p class="listing-caption">{output} · {checked_by} <code>cargo test -p {id}</code>{notes}</p>

```text
{{{{#include {dir}/output.txt}}}}
```

</div>
</figure>
"#,
        go = w.go,
        rust = w.rust,
        run = w.run,
        output = w.output,
        checked_by = w.checked_by,
    )?;
    Ok(s)
}

fn compile_fail_block(
    root: &Path,
    to_root: &str,
    lang: &Lang,
    id: &str,
    case: &str,
) -> Result<String> {
    let listing = load_listing(root, id)?;
    for file in listing.compile_fail_files(case) {
        if !file.is_file() {
            bail!(
                "{{{{#compile-fail {id} {case}}}}}: {} is missing",
                display_path(root, &file)
            );
        }
    }
    let w = &lang.words;
    let dir = format!("{to_root}listings/{id}/compile-fail");
    Ok(format!(
        r#"<div class="compile-fail" id="compile-fail-{id}-{case}">
<p class="listing-caption">{rejected} · <code>listings/{id}/compile-fail/{case}.rs</code></p>

```rust,compile_fail
{{{{#include {dir}/{case}.rs}}}}
```

<p class="listing-caption">{compiler_error} · {checked_by} <code>cargo test -p {id}</code></p>

```text
{{{{#include {dir}/{case}.stderr}}}}
```

</div>
"#,
        rejected = w.rejected,
        compiler_error = w.compiler_error,
        checked_by = w.checked_by,
    ))
}

/// `../` once for each folder between `dir` and `root`.
fn relative_to_root(root: &Path, dir: &Path) -> String {
    let depth = dir
        .strip_prefix(root)
        .map(|p| p.components().count())
        .unwrap_or(0);
    "../".repeat(depth)
}

/// A path as the reader knows it: relative to the repository root when it is inside it.
pub fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs as an mdBook command preprocessor (`book.toml`'s `[preprocessor.listing]`), for
/// plain `mdbook build` and `mdbook serve`.
pub fn run_as_command(args: &[String]) -> Result<()> {
    if let [supports, _renderer] = args
        && supports == "supports"
    {
        return Ok(()); // every renderer: it only writes Markdown
    }
    let (ctx, book) = mdbook_preprocessor::parse_input(std::io::stdin())
        .context("reading the book from mdbook")?;
    let book = ListingPreprocessor.run(&ctx, book)?;
    serde_json::to_writer(std::io::stdout(), &book)?;
    Ok(())
}
