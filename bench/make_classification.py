#!/usr/bin/env python3
"""Writes the benchmark sets: make_classification as the issues specify, as CSV with a header.

usage: /usr/bin/python3 bench/make_classification.py [n_samples] [out.csv]
"""
import os
import sys

import numpy as np
from sklearn.datasets import make_classification

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else f"bench/data/classification-{n}.csv"
if os.path.exists(out):
    print(f"{out} exists")
    sys.exit(0)
os.makedirs(os.path.dirname(out), exist_ok=True)
X, y = make_classification(n_samples=n, n_features=28, n_informative=20, n_redundant=4,
                           class_sep=0.8, flip_y=0.05, random_state=0)
data = np.column_stack([X, y])
header = ",".join([f"f{i}" for i in range(28)] + ["target"])
tmp = out + ".tmp"
np.savetxt(tmp, data, delimiter=",", header=header, comments="", fmt=["%.9g"] * 28 + ["%d"])
os.replace(tmp, out)
print(f"wrote {out}: {n} rows, {os.path.getsize(out) / 1e6:.0f} MB")
