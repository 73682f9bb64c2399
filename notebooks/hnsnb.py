"""Helpers shared by the notebooks: find the repository, run ./hns, read a run's outputs, and the
small statistics the notebooks need (means with t confidence intervals, log-normal fits, Pareto
fronts). Only the standard library, pandas and numpy (which pandas brings).

Every notebook runs the real command line (``../hns``, which builds the jar when it is missing or
stale) and reads the files it writes (docs/outputs.md); nothing here re-implements the simulator.
"""
from __future__ import annotations

import atexit
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd


def repo_root() -> Path:
    """The repository: the first folder at or above the working directory holding ./hns and pom.xml."""
    here = Path.cwd().resolve()
    for d in (here, *here.parents):
        if (d / "hns").is_file() and (d / "pom.xml").is_file():
            return d
    raise RuntimeError(f"not inside the hns repository (no ./hns at or above {here})")


ROOT = repo_root()
HNS = ROOT / "hns"
# Outputs go to a fresh temporary folder, removed when the kernel exits, or to HNS_NB_OUT (kept);
# never into the repository.
if os.environ.get("HNS_NB_OUT"):
    WORK = Path(os.environ["HNS_NB_OUT"])
else:
    WORK = Path(tempfile.mkdtemp(prefix="hns-notebook-"))
    atexit.register(shutil.rmtree, WORK, ignore_errors=True)


class HnsError(RuntimeError):
    """./hns exited non-zero."""

    def __init__(self, args, code, stderr):
        self.code = code
        self.stderr = stderr
        super().__init__(f"hns {' '.join(map(str, args))} exited {code}: {stderr.strip()[-2000:]}")


class UnknownPolicy(HnsError):
    """The placement policy does not exist in this build (exit code 2, 'unknown placement policy')."""


