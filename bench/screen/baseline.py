"""Python baseline for bench/screen: the same matching as `netral screen` in plain CPython.

json.loads per line, a normalisation of the same kind (lowercase, punctuation out, tripled
letters once, numbers without leading zeros, the shared slang words for ballot talk), one
pyahocorasick automaton over the phrases `netral screen --export-patterns` wrote, whole words
only, and the campaign-call-near-a-candidate rule (call within 5 words of a candidate, party,
nickname or number). Prints `records=N seconds=S flagged=F`.
"""
import json
import re
import sys
import time

import ahocorasick

WORDS = {
    "no": "nomor", "nmr": "nomor", "nomer": "nomor", "paslon": "calon", "pslon": "calon",
    "cblos": "coblos", "nyoblos": "coblos", "plh": "pilih", "pilihlah": "pilih", "milih": "pilih",
    "menangin": "menangkan", "allin": "all in", "jgn": "jangan", "yg": "yang",
    "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
}
LEET = str.maketrans("4310571", "aeiosti")
SPLIT = re.compile(r"[^0-9a-z#]+")
TRIPLE = re.compile(r"([a-z])\1{2,}")
WINDOW = 5


def normalise(text):
    out = []
    for word in SPLIT.split(text.lower()):
        if not word:
            continue
        if word.isdigit():
            out.append(word.lstrip("0") or "0")
            continue
        if any(c.isdigit() for c in word) and not word.startswith("#"):
            word = word.translate(LEET)
        word = TRIPLE.sub(r"\1", word)
        out.append(WORDS.get(word, word))
    return " " + " ".join(out)


def main(patterns_path, activity_path):
    automaton = ahocorasick.Automaton()
    with open(patterns_path, encoding="utf-8") as f:
        for line in f:
            kinds, phrase = line.rstrip("\n").split("\t")
            kinds = set(kinds.split(","))
            automaton.add_word(" " + phrase, (len(phrase) + 1, kinds))
    automaton.make_automaton()
    mention = {"candidate", "nickname", "party", "number"}
    records = flagged = 0
    started = time.perf_counter()
    with open(activity_path, encoding="utf-8") as f:
        for line in f:
            records += 1
            try:
                record = json.loads(line)
            except ValueError:
                continue
            text = normalise(record.get("text") or "")
            calls, mentions = [], []
            for end, (length, kinds) in automaton.iter(text):
                if end + 1 < len(text) and text[end + 1] != " ":
                    continue
                start = end - length + 1
                word = text.count(" ", 0, start + 1) - 1
                if "call" in kinds:
                    calls.append(word)
                if kinds & mention:
                    mentions.append(word)
            if any(abs(c - m) <= WINDOW + 1 for c in calls for m in mentions):
                flagged += 1
    seconds = time.perf_counter() - started
    print(f"records={records} seconds={seconds:.3f} flagged={flagged}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
