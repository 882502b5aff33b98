//! The book's tooling, used by `cargo xtask` and by the book check in `tests/`.

pub mod check;
pub mod gocheck;
pub mod lang;
pub mod preprocess;
pub mod search;
pub mod serve;
pub mod site;
