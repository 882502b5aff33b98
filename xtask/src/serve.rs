//! `cargo xtask serve`: build every language, serve the site on 127.0.0.1, rebuild what
//! changed and reload the open pages.
//!
//! The reload uses mdBook's own page script: with `output.html.live-reload-endpoint` set,
//! each page opens a WebSocket to that endpoint and reloads when it reads `reload`.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::get;
use notify_debouncer_full::new_debouncer;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use tokio::sync::broadcast;
use tower_http::services::ServeDir;

use crate::site::{self, LIVE_RELOAD};
use book_model::lang::{LANGUAGES, Lang};

/// Serves `out_dir` on 127.0.0.1:`port` until interrupted.
pub fn serve(root: &Path, out_dir: &Path, port: u16) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    // Bind first: a busy port is reported before a minute is spent building.
    let listener = runtime.block_on(bind(port))?;
    // A language that does not build is reported and served when it is mended.
    for lang in LANGUAGES {
        match site::build_lang(root, lang, out_dir, true) {
            Ok(built) => eprintln!("built {:<8} {built}", lang.name),
            Err(e) => eprintln!("error: {e:#}"),
        }
    }
    site::write_landing(root, out_dir)?;

    let (reload_tx, _) = broadcast::channel::<()>(16);
    let _watcher = watch(root, out_dir, reload_tx.clone())?;

    let app = Router::new()
        .route(&format!("/{LIVE_RELOAD}"), get(live_reload))
        .with_state(reload_tx)
        .fallback_service(ServeDir::new(out_dir).append_index_html_on_directories(true));
    let addr = listener.local_addr()?;
    println!("Serving the book on http://{addr}/ (English: http://{addr}/en/); Ctrl-C stops.");
    runtime.block_on(async {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                tokio::signal::ctrl_c().await.ok();
            })
            .await
    })?;
    Ok(())
}

async fn bind(port: u16) -> Result<tokio::net::TcpListener> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => Ok(listener),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => bail!(
            "port {port} on 127.0.0.1 is already in use: stop the program that uses it, \
             or pick another port with `cargo xtask serve --port <N>`"
        ),
        Err(e) => Err(e).with_context(|| format!("cannot listen on {addr}")),
    }
}

async fn live_reload(
    ws: WebSocketUpgrade,
    State(reload): State<broadcast::Sender<()>>,
) -> Response {
    let mut rx = reload.subscribe();
    ws.on_upgrade(move |mut socket: WebSocket| async move {
        if rx.recv().await.is_ok() {
            socket.send(Message::Text("reload".into())).await.ok();
        }
    })
}

type Watcher = notify_debouncer_full::Debouncer<
    notify_debouncer_full::notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches the sources and rebuilds the languages a change touches: a file in `src/<code>/`
/// rebuilds that language; anything else (listings, theme, book.toml) rebuilds them all.
fn watch(root: &Path, out_dir: &Path, reload: broadcast::Sender<()>) -> Result<Watcher> {
    let (root, out) = (root.to_path_buf(), out_dir.to_path_buf());
    let handler_root = root.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        None,
        move |events: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = events else { return };
            // Reading a file is no change (and the build itself reads every file).
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.event.kind, EventKind::Access(_) | EventKind::Other))
                .flat_map(|e| e.event.paths.iter().cloned())
                .collect();
            let langs = affected(&handler_root, &paths);
            if langs.is_empty() {
                return;
            }
            let shown: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| crate::preprocess::display_path(&handler_root, p))
                .collect();
            eprintln!(
                "changed: {}{}",
                shown.join(", "),
                if paths.len() > 3 { ", ..." } else { "" }
            );
            for lang in &langs {
                match site::build_lang(&handler_root, lang, &out, true) {
                    Ok(built) => eprintln!("rebuilt {:<8} {built}", lang.name),
                    Err(e) => eprintln!("error: {e:#}"),
                }
            }
            reload.send(()).ok();
        },
    )?;
    for path in ["src", "listings", "theme", "book.toml"] {
        let path = root.join(path);
        if path.exists() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
    }
    Ok(debouncer)
}

fn affected(root: &Path, paths: &[PathBuf]) -> Vec<Lang> {
    let src = root.join("src");
    let mut langs: Vec<Lang> = Vec::new();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Editors' swap and backup files change nothing the book shows.
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        let in_lang = path
            .strip_prefix(&src)
            .ok()
            .and_then(|p| p.components().next())
            .and_then(|c| c.as_os_str().to_str())
            .and_then(book_model::lang::by_code);
        match in_lang {
            Some(lang) => {
                if !langs.iter().any(|l| l.code == lang.code) {
                    langs.push(*lang);
                }
            }
            None => return LANGUAGES.to_vec(),
        }
    }
    langs
}
