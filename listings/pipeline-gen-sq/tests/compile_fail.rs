//! Checks that the programs in `compile-fail/` are rejected, with the errors the book shows.

#[test]
fn rust_rejects_what_go_accepts() {
    trybuild::TestCases::new().compile_fail("compile-fail/*.rs");
}
