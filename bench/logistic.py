#!/usr/bin/env python3
"""Python side of bench/logistic.ts and bench/ridge.ts: loads the benchmark CSV once, then fits
scikit-learn on the first TRAIN rows each time it reads a line "fit" on stdin, answering one JSON
line {seconds (fit only, wall), cpuSeconds (all threads), nIter, score (test accuracy or R²)}.

usage: /usr/bin/python3 bench/logistic.py logistic|ridge CSV TRAIN_ROWS [key=value params...]
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge


def parse(v):
    try:
        return int(v)
    except ValueError:
        return float(v)


def main():
    model_name, path, train_rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    params = dict(kv.split("=", 1) for kv in sys.argv[4:])
    params = {k: parse(v) for k, v in params.items()}
    data = pd.read_csv(path, dtype=np.float64).to_numpy()
    X = np.ascontiguousarray(data[:, :-1])
    y = np.ascontiguousarray(data[:, -1])
    X_train, y_train, X_test, y_test = X[:train_rows], y[:train_rows], X[train_rows:], y[train_rows:]
    print(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "rows": len(y)}), flush=True)
    for line in sys.stdin:
        if line.strip() != "fit":
            continue
        if model_name == "logistic":
            model = LogisticRegression(solver="lbfgs", **params)
        else:
            model = Ridge(**params)
        t0 = time.perf_counter()
        c0 = time.process_time()
        model.fit(X_train, y_train)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
        answer = {"seconds": seconds, "cpuSeconds": cpu, "score": float(model.score(X_test, y_test))}
        if hasattr(model, "n_iter_") and model.n_iter_ is not None:
            answer["nIter"] = [int(v) for v in np.atleast_1d(model.n_iter_)]
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
