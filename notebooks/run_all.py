#!/usr/bin/env python3
"""Executes every notebook of this folder (NN-*.ipynb, in order) with nbclient and exits non-zero
if any cell of any notebook fails. Used by .ci/run after `mvn -B verify`.

    python3 notebooks/run_all.py                  # all notebooks
    python3 notebooks/run_all.py 01 03            # those whose name starts with 01 or 03
    python3 notebooks/run_all.py --save /tmp/nb   # also write the executed copies there (to look at)
    python3 notebooks/run_all.py --strip          # remove outputs from the committed notebooks, then exit

Committed notebooks carry no outputs: a notebook with outputs or execution counts fails the run
(fix with --strip).
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent


def has_outputs(nb) -> bool:
    return any(c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)
               for c in nb.cells)


def strip(nb) -> None:
    for c in nb.cells:
        if c.cell_type == "code":
            c["outputs"] = []
            c["execution_count"] = None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("prefixes", nargs="*", help="run only notebooks whose name starts with one of these")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    ap.add_argument("--save", type=Path, help="folder to write the executed notebooks into")
    ap.add_argument("--strip", action="store_true", help="strip outputs from the notebooks in place and exit")
    args = ap.parse_args()

    notebooks = sorted(p for p in HERE.glob("[0-9][0-9]-*.ipynb")
                       if not args.prefixes or any(p.name.startswith(x) for x in args.prefixes))
    if not notebooks:
        print("no notebooks found", file=sys.stderr)
        return 1
    if args.strip:
        for p in notebooks:
            nb = nbformat.read(p, as_version=4)
            if has_outputs(nb):
                strip(nb)
                nbformat.write(nb, p)
                print("stripped", p.name)
        return 0

    passed, failed = [], []
    for p in notebooks:
        nb = nbformat.read(p, as_version=4)
        if has_outputs(nb):
            print(f"FAIL {p.name}: committed with outputs (run: python3 notebooks/run_all.py --strip)", flush=True)
            failed.append(p.name)
            continue
        t0 = time.perf_counter()
        executed = copy.deepcopy(nb)
        # The kernel listens on loopback only (127.0.0.1), as Jupyter does by default.
        client = NotebookClient(executed, timeout=args.timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(HERE)}})
        try:
            client.execute()
            passed.append(p.name)
            print(f"ok   {p.name} ({time.perf_counter() - t0:.1f} s)", flush=True)
        except CellExecutionError as e:
            failed.append(p.name)
            print(f"FAIL {p.name} ({time.perf_counter() - t0:.1f} s)\n{e}", flush=True)
        except Exception as e:  # kernel died, timeout, ...
            failed.append(p.name)
            print(f"FAIL {p.name} ({time.perf_counter() - t0:.1f} s): {type(e).__name__}: {e}", flush=True)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            nbformat.write(executed, args.save / p.name)
    print(f"notebooks: {len(passed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
