//! The academic, religious and noble titles that surround Indonesian names.

/// Titles written before the name. Matched case-insensitively, so `dr.` (medical doctor) and
/// `Dr.` (doctorate) are both recognised, and each keeps its spelling as written.
///
/// Every entry ends in `.` or `)`, which is what lets glued titles ("Ir.Hj.") be split without
/// guessing. Single letters are included only where the convention is settled: `H.` is Haji
/// and `R.` is Raden. Other single letters, such as the `M.` in "M. Yusuf" (Muhammad), are
/// initials and stay part of the name.
pub(super) const FRONT: &[&str] = &[
    "Prof.", "Dr.", "dr.", "drg.", "Drh.", "Drs.", "Dra.", "Ir.", // academic
    "(H.C.)", "(HC)", // honoris causa, written after Dr.
    "H.", "Hj.", "KH.", "K.H.", "Tgk.", "Ust.", // religious
    "R.", "Rr.", "R.A.", "R.M.", // Javanese nobility
    "Ny.",  // married woman
];

/// Titles written after the name. After a comma anything counts as a back title; this list is
/// for recognising the ones people write without a comma ("Siti Rahma S.Pd."), so it only holds
/// forms that cannot be a name word.
pub(super) const BACK: &[&str] = &[
    "S.H.",
    "M.H.",
    "S.E.",
    "M.M.",
    "MBA",
    "S.Si.",
    "M.Si.",
    "S.Pd.",
    "M.Pd.",
    "S.Kom.",
    "S.T.",
    "M.T.",
    "M.Eng.",
    "M.Sc.",
    "M.A.",
    "Ph.D.",
    "S.Sos.",
    "S.IP.",
    "S.Ag.",
    "M.Ag.",
    "Lc.",
    "S.Psi.",
    "S.P.",
    "S.Pi.",
    "S.Hut.",
    "A.Md.",
    "A.Md.Kom.",
    "A.Md.Keb.",
    "A.Md.Kep.",
    "M.Kes.",
    "S.Kep.",
    "Ns.",
    "S.Ked.",
    "S.Farm.",
    "Apt.",
    "Sp.A.",
    "Sp.PD.",
    "Sp.OG.",
    "S.KM.",
];

/// The byte length of the longest front title at the start of `word`, if any.
pub(super) fn front_prefix(word: &str) -> Option<usize> {
    FRONT
        .iter()
        .filter(|title| {
            word.get(..title.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(title))
        })
        .map(|title| title.len())
        .max()
}

/// Whether `word` on its own is a known back title. The final dot is optional because it is
/// often dropped ("S.H, M.H.").
pub(super) fn is_back(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    BACK.iter()
        .any(|title| title.trim_end_matches('.').eq_ignore_ascii_case(word))
}
