//! Runs this listing and holds it to `output.txt`, the output the book shows.

#[test]
fn prints_what_the_book_shows() {
    listing_harness::check!();
}
