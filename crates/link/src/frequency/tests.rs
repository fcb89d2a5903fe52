use proptest::prelude::*;

use super::*;
use crate::kpu;

fn record(id: usize, name: &str, region: u64) -> Record {
    record_of_sex(id, name, region, 1)
}

fn record_of_sex(id: usize, name: &str, region: u64, sex: u64) -> Record {
    Record {
        id: id.to_string(),
        display: name.to_owned(),
        values: vec![
            Value::name(name),
            Value::Date(None),
            Value::Exact(Some(sex)),
            Value::Exact(Some(region)),
            Value::Words(None),
        ],
    }
}

fn sample(groups: &[(&str, u64, usize)]) -> Vec<Record> {
    groups
        .iter()
        .flat_map(|&(name, region, n)| std::iter::repeat_n((name, region), n))
        .enumerate()
        .map(|(i, (name, region))| record(i, name, region))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1e-300)
}

#[test]
fn a_lone_word_is_counted_as_a_whole_name_not_as_a_word_of_longer_names() {
    // "Siti" opens every name, but only one name in ten is "Siti" alone.
    let sample = sample(&[
        ("Siti", 1, 100),
        ("Siti Aminah", 1, 450),
        ("Siti Rahayu", 1, 450),
    ]);
    let frequencies = Frequencies::count(&kpu::schema(), &sample);
    let chance = |name: &str| {
        frequencies
            .of_name(0, &Value::name(name), None, None)
            .unwrap()
    };
    // Names of one word: 101 of 1,001 rows; "Siti" among them: 101 of 101.
    assert!(close(chance("Siti"), 101.0 / 1_001.0), "{}", chance("Siti"));
    // Names of two words: 901 of 1,001; "Siti" 901 of 901, "Aminah" 451 of 901.
    assert!(
        close(chance("Siti Aminah"), 451.0 / 1_001.0),
        "{}",
        chance("Siti Aminah")
    );
    // A word no name of that length holds is rare, not absent: here 1 in 1,001, under the
    // floor of one row of the sample.
    assert!(
        close(chance("Aminah"), 1.0 / 1_000.0),
        "{}",
        chance("Aminah")
    );
}

#[test]
fn a_name_is_counted_among_the_records_of_its_sex() {
    // "Siti" is a fifth of the women and none of the men.
    let people = [
        ("Siti", 2, 100),
        ("Dewi Lestari", 2, 400),
        ("Budi Santoso", 1, 500),
    ];
    let sample: Vec<Record> = people
        .iter()
        .flat_map(|&(name, sex, n)| std::iter::repeat_n((name, sex), n))
        .enumerate()
        .map(|(i, (name, sex))| record_of_sex(i, name, 1, sex))
        .collect();
    let frequencies = Frequencies::count(&kpu::schema(), &sample);
    let siti = Value::name("Siti");
    let chance = |sex| frequencies.of_name(0, &siti, None, sex).unwrap();
    // Among women: one-word names 101 of 501, "Siti" 101 of 101.
    assert!(close(chance(Some(2)), 101.0 / 501.0), "{}", chance(Some(2)));
    // Among men, no one-word name and no Siti: one pseudo-row of 501, under the floor.
    assert!(close(chance(Some(1)), 1.0 / 500.0), "{}", chance(Some(1)));
    // Sex unknown: each sex's chance by its share of the rows.
    let either = 0.5 * 101.0 / 501.0 + 0.5 * (1.0 / 500.0);
    assert!(
        close(chance(None), either),
        "{} against {either}",
        chance(None)
    );
}

#[test]
fn the_halves_counted_apart_and_added_are_the_sample_counted_at_once() {
    let sample = sample(&[
        ("Siti", 1, 7),
        ("Siti Aminah", 2, 4),
        ("I Wayan Sudarsana", 3, 3),
        ("Budi Hartono Putra", 1, 5),
        ("Asep", 2, 1),
    ]);
    let schema = kpu::schema();
    let mut counted = Frequencies::count(&schema, &sample);
    let at_once = Frequencies::tally(&schema, sample.iter(), None);
    counted.calibration = at_once.calibration.clone();
    assert_eq!(counted, at_once);
}

#[test]
fn a_name_common_in_its_region_is_counted_common_there() {
    // "Asep Saepudin" is half of region 1 (Sundanese country) and absent from region 2.
    let sample = sample(&[
        ("Asep Saepudin", 1, 50),
        ("Budi Hartono", 1, 50),
        ("Yohanes Wirawan", 2, 1_000),
    ]);
    let frequencies = Frequencies::count(&kpu::schema(), &sample);
    let asep = Value::name("Asep Saepudin");
    let chance = |region| frequencies.of_name(0, &asep, region, None).unwrap();
    let (country, sunda, elsewhere) = (chance(None), chance(Some(1)), chance(Some(2)));
    // Every name has two words; each of Asep and Saepudin is in 50 of 1,100.
    let word = 51.0 / 1_101.0;
    assert!(close(country, word * word), "{country}");
    // 100 rows of region 1 against 100 pseudo-rows of the country's shares.
    let word_here = (50.0 + 100.0 * word) / 200.0;
    assert!(close(sunda, word_here * word_here), "{sunda}");
    assert!(
        sunda > 20.0 * country && elsewhere < country,
        "{sunda} {elsewhere}"
    );
    // A region the sample lacks falls back to the country's shares.
    assert!(close(chance(Some(99)), country), "{}", chance(Some(99)));
}

