//! The queries' blocking index: which queries hold a key, in two flat arrays.
//!
//! Every roster row looks up several keys, most of them held by no query, in a table far
//! larger than the processor's cache; with a general hash map each lookup waits for memory
//! twice in turn (the bucket, then the key's own list). Here a key's slot holds where its
//! queries start in one shared list, and a row's lookups are made in three passes (prefetch
//! every slot, read the slots and prefetch their lists, copy the lists), so the waits of one
//! row overlap instead of adding up.

/// One key's queries: `postings[start..start + len]`; `len == 0` marks an empty slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

#[derive(Debug, Default)]
pub(crate) struct BlockIndex {
    /// Open addressing with linear probing, at most half full; a key's first slot comes from
    /// its high bits (the keys are hashes already, mixed by a multiplication).
    slots: Vec<Slot>,
    shift: u32,
    postings: Vec<u32>,
}

/// A key found by [`BlockIndex::lookup`]: its queries' place in the shared list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    start: u32,
    len: u32,
}

impl BlockIndex {
    /// The index of `(key, query)` entries; a key's queries are kept in ascending order, each
    /// once.
    pub(crate) fn new(mut entries: Vec<(u64, u32)>) -> BlockIndex {
        entries.sort_unstable();
        entries.dedup();
        let keys = entries.chunk_by(|a, b| a.0 == b.0).count();
        let bits = (keys.max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mut index = BlockIndex {
            slots: vec![Slot::default(); 1 << bits],
            shift: 64 - bits,
            postings: Vec::with_capacity(entries.len()),
        };
        let mask = index.slots.len() - 1;
        for run in entries.chunk_by(|a, b| a.0 == b.0) {
            let key = run[0].0;
            let mut at = index.home(key);
            while index.slots[at].len != 0 {
                at = (at + 1) & mask;
            }
            index.slots[at] = Slot {
                key,
                start: index.postings.len() as u32,
                len: run.len() as u32,
            };
            index.postings.extend(run.iter().map(|&(_, query)| query));
        }
        index
    }

    fn home(&self, key: u64) -> usize {
        (key >> self.shift) as usize
    }

    /// Asks the processor to start loading the slot `key` begins its search at.
    pub(crate) fn prefetch(&self, key: u64) {
        prefetch(&self.slots[self.home(key)]);
    }

    /// The queries holding `key`, if any; starts loading them.
    pub(crate) fn lookup(&self, key: u64) -> Option<Found> {
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        loop {
            let slot = self.slots[at];
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                prefetch(&self.postings[slot.start as usize]);
                return Some(Found {
                    start: slot.start,
                    len: slot.len,
                });
            }
            at = (at + 1) & mask;
        }
    }

    pub(crate) fn queries(&self, found: Found) -> &[u32] {
        &self.postings[found.start as usize..(found.start + found.len) as usize]
    }

    /// The queries holding `key`, none if no query does.
    #[cfg(test)]
    fn get(&self, key: u64) -> &[u32] {
        self.lookup(key).map_or(&[], |found| self.queries(found))
    }
}

/// Asks the processor to start loading the cache line holding `value` (a hint: no effect on
/// what the program computes; nothing on processors without the instruction).
#[inline(always)]
pub(crate) fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and cannot fault; the pointer comes
    // from a reference.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The index answers every key as a map from key to its sorted, distinct queries
        /// would, colliding first slots and absent keys included.
        #[test]
        fn lookups_agree_with_a_map(
            entries in proptest::collection::vec((0u64..64, 0u32..40), 0..300),
            absent in proptest::collection::vec(64u64..128, 0..20),
        ) {
            // Few distinct keys spread over the high bits, so first slots collide.
            let spread = |k: u64| k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let entries: Vec<(u64, u32)> =
                entries.into_iter().map(|(k, q)| (spread(k), q)).collect();
            let mut expected: BTreeMap<u64, Vec<u32>> = BTreeMap::new();
            for &(key, query) in &entries {
                expected.entry(key).or_default().push(query);
            }
            let index = BlockIndex::new(entries);
            for (key, mut queries) in expected {
                queries.sort_unstable();
                queries.dedup();
                prop_assert_eq!(index.get(key), queries.as_slice());
            }
            for key in absent {
                prop_assert!(index.get(spread(key)).is_empty());
            }
        }
    }
}
