//! What the book is, in one place: its languages ([`lang`]), the chapters each one lists in
//! its `SUMMARY.md` ([`summary`]), the listings and their lessons ([`listing`], [`lesson`],
//! [`pattern`]), the directives chapters use to show them ([`directive`]), and the code blocks
//! of a chapter ([`markdown`]). `xtask`, the snippet tests and the listing harness all read the
//! book through this crate, so each fact has one home.

pub mod directive;
pub mod interface;
pub mod lang;
pub mod lesson;
pub mod listing;
pub mod markdown;
pub mod pattern;
pub mod summary;
pub mod translation;
