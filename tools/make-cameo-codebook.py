#!/usr/bin/env python3
"""Write the project's CAMEO codebooks from the official tables.

Usage:
  python3 tools/make-cameo-codebook.py gdelt ../shared/data/cameo > data/codebooks/cameo.tsv
  python3 tools/make-cameo-codebook.py icews ../shared/data/icews/icews-cameo-codes.csv > data/codebooks/cameo-icews.tsv

The official tables give each code's name and Goldstein score (GDELT's and ICEWS's differ on a few codes,
so each source keeps its own). This script adds what every reader of the tables derives by rule: the root
code (first two digits) and the quad class (1 verbal cooperation: roots 01-05; 2 material cooperation:
06-08; 3 verbal conflict: 09-13; 4 material conflict: 14-20), so that the project reads one format. Tests
check the results code by code against the official tables.
"""
import csv, os, sys

def quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

def gdelt(folder):
    names, scores = {}, {}
    with open(os.path.join(folder, "CAMEO.eventcodes.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code, name = line.rstrip("\n").split("\t", 1)
            names[code] = name.strip()
    with open(os.path.join(folder, "CAMEO.goldsteinscale.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code, score = line.rstrip("\n").split("\t")
            scores[code] = float(score)
    return [(code, scores[code], names[code]) for code in names]

def icews(path):
    # ICEWS's table is Latin-1 encoded.
    with open(path, encoding="latin-1", newline="") as f:
        return [(r["code"], float(r["goldstein"]), r["name"].strip()) for r in csv.DictReader(f)]

rows = gdelt(sys.argv[2]) if sys.argv[1] == "gdelt" else icews(sys.argv[2])
out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
out.writerow(["code", "root", "quad_class", "goldstein", "name"])
for code, score, name in rows:
    out.writerow([code, code[:2], quad(int(code[:2])), f"{score:g}", name])
