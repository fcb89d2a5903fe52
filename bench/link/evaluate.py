"""Precision, recall and F1 of a `netral link` output file (or a Splink run written in the same
columns) against the truth, computed from the files every time so that bench/link/run prints
only measured figures.

The output file has `candidate_id,relation,roster_id,band,score,probability,...`; a row is a
proposed link, `band` is `match` (above the match threshold) or `review`. Figures count the
`match` rows; the true pairs that `match` misses but a `review` row proposes are counted apart
(what a reviewer would still find). A (candidate, roster, relation) proposed twice counts once.
`best_f1` is the F1 the file would have with the match threshold moved to the best probability
(`best_at`) among its rows: an upper bound that no engine gets without knowing the truth.

    python evaluate.py febrl OUT.csv A.csv B.csv [--show N]
        truth: rec-N-org in A and rec-N-dup-0 in B are one person (relation ignored);
        --show N prints N missed true pairs and N false matches with both records.
    python evaluate.py synth OUT.csv candidates-truth.csv [--show N]
        truth: (line, nip, relation) of candidates-truth.csv; candidate_id is the line;
        `false_identical`: false matches whose two rows agree on every field the list gives
        (see `identical_to_roster`); `calibration`: see `calibration`; --show N prints the candidates.csv line and roster.csv
        row (files beside the truth).
    python evaluate.py synth-ceiling candidates-truth.csv
        the planted links a stranger on the roster is indistinguishable from (see
        `synth_ceiling`): an upper bound on any engine's recall at precision 1.

Prints one line of key=value figures on stdout (for the run script), details on stderr.
"""

import csv
import os
import re
import sys

csv.field_size_limit(1 << 24)


