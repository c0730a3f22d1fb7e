"""The Python peer of bench/serve.ts: the same model served by FastAPI + uvicorn + scikit-learn.

Trains scikit-learn's equivalent of Cairn's automatic preprocessing and logistic model on the same
training file (numbers: median impute, standardize; categories: most-frequent impute, one-hot
ignoring unknowns; then LogisticRegression), and serves single rows the way a FastAPI user writes
it: a pydantic request model, a DataFrame, predict_proba. Prints the port once listening.

    /usr/bin/python3 bench/serve.fastapi.py bench/data/serve/penguins-train.csv species

Debian's python3-fastapi, python3-uvicorn, python3-sklearn, python3-pandas; one uvicorn worker,
like the one Node process it is compared with.
"""

import socket
import sys
import uuid
from typing import List, Optional

import pandas as pd
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

train_file, target = sys.argv[1], sys.argv[2]
train = pd.read_csv(train_file)
X = train.drop(columns=[target])
numbers = [c for c in X.columns if pd.api.types.is_numeric_dtype(X[c])]
categories = [c for c in X.columns if c not in numbers]
model = Pipeline(
    [
        (
            "prep",
            ColumnTransformer(
                [
                    ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numbers),
                    (
                        "cat",
                        Pipeline(
                            [
                                ("impute", SimpleImputer(strategy="most_frequent")),
                                ("onehot", OneHotEncoder(handle_unknown="ignore")),
                            ]
                        ),
                        categories,
                    ),
                ]
            ),
        ),
        ("model", LogisticRegression(max_iter=1000)),
    ]
).fit(X, train[target])
classes = [str(c) for c in model.classes_]


class Row(BaseModel):
    island: Optional[str]
    beak_length_mm: Optional[float]
    beak_depth_mm: Optional[float]
    flipper_length_mm: Optional[float]
    body_mass_g: Optional[float]
    sex: Optional[str]


class Body(BaseModel):
    rows: List[Row]


app = FastAPI()


@app.get("/healthz")
async def healthz():
    return {"status": "ok"}


@app.post("/v1/models/penguins/predict")
async def predict(body: Body):
    frame = pd.DataFrame([r.dict() for r in body.rows], columns=list(X.columns))
    proba = model.predict_proba(frame)
    out = []
    for p in proba:
        best = int(p.argmax())
        out.append(
            {
                "id": str(uuid.uuid4()),
                "prediction": classes[best],
                "proba": {c: float(v) for c, v in zip(classes, p)},
            }
        )
    return {"model": "penguins", "version": None, "predictions": out}


if __name__ == "__main__":
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    print(f"http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(uvicorn.Config(app, fd=sock.fileno(), log_level="warning", access_log=False)).run()
