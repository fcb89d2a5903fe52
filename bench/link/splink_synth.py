"""Splink (DuckDB backend) on `netral synth` files: the peer of `netral link` (KPU profile) in
bench/link/run's speed comparison, run as its own process so that its wall time and peak
memory cover the whole pipeline (reading both CSVs, preparing them, training, predicting,
writing).

Splink has no notion of SIASN rosters or KPU lists, so both sides are first brought to one
schema, as any Splink user would do, in pandas: name (titles stripped, the forms of Muhammad
and Abd. written out, lowercase, under the old-spelling key oe→u, dj→y, tj→c, ch→kh, j→y that
Netral's synthetic data is written with), sex M/F, date of birth ISO, region (roster: NIK
digits 1-4; candidate: tempatTinggal through data/regions/regencies.csv). Each candidate is
one query row (relation self) and, when namaPasangan is filled, a second (relation spouse:
that name, the opposite sex, no date of birth). The model is Splink's standard one: name by
Jaro-Winkler levels with term-frequency adjustments, date of birth, sex, region; prediction
blocking on date of birth + sex, and on the first and on the last name token each with the
region; the prior from a deterministic rule, u by random sampling of 10^6 pairs, m by
expectation maximisation on date of birth + sex, then on name + region among pairs with both
birth dates and the prior held (with 1.5 % of candidates planted, EM left free settles on
"date of birth tells nothing"). Pairs are written in `netral link`'s output columns with
Netral's default bands (`match` from probability 0.99, `review` from 0.20); no
best-pair-per-record step.

    python splink_synth.py roster.csv candidates.csv regencies.csv OUT.csv
"""

import csv
import sys
import time

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

MATCH, REVIEW = 0.99, 0.20  # netral link's default thresholds
MUHAMMAD = r"\b(?:m|moh|muh|mhd|moch)\.|\b(?:mochammad|mohammad|muhamad)\b"


def band(probability):
    return "match" if probability >= MATCH else "review"


def log(started, what):
    print(f"splink: {what} at {time.perf_counter() - started:.1f} s", file=sys.stderr)


def name_key(names: pd.Series, degrees_after_comma: bool) -> pd.Series:
    """Lowercase name without titles, under the old-spelling key."""
    s = names.fillna("").str.lower()
    if degrees_after_comma:
        s = s.str.split(",", n=1).str[0]
    s = s.str.replace(MUHAMMAD, " muhammad ", regex=True)
    s = s.str.replace(r"\babd\.", " abdul ", regex=True)
    # What is left with a dot is a title: "h.", "hj.", "dr.", "ir.hj.", "s.pd.".
    s = s.str.replace(r"\S*\.\S*", " ", regex=True)
    s = s.str.replace(r"[^a-z ]", "", regex=True)
    for old, new in (("oe", "u"), ("dj", "y"), ("tj", "c"), ("ch", "kh"), ("j", "y")):
        s = s.str.replace(old, new, regex=False)
    s = s.str.split().str.join(" ")
    return s.replace("", None)


