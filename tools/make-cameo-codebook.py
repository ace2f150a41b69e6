#!/usr/bin/env python3
"""Write data/codebooks/cameo.tsv from GDELT's official CAMEO tables.

Usage: python3 tools/make-cameo-codebook.py ../shared/data/cameo > data/codebooks/cameo.tsv

The official tables give each code's name and Goldstein score. This file adds what every
reader of the tables derives by rule: the root code (first two digits) and the quad class
(1 verbal cooperation: roots 01-05; 2 material cooperation: 06-08; 3 verbal conflict: 09-13;
4 material conflict: 14-20), so that the project reads one file. A test checks the result
code by code against the official tables.
"""
import sys, os, csv

folder = sys.argv[1]
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

def quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
out.writerow(["code", "root", "quad_class", "goldstein", "name"])
for code in names:
    root = code[:2]
    out.writerow([code, root, quad(int(root)), f"{scores[code]:g}", names[code]])
