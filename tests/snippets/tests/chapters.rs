//! Every ```rust block of every chapter, in every language, compiled and run by skeptic.
//! The tests are named after the language, the chapter file and the line of the block.

include!(concat!(env!("OUT_DIR"), "/skeptic-tests.rs"));
