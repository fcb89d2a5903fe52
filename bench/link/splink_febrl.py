"""Splink (DuckDB backend) on FEBRL 4: the peer that `netral link --profile febrl` is measured
against in bench/link/run, run as its own process so that its wall time and peak memory cover
the whole pipeline (reading the CSVs, training, predicting, writing).

The model is Splink's standard one for this data set, not one tuned to the answer: name
comparisons with term-frequency adjustments, date of birth, social-security number, address
fields; the prior from deterministic rules, u by random sampling, m by expectation
maximisation on two blocking rules. Pairs are written in `netral link`'s output columns with
Netral's default bands (`match` from probability 0.99, `review` from 0.20), so the same
evaluate.py reads both engines' files. No pair is dropped (no best-pair-per-record step).

    python splink_febrl.py A.csv B.csv OUT.csv
"""

import csv
import sys
import time

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

MATCH, REVIEW = 0.99, 0.20  # netral link's default thresholds


def band(probability):
    return "match" if probability >= MATCH else "review"


def log(started, what):
    print(f"splink: {what} at {time.perf_counter() - started:.1f} s", file=sys.stderr)


def main():
    a_path, b_path, out_path = sys.argv[1:4]
    started = time.perf_counter()
    a = pd.read_csv(a_path, dtype=str, keep_default_na=False).replace("", None)
    b = pd.read_csv(b_path, dtype=str, keep_default_na=False).replace("", None)
    for frame in (a, b):
        # Splink 4.0.17's date-difference levels parse ISO dates whatever datetime_format says,
        # so FEBRL's YYYYMMDD is written as YYYY-MM-DD (invalid dates stay text for the exact and
        # edit-distance levels, and are no date to the difference levels).
        frame["date_of_birth"] = frame["date_of_birth"].str.replace(
            r"^(\d{4})(\d{2})(\d{2})$", r"\1-\2-\3", regex=True)
    settings = SettingsCreator(
        link_type="link_only",
        unique_id_column_name="rec_id",
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True,
                                     invalid_dates_as_null=False),
            cl.LevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.LevenshteinAtThresholds("postcode", [1]),
            cl.JaroWinklerAtThresholds("suburb", [0.9, 0.7]),
            cl.ExactMatch("state"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name"),
            block_on("surname"),
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("postcode"),
        ],
    )
    linker = Linker([a, b], settings, DuckDBAPI(), input_table_aliases=["A", "B"])
    log(started, "loaded")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")],
        recall=0.8,
    )
    log(started, "prior estimated")
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    log(started, "u estimated")
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_name", "surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("date_of_birth"))
    log(started, "trained")
    pairs = linker.inference.predict(threshold_match_probability=REVIEW).as_pandas_dataframe()
    log(started, f"predicted {len(pairs)} pairs")
    names = {}
    for frame in (a, b):
        for rec_id, given, surname in zip(frame.rec_id, frame.given_name, frame.surname):
            names[rec_id] = " ".join(x for x in (given, surname) if x)
    with open(out_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["candidate_id", "relation", "roster_id", "band", "score",
                         "probability", "candidate_name", "roster_name", "explanation"])
        for row in pairs.itertuples(index=False):
            if row.source_dataset_l == "B":
                candidate, roster = row.rec_id_l, row.rec_id_r
            else:
                candidate, roster = row.rec_id_r, row.rec_id_l
            writer.writerow([candidate, "", roster, band(row.match_probability),
                             f"{row.match_weight:.3f}", f"{row.match_probability:.6f}",
                             names.get(candidate, ""), names.get(roster, ""), "splink"])
    log(started, "written")


if __name__ == "__main__":
    main()
