//! `cargo xtask <command>`: build, serve and check the book.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::lang::{LANGUAGES, Lang, by_code};
use xtask::{check, gocheck, preprocess, serve, site, stress};

#[derive(Parser)]
#[command(
    about = "Builds, serves and checks the book",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Build every language into book/ (book/index.html picks the language).
    Build {
        /// Where to write the site.
        #[arg(long, default_value = "book")]
        out: PathBuf,
        /// Only these languages (codes, comma-separated).
        #[arg(long, value_delimiter = ',')]
        lang: Vec<String>,
    },
    /// Build every language, serve it on 127.0.0.1, rebuild and reload on changes.
    Serve {
        #[arg(long, default_value_t = 3000)]
        port: u16,
        #[arg(long, default_value = "book")]
        out: PathBuf,
    },
    /// The book check (also run by `cargo test`): includes, anchors, links, listings, mojibake.
    Check,
    /// gofmt, go vet, and every Go original against its listing's output file.
    GoCheck,
    /// Run listings' tests (and Go originals) many times while busy threads load every core.
    Stress {
        /// Listing ids (default: every listing).
        ids: Vec<String>,
        /// Runs of each listing's Rust tests.
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Runs of each Go original (0: none).
        #[arg(long, default_value_t = 20)]
        go_runs: usize,
        /// Busy threads spinning meanwhile (the CI machine has 2 cores).
        #[arg(long, default_value_t = 2)]
        hogs: usize,
    },
    /// Record that translated chapters follow the English chapters as they are now.
    Translated {
        /// The language code (fa, ru, th).
        lang: String,
        /// Chapter paths as in SUMMARY.md (`patterns/tee.md`).
        #[arg(required = true)]
        chapters: Vec<String>,
    },
    /// Show what changed in the English chapters since each stale translated chapter was
    /// recorded (a `git diff` of the English file per chapter).
    Stale {
        /// The language code (fa, ru, th).
        lang: String,
        /// Only these chapters (default: every stale one).
        chapters: Vec<String>,
    },
    /// mdBook command preprocessor for {{#listing}} (book.toml runs it for plain `mdbook`).
    #[command(hide = true)]
    Preprocess {
        #[arg(trailing_var_arg = true)]
        args: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = site::repo_root();
    let result = match cli.command {
        Cmd::Build { out, lang } => match languages(&lang) {
            Ok(langs) => site::build_all(&root, &langs, &root.join(out), false),
            Err(e) => Err(e),
        },
        Cmd::Serve { port, out } => serve::serve(&root, &root.join(out), port),
        Cmd::Check => run_check(&root),
        Cmd::GoCheck => gocheck::go_check(&root),
        Cmd::Stress {
            ids,
            runs,
            go_runs,
            hogs,
        } => stress::stress(
            &root,
            &stress::Stress {
                ids,
                runs,
                go_runs,
                hogs,
            },
        ),
        Cmd::Translated { lang, chapters } => record_translated(&root, &lang, &chapters),
        Cmd::Stale { lang, chapters } => show_stale(&root, &lang, &chapters),
        Cmd::Preprocess { args } => preprocess::run_as_command(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The languages named by `--lang`, or all of them.
fn languages(codes: &[String]) -> anyhow::Result<Vec<Lang>> {
    if codes.is_empty() {
        return Ok(LANGUAGES.to_vec());
    }
    codes
        .iter()
        .map(|c| {
            by_code(c)
                .copied()
                .ok_or_else(|| anyhow::anyhow!("no language `{c}` (known: en, fa, ru, th)"))
        })
        .collect()
}

fn run_check(root: &std::path::Path) -> anyhow::Result<()> {
    let out = std::env::temp_dir().join(format!("book-check-{}", std::process::id()));
    let report = check::run(root, LANGUAGES, &out)?;
    std::fs::remove_dir_all(&out).ok();
    print!("{report}");
    if report.problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("the book check found {} problem(s)", report.problems.len())
    }
}

/// Writes each chapter's record line: the fingerprint of its English chapter as it is now.
fn record_translated(
    root: &std::path::Path,
    lang: &str,
    chapters: &[String],
) -> anyhow::Result<()> {
    use book_model::translation;
    if by_code(lang).is_none() || lang == translation::SOURCE {
        anyhow::bail!("`{lang}` is not a translated language of the book (fa, ru, th)");
    }
    for chapter in chapters {
        let english = root.join("src").join(translation::SOURCE).join(chapter);
        let file = root.join("src").join(lang).join(chapter);
        let en = std::fs::read_to_string(&english).map_err(|e| {
            anyhow::anyhow!("src/en/{chapter}: {e} (give the path as in SUMMARY.md)")
        })?;
        let text = std::fs::read_to_string(&file)
            .map_err(|e| anyhow::anyhow!("src/{lang}/{chapter}: {e}"))?;
        let fingerprint = translation::fingerprint(&en);
        std::fs::write(&file, translation::with_record(&text, &fingerprint))?;
        println!("src/{lang}/{chapter}: follows src/en/{chapter} @ {fingerprint}");
    }
    Ok(())
}

/// For each stale chapter of `lang`: the English version it was recorded against (found in
/// git history by its fingerprint) and `git diff` from there to the English file now.
fn show_stale(root: &std::path::Path, lang: &str, only: &[String]) -> anyhow::Result<()> {
    use book_model::{summary, translation};
    use std::process::Command;
    if by_code(lang).is_none() || lang == translation::SOURCE {
        anyhow::bail!("`{lang}` is not a translated language of the book (fa, ru, th)");
    }
    let git = |args: &[&str]| -> anyhow::Result<String> {
        let out = Command::new("git").args(args).current_dir(root).output()?;
        if !out.status.success() {
            anyhow::bail!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    for entry in summary::entries(&root.join("src").join(translation::SOURCE))? {
        if !only.is_empty() && !only.contains(&entry.target) {
            continue;
        }
        let translation::Status::Stale { recorded, now } =
            translation::status(root, lang, &entry.target)?
        else {
            continue;
        };
        let path = format!("src/{}/{}", translation::SOURCE, entry.target);
        println!(
            "=== src/{lang}/{}: recorded {recorded}, English now {now}",
            entry.target
        );
        let commits = git(&["log", "--format=%H", "--", &path])?;
        let found = commits.lines().find(|c| {
            git(&["show", &format!("{c}:{path}")])
                .is_ok_and(|text| translation::fingerprint(&text) == recorded)
        });
        match found {
            Some(commit) => print!("{}", git(&["diff", commit, "--", &path])?),
            None => println!(
                "(no commit of {path} has fingerprint {recorded}: compare the chapter with the \
                 English file as a whole)"
            ),
        }
    }
    Ok(())
}
