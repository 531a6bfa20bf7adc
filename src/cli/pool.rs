//! Whole files converted side by side on plain threads, one file per thread at a time.
//!
//! Not rayon's pool: the PDF backend sets paragraphs with rayon, and a rayon worker
//! waiting on that inner work steals other queued work — with whole files queued, it
//! would start another file on the same stack, again and again, until a batch of a
//! thousand files overflowed it. Here each file runs to the end on its own thread, and
//! its inner work goes to rayon's global pool.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` over every item on `threads` threads (0: one per core); results in item order.
pub fn map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_item_once_in_order() {
        let items: Vec<u32> = (0..100).collect();
        for threads in [0, 1, 3, 500] {
            assert_eq!(
                super::map(&items, threads, |x| x * 2),
                (0..100).map(|x| x * 2).collect::<Vec<_>>()
            );
        }
        assert!(super::map(&[] as &[u32], 0, |x| *x).is_empty());
    }
}
