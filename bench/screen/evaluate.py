"""Precision and recall of leads.jsonl against truth.csv, per record (see
netral_screen::evaluate): a record with leads is right when its expected violation is among
them. Prints `precision=P recall=R flagged=F expected=E`."""
import csv
import json
import sys

truth = {}
with open(sys.argv[2], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        truth[int(row["line"])] = row["violation"]
leads = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        lead = json.loads(line)
        leads.setdefault(lead["line"], set()).add(lead["violation"])
expected = sum(1 for v in truth.values() if v)
correct = sum(1 for line, vs in leads.items() if truth.get(line) and truth[line] in vs)
precision = correct / len(leads) if leads else 1.0
recall = correct / expected if expected else 1.0
print(f"precision={precision:.4f} recall={recall:.4f} flagged={len(leads)} expected={expected}")
