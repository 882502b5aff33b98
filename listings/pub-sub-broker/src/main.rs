//! A publish/subscribe broker: every subscriber has its own buffered channel per topic.
//!
//! Notice: `publish` never waits. It holds only the read lock and uses `try_send`, so a
//! slow subscriber whose buffer is full loses the event instead of stalling everyone.
//! `unsubscribe` drops the subscriber's `Sender` (Go's `close`): the subscriber still
//! reads what is buffered, then its loop ends. A subscription is found again by an id,
//! where Go compares channels. In production, `tokio::sync::broadcast` is this broker for
//! one topic, and it tells a slow receiver how many events it missed (`Lagged(n)`).

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use anyhow::Context;
use crossbeam::channel::{Receiver, Sender, bounded};

type Event = String;

/// What `subscribe` hands out: the events, and the id to unsubscribe with.
pub struct Subscription {
    pub id: u64,
    pub events: Receiver<Event>,
}

/// For each topic, the id and the sending end of every subscription to it.
type Topics = HashMap<String, Vec<(u64, Sender<Event>)>>;

#[derive(Default)]
pub struct Broker {
    subscribers: RwLock<Topics>,
    next_id: AtomicU64,
}

impl Broker {
    pub fn subscribe(&self, topic: &str) -> Subscription {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (tx, events) = bounded(10);
        let mut subscribers = self.subscribers.write().expect("lock poisoned");
        subscribers
            .entry(topic.to_owned())
            .or_default()
            .push((id, tx));
        Subscription { id, events }
    }

    pub fn publish(&self, topic: &str, event: &str) {
        let subscribers = self.subscribers.read().expect("lock poisoned");
        for (_, tx) in subscribers.get(topic).into_iter().flatten() {
            // Full: a slow subscriber, drop the event for it. Disconnected: it went away.
            let _ = tx.try_send(event.to_owned());
        }
    }

    pub fn unsubscribe(&self, topic: &str, id: u64) {
        let mut subscribers = self.subscribers.write().expect("lock poisoned");
        if let Some(subs) = subscribers.get_mut(topic) {
            subs.retain(|(sub, _)| *sub != id); // dropping the Sender closes the channel
            if subs.is_empty() {
                subscribers.remove(topic); // under the same lock: no empty topic is kept
            }
        }
    }

    /// How many topics have subscribers.
    pub fn topics(&self) -> usize {
        self.subscribers.read().expect("lock poisoned").len()
    }
}

fn main() -> anyhow::Result<()> {
    let broker = Broker::default();
    let alice = broker.subscribe("orders");
    let bob = broker.subscribe("orders");
    let carol = broker.subscribe("payments");
    let dave = broker.subscribe("metrics"); // reads nothing until the end

    let received = thread::scope(|s| {
        // Each reader collects its events until its channel is closed.
        let readers: Vec<_> = [
            ("alice", alice.events),
            ("bob", bob.events),
            ("carol", carol.events),
        ]
        .into_iter()
        .map(|(name, events)| (name, s.spawn(move || events.iter().collect::<Vec<_>>())))
        .collect();

        broker.publish("orders", "order #1");
        broker.publish("orders", "order #2");
        broker.publish("payments", "payment #1");
        broker.unsubscribe("orders", bob.id);
        broker.publish("orders", "order #3"); // bob has left: only alice gets it
        for n in 1..=12 {
            broker.publish("metrics", &format!("tick {n}"));
        }
        broker.unsubscribe("orders", alice.id);
        broker.unsubscribe("payments", carol.id);

        readers
            .into_iter()
            .map(|(name, reader)| Ok((name, reader.join().ok().context("a reader panicked")?)))
            .collect::<anyhow::Result<Vec<_>>>()
    })?;
    for (name, events) in received {
        println!("{name} got {}", events.join(", "));
    }

    broker.unsubscribe("metrics", dave.id);
    let ticks: Vec<Event> = dave.events.iter().collect();
    let last = ticks.last().map_or("none", String::as_str);
    println!(
        "dave got {} of 12 ticks, the last one {last}: his buffer holds 10, the rest were dropped",
        ticks.len()
    );
    println!("topics left after every unsubscribe: {}", broker.topics());
    Ok(())
}
