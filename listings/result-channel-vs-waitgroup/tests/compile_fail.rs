//! The programs in `compile-fail/` must not compile; their `.stderr` files hold the
//! compiler's error, which the book shows.

#[test]
fn rejected_by_the_compiler() {
    trybuild::TestCases::new().compile_fail("compile-fail/*.rs");
}
