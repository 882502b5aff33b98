//! Chapters
