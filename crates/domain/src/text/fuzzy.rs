//! Typo tolerance: two terms match when their Damerau–Levenshtein distance (optimal string
//! alignment: insert, delete, substitute, swap two neighbours) is small for their length.
//! Short words get no slack, since one letter changes their meaning (`dua`/`dia`). Typos seldom
//! touch the first letter, so two terms must start alike (`lebar` is no typo of `sebar`), save
//! for one dropped in front: the nasal prefixes swallow a root's first letter and the stemmer
//! cannot always put it back (`mengumpulkan` → `umpul`, next to `kumpul`).

/// The typos allowed between two terms whose shorter one has `len` letters: none below four,
/// one up to seven, two from eight.
pub fn max_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether `a` and `b` are the same term up to the typos their length allows.
pub fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let limit = max_typos(a.len().min(b.len()));
    if limit == 0 || a.len().abs_diff(b.len()) > limit {
        return false;
    }
    if a.as_bytes()[0] != b.as_bytes()[0] {
        return a.get(1..) == Some(b) || b.get(1..) == Some(a);
    }
    distance(a, b) <= limit
}

/// Damerau–Levenshtein distance (optimal string alignment) between two byte strings; the
/// normalised terms it is meant for are ASCII.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Three rolling rows: two back is what a transposition looks at.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{distance, similar};

    #[test]
    fn distance_counts_each_kind_of_typo_once() {
        assert_eq!(distance("calon", "calon"), 0);
        assert_eq!(distance("calon", "clon"), 1, "deletion");
        assert_eq!(distance("calon", "callon"), 1, "insertion");
        assert_eq!(distance("calon", "salon"), 1, "substitution");
        assert_eq!(distance("suami", "sumai"), 1, "swapped neighbours");
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("spanduk", "spnaduk"), 1);
    }

    #[test]
    fn slack_grows_with_length() {
        assert!(!similar("dua", "dia"), "below four letters: exact only");
        assert!(similar("dua", "dua"));
        assert!(similar("foto", "foot"), "four letters: one typo");
        assert!(!similar("foto", "fiat"));
        assert!(!similar("calon", "salon"), "the first letter must match");
        assert!(similar("umpul", "kumpul"), "unless it was dropped in front");
        assert!(!similar("lumpul", "kumpul"));
        assert!(similar("spanduk", "spandk"), "seven letters: one typo");
        assert!(!similar("spanduk", "spndk"));
        assert!(similar("kampanye", "kampamya"), "eight letters: two typos");
        assert!(!similar("kampanye", "kompenyo"));
        assert!(
            similar("kampanye", "kampnye"),
            "the shorter term sets the slack"
        );
        assert!(!similar("kampanye", "kmpnye"));
    }
}
