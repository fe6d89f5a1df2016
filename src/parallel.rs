//! Work spread over all cores with the standard library alone: `std::thread::scope` and a
//! shared counter from which threads take the next piece, so a slow piece does not leave
//! the other cores idle. Results come back in input order, whatever the thread count.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to consecutive pieces of `items` (`piece` items each, the last shorter) on
/// every available core; one result per piece, in order. Runs on the calling thread alone
/// when there is one core or a single piece.
pub(crate) fn map_pieces<'a, T, R, F>(items: &'a [T], piece: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a [T]) -> R + Sync,
{
    let pieces: Vec<&'a [T]> = items.chunks(piece.max(1)).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(pieces.len());
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

#[cfg(test)]
mod tests {
    use super::map_pieces;

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<u32> = (0..10_000).collect();
        let sums = map_pieces(&items, 7, |p| p.iter().sum::<u32>());
        assert_eq!(sums.len(), 10_000usize.div_ceil(7));
        assert_eq!(sums[0], (0..7).sum::<u32>());
        assert_eq!(sums.iter().sum::<u32>(), items.iter().sum::<u32>());
        assert!(map_pieces(&[] as &[u32], 4, |p| p.len()).is_empty());
    }
}
