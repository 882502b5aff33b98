//! This crate has no code of its own: `build.rs` turns the chapters' Rust blocks into the
//! tests in `tests/chapters.rs`, and its dependencies are what those blocks may use.