def prepare(roster_path, candidates_path, regencies_path, started):
    """The roster and the query rows in one schema: unique_id, name, sex, dob, region."""
    roster = pd.read_csv(roster_path, dtype=str, keep_default_na=False,
                         usecols=["nipBaru", "nama", "tglLahir", "jenisKelamin", "nik"])
    candidates = pd.read_csv(candidates_path, dtype=str, keep_default_na=False,
                             usecols=["namaLengkap", "jenisKelamin", "tempatTinggal",
                                      "namaPasangan", "tanggalLahir"])
    log(started, f"read {len(roster)} roster rows, {len(candidates)} candidates")

    regions = {}
    with open(regencies_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["name"].upper().replace("ADMINISTRASI ", "").replace("KABUPATEN ", "KAB. ")
            regions[name] = row["code"].replace(".", "")

    left = pd.DataFrame({
        "unique_id": "r" + roster["nipBaru"],
        "name": name_key(roster["nama"], degrees_after_comma=False),
        "sex": roster["jenisKelamin"].map({"Laki-laki": "M", "Perempuan": "F"}),
        "dob": pd.to_datetime(roster["tglLahir"], format="%d-%m-%Y", errors="coerce")
                 .dt.strftime("%Y-%m-%d"),
        "region": roster["nik"].str[:4].replace("", None),
    })
    line = (candidates.index + 2).astype(str)
    cand_sex = candidates["jenisKelamin"].map({"L": "M", "P": "F"})
    region = candidates["tempatTinggal"].str.upper().map(regions)
    unmapped = candidates["tempatTinggal"][region.isna()].unique()
    if len(unmapped):
        print(f"splink: {len(unmapped)} tempatTinggal values not in regencies.csv, e.g. "
              f"{list(unmapped[:3])}", file=sys.stderr)
    own = pd.DataFrame({
        "unique_id": "c" + line + ":self",
        "name": name_key(candidates["namaLengkap"], degrees_after_comma=True),
        "sex": cand_sex,
        "dob": candidates["tanggalLahir"].replace("", None),
        "region": region,
    })
    has_spouse = candidates["namaPasangan"] != ""
    spouse = pd.DataFrame({
        "unique_id": "c" + line[has_spouse] + ":spouse",
        "name": name_key(candidates["namaPasangan"][has_spouse], degrees_after_comma=True),
        "sex": cand_sex[has_spouse].map({"M": "F", "F": "M"}),
        "dob": None,
        "region": region[has_spouse],
    })
    right = pd.concat([own, spouse], ignore_index=True)
    for frame in (left, right):
        tokens = frame["name"].fillna("").str.split()
        frame["first_token"] = tokens.str[0]
        frame["last_token"] = tokens.str[-1]
        frame["has_dob"] = frame["dob"].notna().map({True: "y", False: None})
    log(started, f"prepared {len(left)} roster rows, {len(right)} query rows")
    return left, right


def main():
    roster_path, candidates_path, regencies_path, out_path = sys.argv[1:5]
    started = time.perf_counter()
    left, right = prepare(roster_path, candidates_path, regencies_path, started)

    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.NameComparison("name").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.ExactMatch("region"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("dob", "sex"),
            block_on("first_token", "region"),
            block_on("last_token", "region"),
            # Not the whole name alone: one-word names (Siti, Sri) make 47 M pairs at 1 M x
            # 50 k, and a pair with neither birth date nor regency never reaches 0.99 anyway.
        ],
        retain_matching_columns=True,
    )
    linker = Linker([left, right], settings, DuckDBAPI(), input_table_aliases=["roster", "query"])
    linker.training.estimate_probability_two_random_records_match(
        [block_on("name", "dob")], recall=0.5)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob", "sex"))
    # Date of birth is trained on pairs that have one on both sides (has_dob is "y" or null):
    # with the many candidates who give none, EM on a name block settles on "date of birth
    # tells nothing".
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("name", "region", "has_dob"), fix_probability_two_random_records_match=True)
    log(started, "trained")
    pairs = linker.inference.predict(threshold_match_probability=REVIEW).as_pandas_dataframe()
    log(started, f"predicted {len(pairs)} pairs")

    with open(out_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["candidate_id", "relation", "roster_id", "band", "score",
                         "probability", "candidate_name", "roster_name", "explanation"])
        for row in pairs.itertuples(index=False):
            if row.source_dataset_l == "query":
                query, nip, qname, rname = row.unique_id_l, row.unique_id_r, row.name_l, row.name_r
            else:
                query, nip, qname, rname = row.unique_id_r, row.unique_id_l, row.name_r, row.name_l
            line_no, relation = query[1:].split(":")
            writer.writerow([line_no, relation, nip[1:], band(row.match_probability),
                             f"{row.match_weight:.3f}", f"{row.match_probability:.6f}", qname,
                             rname, "splink"])
    log(started, "written")


if __name__ == "__main__":
    main()
