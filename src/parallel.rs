//! Work spread over the cores with the standard library alone: `std::thread::scope` and a
//! shared counter from which threads take the next piece, so a slow piece does not leave
//! the other cores idle. Results come back in input order, whatever the thread count.
//!
//! The thread count is an argument, not a global: each caller passes the cap its owner was
//! configured with ([`MatcherBuilder::threads`](crate::MatcherBuilder::threads),
//! [`Clusterer::threads`](crate::Clusterer::threads)), so two matchers in one process may
//! use different caps.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to consecutive pieces of `items` (`piece` items each, the last shorter) on
/// at most `threads` threads (0: one per available core); one result per piece, in order.
/// Runs on the calling thread alone when that makes one thread or there is a single piece.
pub(crate) fn map_pieces<'a, T, R, F>(items: &'a [T], piece: usize, threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a [T]) -> R + Sync,
{
    let pieces: Vec<&'a [T]> = items.chunks(piece.max(1)).collect();
    let threads = thread_count(threads).min(pieces.len());
    if threads <= 1 {
        return pieces.into_iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(piece) = pieces.get(i) else {
                            return mine;
                        };
                        mine.push((i, f(piece)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut out: Vec<Option<R>> = (0..pieces.len()).map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        out[i] = Some(r);
    }
    out.into_iter().flatten().collect()
}

/// The threads a cap of `threads` gives: itself, or one per available core for 0.
pub(crate) fn thread_count(threads: usize) -> usize {
    match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

#[cfg(test)]
mod tests {
    use super::map_pieces;

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<u32> = (0..10_000).collect();
        for threads in [0, 1, 2, 5] {
            let sums = map_pieces(&items, 7, threads, |p| p.iter().sum::<u32>());
            assert_eq!(sums.len(), 10_000usize.div_ceil(7));
            assert_eq!(sums[0], (0..7).sum::<u32>());
            assert_eq!(sums.iter().sum::<u32>(), items.iter().sum::<u32>());
            assert!(map_pieces(&[] as &[u32], 4, threads, |p| p.len()).is_empty());
        }
    }

    #[test]
    fn a_cap_bounds_the_threads() {
        use std::collections::HashSet;
        use std::sync::Mutex;
        let items: Vec<u32> = (0..64).collect();
        for cap in [1, 2, 3] {
            let seen = Mutex::new(HashSet::new());
            map_pieces(&items, 1, cap, |_| {
                seen.lock().unwrap().insert(std::thread::current().id());
            });
            let used = seen.into_inner().unwrap().len();
            assert!(used <= cap, "help: {used} threads ran under a cap of {cap}");
        }
    }
}
