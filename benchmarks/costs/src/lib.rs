//! The cost of the building blocks, measured on the machine that builds the book.
//!
//! Note 003 gives Go's costs: a goroutine starts with a stack of about 2 KB and is spawned
//! in about 300 ns, and a channel takes about 96 bytes plus its buffer. The benches in
//! `benches/` measure the same things for Rust:
//!
//! - `spawn_and_channels` (criterion): spawning and joining an OS thread, spawning and
//!   awaiting a tokio task, and a send and receive on crossbeam and tokio channels, on one
//!   thread and between two;
//! - `sizes`: the size of the channel handles and of a task, and what creating them
//!   allocates on the heap, counted by a global allocator that counts.
//!
//! Run both with `cargo bench -p costs`; `src/en/performance/costs.md` (in the book:
//! "What it costs") has the numbers and the machine they came from.
