//! Every ```rust block of every chapter, in every language, compiled and run by skeptic.
//! The tests are named after the language, the chapter file, the section and the line of the
//! block; skeptic keeps only ASCII of a section's title, so a Persian, Russian or Thai title
//! can leave a double underscore in the name.
#![allow(non_snake_case)]

include!(concat!(env!("OUT_DIR"), "/skeptic-tests.rs"));
