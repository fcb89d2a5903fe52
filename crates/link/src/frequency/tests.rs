use proptest::prelude::*;

use super::*;
use crate::kpu;

fn record(id: usize, name: &str, region: u64) -> Record {
    Record {
        id: id.to_string(),
        display: name.to_owned(),
        values: vec![
            Value::name(name),
            Value::Date(None),
            Value::Exact(Some(1)),
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
    let chance = |name: &str| frequencies.of_name(0, &Value::name(name), None).unwrap();
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
fn a_name_common_in_its_region_is_counted_common_there() {
    // "Asep Saepudin" is half of region 1 (Sundanese country) and absent from region 2.
    let sample = sample(&[
        ("Asep Saepudin", 1, 50),
        ("Budi Hartono", 1, 50),
        ("Yohanes Wirawan", 2, 1_000),
    ]);
    let frequencies = Frequencies::count(&kpu::schema(), &sample);
    let asep = Value::name("Asep Saepudin");
    let chance = |region| frequencies.of_name(0, &asep, region).unwrap();
    let (country, sunda, bali) = (chance(None), chance(Some(1)), chance(Some(2)));
    // Every name has two words; each of Asep and Saepudin is in 50 of 1,100.
    let word = 51.0 / 1_101.0;
    assert!(close(country, word * word), "{country}");
    // 100 rows of region 1 against 100 pseudo-rows of the country's shares.
    let word_here = (50.0 + 100.0 * word) / 200.0;
    assert!(close(sunda, word_here * word_here), "{sunda}");
    assert!(sunda > 20.0 * country && bali < country, "{sunda} {bali}");
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
            let chance = frequencies.of_name(0, &Value::name(name), None).unwrap();
            let expected = ((count + 1.0) / (rows + 1.0)).max(1.0 / rows);
            prop_assert!(close(chance, expected), "{name}: {chance} against {expected}");
            for region in 0..4 {
                let here = frequencies.of_name(0, &Value::name(name), Some(region)).unwrap();
                prop_assert!((1.0 / rows..=1.0).contains(&here), "{name} in {region}: {here}");
            }
        }
    }
}