proptest! {
    /// Where every name is one word, a name's chance is its own count in the sample (with
    /// one pseudo-row): the words' shares are the whole names' shares.
    #[test]
    fn one_word_names_are_counted_whole(
        picks in proptest::collection::vec((0usize..6, 0usize..3), 1..200),
    ) {
        const NAMES: [&str; 6] = ["Siti", "Tri", "Budi", "Sukri", "Tutik", "Ani Lestari"];
        let records: Vec<Record> = picks
            .iter()
            .enumerate()
            .map(|(i, &(name, region))| record(i, NAMES[name], region as u64))
            .collect();
        let frequencies = Frequencies::count(&kpu::schema(), &records);
        let rows = records.len() as f64;
        for (n, name) in NAMES.iter().enumerate().take(5) {
            let count = picks.iter().filter(|&&(p, _)| p == n).count() as f64;
            let chance = frequencies.of_name(0, &Value::name(name), None, None).unwrap();
            let expected = ((count + 1.0) / (rows + 1.0)).max(1.0 / rows);
            prop_assert!(close(chance, expected), "{name}: {chance} against {expected}");
            for region in 0..4 {
                let here = frequencies.of_name(0, &Value::name(name), Some(region), None).unwrap();
                prop_assert!((1.0 / rows..=1.0).contains(&here), "{name} in {region}: {here}");
            }
        }
    }
}

/// A word of letters only, one per number.
fn word(mut n: usize) -> String {
    let mut out = String::from("K");
    loop {
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}

#[test]
fn names_whose_words_always_go_together_are_counted_commoner_than_their_product() {
    // Every given name comes with one family name only, so the name is as common as each of
    // its words, not as their product; families range from 55 to 199 rows of 3,175.
    let families: Vec<(String, usize)> = (0..25)
        .map(|i| (format!("{} {}", word(i), word(1_000 + i)), 55 + 6 * i))
        .collect();
    let groups: Vec<(&str, u64, usize)> = families
        .iter()
        .map(|(name, n)| (name.as_str(), 1, *n))
        .collect();
    let sample = sample(&groups);
    let frequencies = Frequencies::count(&kpu::schema(), &sample);
    let rows = sample.len() as f64;
    let (name, count) = families
        .iter()
        .find(|(_, n)| *n == 97)
        .expect("a family of 97");
    let chance = frequencies
        .of_name(0, &Value::name(name), None, None)
        .unwrap();
    let Value::Name(Some(key)) = Value::name(name) else {
        panic!("{name} is a name");
    };
    let product = frequencies.product(0, &key, None, 1);
    let actual = *count as f64 / rows;
    assert!(
        chance > 2.0 * product && chance <= actual * 4.0,
        "chance {chance}, product {product}, actual {actual}"
    );
    assert_ne!(frequencies.calibration[0][0], Calibration::NONE);
}

#[test]
fn the_mend_is_a_line_through_the_bins_that_hold_enough() {
    let mut bins = Bins::default();
    // Names the product calls rarer are commoner than it says: log2(actual / predicted) =
    // -1 - 0.25 * bin, from bin -4 (0 bits) to bin -20 (4 bits); one thin bin is ignored.
    for bin in -20..=-4 {
        let predicted = 100.0;
        let actual = predicted * (-1.0 - 0.25 * (f64::from(bin) + 0.5)).exp2();
        bins.0.insert(bin, (predicted, actual));
    }
    bins.0.insert(-30, (0.001, 5.0));
    let fit = bins.fit();
    assert!(
        (fit.slope + 0.25).abs() < 1e-9 && (fit.intercept + 1.0).abs() < 1e-9,
        "{fit:?}"
    );
    // Common names are left alone, rare ones raised.
    assert_eq!(fit.apply(0.25), 0.25);
    assert!((fit.apply(2f64.powi(-20)) - 2f64.powi(-16)).abs() < 1e-12);
    // Too few bins say nothing; a correction that grows with commonness is not taken.
    let mut few = Bins::default();
    few.0.insert(-10, (10.0, 40.0));
    few.0.insert(-5, (10.0, 20.0));
    assert_eq!(few.fit(), Calibration::NONE);
    let mut rising = Bins::default();
    for bin in -12..=-8 {
        rising
            .0
            .insert(bin, (100.0, 100.0 * (f64::from(bin) + 14.0)));
    }
    assert_eq!(rising.fit().slope, 0.0);
}

proptest! {
    /// A mended chance is never below the product, and never falls as the product grows.
    #[test]
    fn the_mend_raises_and_keeps_the_order(
        intercept in -5.0f64..5.0,
        slope in -0.5f64..=0.0,
        a in 1e-12f64..1.0,
        b in 1e-12f64..1.0,
    ) {
        let mend = Calibration { intercept, slope };
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(mend.apply(low) >= low * (1.0 - 1e-12));
        prop_assert!(mend.apply(low) <= mend.apply(high) * (1.0 + 1e-12));
    }
}
