//! The replay's promise: each order is forced, so it gives the same result every time, not
//! only in the one run the output shows. (If `main` stopped waiting for the thread's report,
//! the printed lines would still match in many runs.)

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` is not used here
mod listing;

use listing::replay;

#[test]
fn every_order_gives_its_result_every_time() -> anyhow::Result<()> {
    for round in 0..500 {
        let value = |v: i32| Some(format!("the value is {v}"));
        assert_eq!(replay([2, 3, 1])?, value(0), "order 2 3 1, round {round}");
        assert_eq!(replay([1, 2, 3])?, None, "order 1 2 3, round {round}");
        assert_eq!(replay([2, 1, 3])?, value(1), "order 2 1 3, round {round}");
    }
    Ok(())
}
