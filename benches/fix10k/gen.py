"""10,000 small flows for timing `waflow check --fix` against `waflow check`.

Made from testdata/components (one flow per component): every third flow as it is, every
third with a misspelt key ("lable", a safe fix), every third with a trailing comma before
the root's closing brace (a safe fix). Usage: python3 gen.py OUT_DIR (from the repo root
or anywhere: the testdata path is found from this file).
"""
import glob
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sources = sorted(glob.glob(os.path.join(root, "testdata", "components", "*.json")))
texts = [open(p).read() for p in sources]
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for i in range(10000):
    t = texts[i % len(texts)]
    if i % 3 == 1:
        t = t.replace('"label"', '"lable"', 1)
    elif i % 3 == 2:
        body = t.rstrip()
        t = body[:-1].rstrip() + ",\n}\n"
    with open(os.path.join(out, f"f{i:05}.json"), "w") as f:
        f.write(t)
