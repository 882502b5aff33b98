//! Alice and Bob meet in a corridor with two lanes, both in lane 1. Each is polite: seeing
//! the other in the way, each steps into the other lane, at the same moment, and they are
//! face to face again.
//!
//! Notice: nothing is blocked. Both threads keep running and keep changing state, yet nobody
//! gets past: that is livelock, and unlike a deadlock it burns CPU while it lasts. `main` is
//! the clock that makes them move in lockstep (the original's "every time they move at the same
//! moment"), and gives up after 5 attempts. The fix breaks the symmetry: only one of them
//! steps aside. (Real systems break it with randomness: a random, growing backoff, as
//! Ethernet does after a collision.)

use std::thread;

use crossbeam::channel::{self, Receiver, Sender};

const ATTEMPTS: u32 = 5;

fn other_lane(lane: u8) -> u8 {
    3 - lane // 1 <-> 2
}

/// One walker: told where the other one is, it decides where to be next, and says so.
fn walk(steps_aside: bool, sees: Receiver<u8>, moves: Sender<u8>) {
    let mut lane = 1;
    for other in sees {
        if steps_aside && other == lane {
            lane = other_lane(lane);
        }
        if moves.send(lane).is_err() {
            break;
        }
    }
}

/// Lets Alice and Bob try to pass each other; `steps_aside` says who is polite.
fn corridor(steps_aside: [bool; 2]) -> anyhow::Result<()> {
    let names = ["Alice", "Bob"];
    thread::scope(|s| {
        let mut sees = Vec::new();
        let mut moves = Vec::new();
        for polite in steps_aside {
            let (see_tx, see_rx) = channel::bounded(1);
            let (move_tx, move_rx) = channel::bounded(1);
            s.spawn(move || walk(polite, see_rx, move_tx));
            sees.push(see_tx);
            moves.push(move_rx);
        }

        let mut lanes = [1, 1];
        let mut moved = 0;
        for attempt in 1..=ATTEMPTS {
            // Both see the same picture, then both move at once.
            sees[0].send(lanes[1])?;
            sees[1].send(lanes[0])?;
            let next = [moves[0].recv()?, moves[1].recv()?];

            let mut said = Vec::new();
            for ((name, before), after) in names.iter().zip(lanes).zip(next) {
                if after == before {
                    said.push(format!("{name} stays in lane {after}"));
                } else {
                    moved += 1;
                    said.push(format!("{name} to lane {after}"));
                }
            }
            lanes = next;
            if lanes[0] != lanes[1] {
                println!("  attempt {attempt}: {}, they pass", said.join(", "));
                println!("  got past on attempt {attempt} (moves: {moved})");
                return Ok(());
            }
            println!(
                "  attempt {attempt}: {}, face to face again",
                said.join(", ")
            );
        }
        println!("  gave up after {ATTEMPTS} attempts (moves: {moved}), nobody got past");
        Ok(())
    }) // returning drops the senders: each walker's loop ends, and the scope joins them
}

fn main() -> anyhow::Result<()> {
    println!("both step aside, in lockstep:");
    corridor([true, true])?;
    println!("only Alice steps aside:");
    corridor([true, false])?;
    Ok(())
}