def read_links(path, with_relation):
    """{band: set of (candidate, roster[, relation])} and the rows by key."""
    bands = {"match": set(), "review": set()}
    rows = {}
    bad = 0
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        need = {"candidate_id", "relation", "roster_id", "band"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            sys.exit(f"{path}: missing columns {sorted(missing)} (has {reader.fieldnames})")
        for row in reader:
            key = (row["candidate_id"], row["roster_id"])
            if with_relation:
                key += (row["relation"],)
            band = row["band"]
            if band not in bands:
                bad += 1
                continue
            bands[band].add(key)
            try:
                probability = float(row.get("probability") or "nan")
            except ValueError:
                probability = float("nan")
            row["_p"] = probability
            if key not in rows or probability > rows[key]["_p"]:
                rows[key] = row
    if bad:
        print(f"{path}: {bad} rows with a band other than match/review ignored", file=sys.stderr)
    bands["review"] -= bands["match"]
    return bands, rows


CALIBRATION_BANDS = (0.2, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 1.0)


def calibration(rows, truth):
    """Per band of probability (the last closed): pairs, their mean probability and the share
    of them that are true, as `low-high:n/mean/true` joined by commas. An honest engine's
    share of true pairs is near its mean probability in every band."""
    out = []
    for low, high in zip(CALIBRATION_BANDS, CALIBRATION_BANDS[1:]):
        band = [(row["_p"], key in truth) for key, row in rows.items()
                if low <= row["_p"] < high or (high == 1.0 and row["_p"] == 1.0)]
        if band:
            mean = sum(p for p, _ in band) / len(band)
            share = sum(true for _, true in band) / len(band)
            out.append(f"{low:g}-{high:g}:{len(band)}/{mean:.3f}/{share:.3f}")
    return ",".join(out)


def best_f1(rows, truth):
    """The best F1 over probability thresholds, and that threshold."""
    ranked = sorted(((row["_p"], key in truth) for key, row in rows.items()
                     if row["_p"] == row["_p"]), reverse=True)
    best, at, tp = 0.0, float("nan"), 0
    for n, (probability, true) in enumerate(ranked, 1):
        tp += true
        f1 = 2 * tp / (n + len(truth)) if truth else 0.0
        if f1 > best and (n == len(ranked) or ranked[n][0] < probability):
            best, at = f1, probability
    return best, at


def figures(bands, truth, rows=None):
    match, review = bands["match"], bands["review"]
    tp = len(match & truth)
    fp = len(match) - tp
    fn = len(truth) - tp
    precision = tp / len(match) if match else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    in_review = len((truth - match) & review)
    review_fp = len(review - truth)
    result = {
        "precision": f"{precision:.4f}", "recall": f"{recall:.4f}", "f1": f"{f1:.4f}",
        "tp": tp, "fp": fp, "fn": fn, "truth": len(truth), "match_rows": len(match),
        "missed_in_review": in_review, "review_rows": len(review), "review_false": review_fp,
    }
    if rows is not None:
        best, at = best_f1(rows, truth)
        result["best_f1"] = f"{best:.4f}"
        result["best_at"] = f"{at:.4f}"
    return result


def read_table(path, key):
    with open(path, newline="", encoding="utf-8") as f:
        return {row[key]: row for row in csv.DictReader(f)}


def febrl(args):
    out, a_path, b_path = args[:3]
    a = read_table(a_path, "rec_id")
    b = read_table(b_path, "rec_id")
    number = re.compile(r"^rec-(\d+)-")
    originals = {number.match(r).group(1): r for r in a if number.match(r)}
    truth = set()
    for rec in b:
        m = number.match(rec)
        if m and m.group(1) in originals:
            truth.add((rec, originals[m.group(1)]))
    bands, rows = read_links(out, with_relation=False)
    unknown = {k for k in bands["match"] | bands["review"] if k[0] not in b or k[1] not in a}
    if unknown:
        print(f"{out}: {len(unknown)} proposals name ids not in B (candidate) / A (roster),"
              f" e.g. {sorted(unknown)[:3]}", file=sys.stderr)
    result = figures(bands, truth, rows)
    show = show_count(args)
    if show:
        fields = [c for c in next(iter(a.values())).keys() if c != "rec_id"]

        def record(r):
            return " | ".join(r.get(c, "") for c in fields)

        missed = sorted(truth - bands["match"], key=lambda k: int(number.match(k[0]).group(1)))
        print(f"\n{min(show, len(missed))} of {len(missed)} missed true pairs "
              f"(B candidate / A roster; columns {', '.join(fields)}):", file=sys.stderr)
        for cand, roster in missed[:show]:
            where = "review" if (cand, roster) in bands["review"] else "not proposed"
            print(f"  {cand} -> {roster} [{where}]\n    B: {record(b[cand])}\n"
                  f"    A: {record(a[roster])}", file=sys.stderr)
            if where == "review":
                print(f"    {explain(rows[(cand, roster)])}", file=sys.stderr)
        wrong = sorted(bands["match"] - truth)
        print(f"\n{min(show, len(wrong))} of {len(wrong)} false matches:", file=sys.stderr)
        for cand, roster in wrong[:show]:
            print(f"  {cand} -> {roster}\n    B: {record(b.get(cand, {}))}\n"
                  f"    A: {record(a.get(roster, {}))}\n    {explain(rows[(cand, roster)])}",
                  file=sys.stderr)
    return result


def synth(args):
    out, truth_path = args[:2]
    truth = set()
    with open(truth_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            truth.add((row["line"], row["nip"], row["relation"]))
    bands, rows = read_links(out, with_relation=True)
    result = figures(bands, truth, rows)
    for relation in ("self", "spouse"):
        part = {k for k in truth if k[2] == relation}
        sub = {band: {k for k in keys if k[2] == relation} for band, keys in bands.items()}
        r = figures(sub, part)
        result[f"{relation}_precision"] = r["precision"]
        result[f"{relation}_recall"] = r["recall"]
    # Where the list gives the birth date, name, birth date, sex and regency together are
    # nearly unique; without it no engine can be sure (see synth_ceiling).
    dated = dated_lines(os.path.dirname(truth_path))
    part = {k for k in truth if k[2] == "self" and k[0] in dated}
    found = len(part & bands["match"])
    result["self_dated"] = len(part)
    result["self_dated_recall"] = f"{found / len(part):.4f}" if part else "nan"
    result["calibration"] = calibration(rows, truth)
    wrong = bands["match"] - truth
    result["false_identical"] = len(identical_to_roster(truth_path, wrong)) if wrong else 0
    show = show_count(args)
    if show:
        missed = sorted(truth - bands["match"], key=lambda k: int(k[0]))[:show]
        wrong = sorted(bands["match"] - truth, key=lambda k: int(k[0]))[:show]
        lines, people = synth_records(truth_path, missed + wrong)
        print(f"\n{len(missed)} of {len(truth - bands['match'])} missed true links "
              f"(line, nip, relation):", file=sys.stderr)
        for key in missed:
            where = "review" if key in bands["review"] else "not proposed"
            print(f"  {key} [{where}]\n    candidate: {lines.get(key[0], '?')}\n"
                  f"    roster:    {people.get(key[1], '?')}", file=sys.stderr)
            if key in rows:
                print(f"    {explain(rows[key])}", file=sys.stderr)
        print(f"\n{len(wrong)} of {len(bands['match'] - truth)} false matches:", file=sys.stderr)
        for key in wrong:
            print(f"  {key}\n    candidate: {lines.get(key[0], '?')}\n"
                  f"    roster:    {people.get(key[1], '?')}\n    {explain(rows[key])}",
                  file=sys.stderr)
    return result


def synth_records(truth_path, keys):
    """The candidates.csv lines and roster.csv rows (first nine columns) the keys name, from
    the files beside candidates-truth.csv."""
    folder = os.path.dirname(truth_path)
    wanted_lines = {int(k[0]) for k in keys}
    wanted_nips = {k[1] for k in keys}
    lines, people = {}, {}
    with open(os.path.join(folder, "candidates.csv"), newline="", encoding="utf-8") as f:
        for number, row in enumerate(csv.reader(f), 1):
            if number in wanted_lines:
                lines[str(number)] = " | ".join(row)
    with open(os.path.join(folder, "roster.csv"), newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and row[0] in wanted_nips:
                people[row[0]] = " | ".join(row[:9])
    return lines, people


def identical_to_roster(truth_path, keys):
    """The (line, nip, relation) links whose candidate row and roster row agree on every field
    the list gives: name (lower-cased, punctuation off, front titles and the degrees after the
    first comma taken off; old spellings NOT merged), sex, regency (the NIK's first four
    digits), birth date where the row gives one, academic degrees where the row writes any.
    Proposed for a stranger, such a pair is a false match no engine can avoid without giving
    up the true pairs that look the same. Spouse links compare the spouse's name and the
    opposite sex, and no birth date (the row's is the candidate's). Each simplification makes
    a pair less often identical, so the count is a floor."""
    folder = os.path.dirname(truth_path)
    wanted = {int(k[0]) for k in keys}
    nips = {k[1] for k in keys}
    fronts = {"dr", "prof", "ir", "h", "hj", "kh", "r", "drs", "dra", "ny", "hc"}

    def name_and_degrees(written):
        name, _, back = written.partition(",")
        words = name_words(name).split()
        while words and words[0] in fronts:
            words.pop(0)
        return " ".join(words), title_set(back)

    regencies = {}
    regions = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                           "regions", "regencies.csv")
    with open(regions, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            short = re.sub(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) ", "",
                           row["name"])
            kind = "KOTA" if row["code"][3:5] > "70" else "KAB."
            regencies.setdefault(f"{kind} {short.upper()}", set()).add(row["code"].replace(".", ""))
    candidates = {}
    with open(os.path.join(folder, "candidates.csv"), newline="", encoding="utf-8") as f:
        for number, row in enumerate(csv.DictReader(f), 2):
            if number in wanted:
                candidates[str(number)] = row
    people = {}
    with open(os.path.join(folder, "roster.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["nipBaru"] in nips:
                people[row["nipBaru"]] = row
    same = set()
    for key in keys:
        line, nip, relation = key
        c, r = candidates.get(line), people.get(nip)
        if c is None or r is None:
            continue
        written = c["namaLengkap"] if relation == "self" else c["namaPasangan"]
        name, degrees = name_and_degrees(written)
        sex = c["jenisKelamin"][:1].upper()
        if relation != "self":
            sex = {"L": "P", "P": "L"}.get(sex, sex)
        born = c.get("tanggalLahir", "") if relation == "self" else ""
        if (name == name_words(r["nama"])
                and sex == r["jenisKelamin"][:1].upper().replace("W", "P")
                and r["nik"][:4] in regencies.get(c["tempatTinggal"].strip().upper(), set())
                and (not born or "-".join(reversed(r["tglLahir"].split("-"))) == born)
                and (not degrees or degrees == title_set(r["gelarBelakang"]))):
            same.add(key)
    return same


def explain(row):
    return (f"score={row.get('score', '')} p={row.get('probability', '')} "
            f"'{row.get('candidate_name', '')}' ~ '{row.get('roster_name', '')}': "
            f"{row.get('explanation', '')}")


def synth_ceiling(args):
    """How many planted links no engine can tell from a stranger: the roster holds another
    civil servant identical to the true one on every field the candidate list gives for that
    link — name (lower-cased, punctuation off, spellings NOT merged), sex, regency (the NIK's
    first four digits), academic degrees as a set, and birth date where the candidate row
    gives one (spouse links never do: the date on the row is the candidate's own). Each
    simplification makes a twin rarer, so `ceiling_recall` (the share of links without a
    twin) is an upper bound on the recall any engine reaches at precision 1: with k people
    alike, the best it can do is pick one of them."""
    (truth_path,) = args[:1]
    folder = os.path.dirname(truth_path)
    with open(truth_path, newline="", encoding="utf-8") as f:
        truth = [(row["line"], row["nip"], row["relation"]) for row in csv.DictReader(f)]
    dated = dated_lines(folder)

    keys, count = {}, {}
    with open(os.path.join(folder, "roster.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (name_words(row["nama"]), row["jenisKelamin"], row["nik"][:4],
                   title_set(f"{row['gelarDepan']},{row['gelarBelakang']}"))
            keys[row["nipBaru"]] = (key, row["tglLahir"])
            count[key] = count.get(key, 0) + 1
            count[key + (row["tglLahir"],)] = count.get(key + (row["tglLahir"],), 0) + 1
    ambiguous = {"self": 0, "spouse": 0}
    planted = {"self": 0, "spouse": 0}
    for line, nip, relation in truth:
        key, born = keys[nip]
        if relation == "self" and line in dated:
            key += (born,)
        planted[relation] += 1
        ambiguous[relation] += count[key] > 1
    total = sum(planted.values())
    result = {"planted": total, "ambiguous": sum(ambiguous.values()),
              "ceiling_recall": f"{1 - sum(ambiguous.values()) / total:.4f}" if total else "nan"}
    for relation in planted:
        result[f"{relation}_planted"] = planted[relation]
        result[f"{relation}_ambiguous"] = ambiguous[relation]
    return result


def name_words(text):
    """A name lower-cased, punctuation off, words separated by single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def title_set(text):
    """Comma-separated titles as a set: lower-case, without spaces or outer dots."""
    titles = text.lower().replace(" ", "").split(",")
    return frozenset(t.strip(".") for t in titles if t.strip("."))


def dated_lines(folder):
    """The lines of candidates.csv (in `folder`) that give a birth date."""
    dated = set()
    with open(os.path.join(folder, "candidates.csv"), newline="", encoding="utf-8") as f:
        for number, row in enumerate(csv.DictReader(f), 2):
            if row.get("tanggalLahir"):
                dated.add(str(number))
    return dated


def show_count(args):
    return int(args[args.index("--show") + 1]) if "--show" in args else 0


def main():
    kind, args = sys.argv[1], sys.argv[2:]
    result = {"febrl": febrl, "synth": synth, "synth-ceiling": synth_ceiling}[kind](args)
    print(" ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