# Short runs spend most of their time starting the JVM and compiling: C1 only and the serial GC make
# them about twice as fast with the same results (JIT levels do not change what the code computes).
# The performance notebook passes java_opts="" to measure the JVM's defaults; HNS_JAVA_OPTS, when
# set, wins over both.
FAST_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def hns(*args, check: bool = True, timeout: float = 900, java_opts: str | None = FAST_JVM) -> subprocess.CompletedProcess:
    """Runs ./hns with these arguments from the repository root; raises HnsError on failure."""
    env = dict(os.environ)
    if "HNS_JAVA_OPTS" not in os.environ and java_opts is not None:
        env["HNS_JAVA_OPTS"] = java_opts
    p = subprocess.run([str(HNS), *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                       env=env)
    if check and p.returncode != 0:
        if p.returncode == 2 and "unknown placement policy" in p.stderr:
            raise UnknownPolicy(args, p.returncode, p.stderr)
        raise HnsError(args, p.returncode, p.stderr)
    return p


_commands: dict[str, bool] = {}


def has_command(name: str) -> bool:
    """Whether this build of hns has the subcommand: ``hns NAME --help`` prints that command's usage
    (for an unknown NAME, picocli prints the top-level usage instead)."""
    if name not in _commands:
        p = hns(name, "--help", check=False)
        _commands[name] = p.returncode == 0 and p.stdout.lstrip().startswith(f"Usage: hns {name}")
    return _commands[name]


def out(name: str) -> Path:
    """A fresh output folder for one run, under WORK."""
    d = WORK / name
    d.mkdir(parents=True, exist_ok=True)
    return d


@dataclass
class Run:
    """One run's files, read: summary.json as a dict, the CSVs and events.jsonl as DataFrames."""

    dir: Path
    summary: dict
    timeline: pd.DataFrame
    pods: pd.DataFrame
    nodes: pd.DataFrame
    events: pd.DataFrame
    process_wall_s: float = float("nan")
    label: str = ""
    extra: dict = field(default_factory=dict)

    def metric(self, path: str) -> float:
        """A summary.json value by dotted path, e.g. 'cost.total_usd' or 'pod_start_latency_s.all.p95'."""
        v = self.summary
        for k in path.split("."):
            v = v.get(k) if isinstance(v, dict) else None
        return float("nan") if v is None else float(v)


def load_run(d: Path, label: str = "", process_wall_s: float = float("nan")) -> Run:
    d = Path(d)
    summary = json.loads((d / "summary.json").read_text())
    events_file = d / "events.jsonl"
    events = pd.read_json(events_file, lines=True) if events_file.stat().st_size else pd.DataFrame(
        columns=["time_s", "kind", "namespace", "name", "type", "reason", "message"])
    return Run(d, summary, pd.read_csv(d / "timeline.csv"), pd.read_csv(d / "pods.csv"),
               pd.read_csv(d / "nodes.csv"), events, process_wall_s, label)


def simulate(scenario: str | Path = "builtin:seed", out_dir: Path | None = None, policy: str | None = None,
             seed: int | None = None, extra: tuple = (), java_opts: str | None = FAST_JVM) -> Run:
    """``hns simulate SCENARIO --out DIR --quiet [--policy P] [--seed N]``, then the files read.

    Raises UnknownPolicy when the policy does not exist in this build.
    """
    name = Path(str(scenario)).stem.replace("builtin:", "") + (f"-{policy}" if policy else "") + (
        f"-s{seed}" if seed is not None else "")
    d = Path(out_dir) if out_dir else out(name)
    args = ["simulate", str(scenario), "--out", d, "--quiet", *extra]
    if policy:
        args += ["--policy", policy]
    if seed is not None:
        args += ["--seed", seed]
    t0 = time.perf_counter()
    hns(*args, java_opts=java_opts)
    return load_run(d, label=policy or name, process_wall_s=time.perf_counter() - t0)


def policy_available(policy: str, scenario: str = "builtin:seed") -> bool:
    """Whether ``hns simulate --policy NAME`` accepts the policy (a short seed run decides)."""
    try:
        simulate(scenario, out(f"probe-{policy}"), policy=policy)
        return True
    except UnknownPolicy:
        return False


def write_scenario(path: Path, scenario: dict) -> Path:
    """Writes a scenario as JSON, which the YAML reader accepts as it is (JSON is YAML's flow style)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(scenario, indent=1))
    return path


SCALED = re.compile(r"Scaled (up|down) replica set (\S+) from (\d+) to (\d+)")


def scaling_moments(events: pd.DataFrame) -> pd.DataFrame:
    """Deployment scale changes from events.jsonl: time_s, deployment, direction (up, down), replicas_from, replicas_to."""
    rows = []
    for e in events[events.reason == "ScalingReplicaSet"].itertuples():
        m = SCALED.search(e.message)
        if m:
            rows.append((e.time_s, e.name, m.group(1), int(m.group(3)), int(m.group(4))))
    return pd.DataFrame(rows, columns=["time_s", "deployment", "direction", "replicas_from", "replicas_to"])


# ---- statistics ----

# Two-sided 95 % Student t quantiles t(0.975, df) for df = 1..30 (standard tables); 1.96 beyond.
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
         2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
         2.045, 2.042]


def mean_ci95(values) -> tuple[float, float, float]:
    """Mean and its 95 % confidence interval (Student t; a single value gives a zero-width interval)."""
    x = np.asarray(list(values), dtype=float)
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return float("nan"), float("nan"), float("nan")
    m = float(x.mean())
    if len(x) == 1:
        return m, m, m
    t = _T975[len(x) - 2] if len(x) - 1 <= len(_T975) else 1.96
    h = t * float(x.std(ddof=1)) / math.sqrt(len(x))
    return m, m - h, m + h


def pareto_front(df: pd.DataFrame, cost: str, metric: str) -> pd.Series:
    """True for the rows no other row beats on both columns (lower is better for both)."""
    c = df[cost].to_numpy()
    m = df[metric].to_numpy()
    front = []
    for i in range(len(df)):
        dominated = np.any((c <= c[i]) & (m <= m[i]) & ((c < c[i]) | (m < m[i])))
        front.append(not dominated)
    return pd.Series(front, index=df.index)


def lognormal_fit(samples) -> tuple[float, float]:
    """Maximum-likelihood log-normal: mu and sigma of ln(x) (positive samples only)."""
    x = np.asarray(samples, dtype=float)
    x = np.log(x[x > 0])
    return float(x.mean()), float(x.std(ddof=0))


def lognormal_cdf(x, mu: float, sigma: float):
    x = np.atleast_1d(np.asarray(x, dtype=float))
    out = np.zeros_like(x)
    pos = x > 0
    z = (np.log(x[pos]) - mu) / (sigma * math.sqrt(2))
    out[pos] = 0.5 * (1 + np.array([math.erf(v) for v in z]))
    return out


def lognormal_pdf(x, mu: float, sigma: float):
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.exp(-((np.log(x) - mu) ** 2) / (2 * sigma**2)) / (x * sigma * math.sqrt(2 * math.pi))
    return np.where(x > 0, p, 0.0)


def lognormal_quantile(q: float, mu: float, sigma: float) -> float:
    """Quantile via the normal quantile (statistics.NormalDist)."""
    from statistics import NormalDist

    return math.exp(mu + sigma * NormalDist().inv_cdf(q))


def ks_distance(samples, cdf) -> float:
    """Kolmogorov-Smirnov distance between the samples' empirical CDF and a CDF function."""
    x = np.sort(np.asarray(samples, dtype=float))
    n = len(x)
    f = cdf(x)
    return float(max(np.max(np.arange(1, n + 1) / n - f), np.max(f - np.arange(0, n) / n)))
