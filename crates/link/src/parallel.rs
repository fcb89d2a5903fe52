//! Work on a slice shared out among threads.

/// `work` applied to `items` cut into one contiguous part per thread, the parts' outputs
/// concatenated in the items' order.
pub(crate) fn map_parts<T: Sync, U: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&[T]) -> Vec<U> + Sync,
) -> Vec<U> {
    let part = items.len().div_ceil(threads.max(1)).max(1);
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(part)
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("no worker panics"))
            .collect()
    })
}
