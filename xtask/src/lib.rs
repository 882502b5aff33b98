//! The book's tooling, used by `cargo xtask` and by the book check in `tests/`.

pub use book_model::lang;

pub mod check;
pub mod diagram;
pub mod fonts;
pub mod gocheck;
pub mod preprocess;
pub mod search;
pub mod serve;
pub mod site;
pub mod stress;
