#!/usr/bin/env python3
"""Writes the sample traces of this folder (deterministic: fixed seeds). Run: python3 make_samples.py"""
import hashlib
import math
import random
from datetime import datetime, timedelta, timezone

UTC = timezone.utc


def diurnal_flash_crowd():
    # One day at 1-minute resolution, requests per second: a daily cycle (mean 40, +-60 %, peak at
    # 14:00) with 5 % noise, and a flash crowd at 19:30 (+300 req/s in 3 minutes, then decaying with
    # a 15-minute time constant).
    rnd = random.Random(42)
    day = datetime(2024, 3, 12, tzinfo=UTC)
    rows = ["time,rps"]
    for m in range(1440):
        t = day + timedelta(minutes=m)
        base = 40 * (1 + 0.6 * math.cos(2 * math.pi * (m - 14 * 60) / 1440))
        base *= 1 + rnd.uniform(-0.05, 0.05)
        since = m - (19 * 60 + 30)
        crowd = 0.0
        if 0 <= since < 3:
            crowd = 300 * (since + 1) / 3
        elif since >= 3:
            crowd = 300 * math.exp(-(since - 3) / 15)
        rows.append(f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')},{base + crowd:.1f}")
    write("diurnal-flash-crowd.csv", rows)


def steps():
    # Two hours of a step load, relative times in seconds (epoch seconds from 0), one row a minute.
    levels = [(0, 10), (20, 60), (50, 25), (80, 5)]
    rows = ["time_s,rps"]
    for m in range(120):
        rate = [r for start, r in levels if start <= m][-1]
        rows.append(f"{m * 60},{rate}")
    write("steps.csv", rows)


def period_count():
    # The period,count shape (requests per minute, as in web-server log studies), with a 3-minute gap.
    rnd = random.Random(7)
    start = datetime(1998, 4, 30, 21, 30)
    rows = ["period,count"]
    for m in range(30):
        if 12 <= m < 15:
            continue
        rows.append(f"{(start + timedelta(minutes=m)).strftime('%Y-%m-%d %H:%M:%S')},{rnd.randint(0, 6) + (2 if m == 0 else 0)}")
    rows[1] = "1998-04-30 21:30:00,2"
    write("period-count.csv", rows)


def azure_functions():
    # A day of the Azure Functions 2019 layout with five functions of three apps.
    rnd = random.Random(2019)
    h = lambda s: hashlib.sha256(s.encode()).hexdigest()
    owner = h("owner-1")
    funcs = [("app-a", "api", "http"), ("app-a", "checkout", "http"), ("app-b", "nightly", "timer"),
             ("app-b", "resize", "queue"), ("app-c", "ingest", "event")]
    rows = ["HashOwner,HashApp,HashFunction,Trigger," + ",".join(str(i) for i in range(1, 1441))]
    for app, fn, trigger in funcs:
        counts = []
        for m in range(1440):
            if fn == "api":
                c = int(20 * (1 + 0.5 * math.cos(2 * math.pi * (m - 840) / 1440)) + rnd.randint(0, 4))
            elif fn == "checkout":
                c = rnd.randint(0, 3) + (120 if 1170 <= m < 1180 else 0)
            elif fn == "nightly":
                c = 1 if m % 5 == 0 else 0
            elif fn == "resize":
                c = rnd.randint(0, 2)
            else:
                c = 0 if rnd.random() < 0.9 else rnd.randint(1, 9)
            counts.append(str(c))
        rows.append(",".join([owner, h(app), h(app + fn), trigger] + counts))
    write("azure-functions-day.csv", rows)


def llm_requests():
    # The Azure LLM inference layout: one row per request, 7 fractional digits, CRLF line endings,
    # no final newline. Five minutes: a burst, an idle minute, a smaller burst.
    rnd = random.Random(2023)
    t = datetime(2023, 11, 16, 18, 17, 3, 979960)
    end = t + timedelta(minutes=5)
    rows = ["TIMESTAMP,ContextTokens,GeneratedTokens"]
    while t < end:
        minute = (t - datetime(2023, 11, 16, 18, 17)).total_seconds() // 60
        if minute == 2:
            t = datetime(2023, 11, 16, 18, 20, 0, 40000)
            continue
        rate = 4.0 if minute < 2 else 1.5
        rows.append(f"{t.strftime('%Y-%m-%d %H:%M:%S')}.{t.microsecond:06d}0,{rnd.randint(100, 7437)},{rnd.randint(1, 300)}")
        t += timedelta(seconds=rnd.expovariate(rate))
    with open("llm-requests.csv", "w", newline="") as f:
        f.write("\r\n".join(rows))


def recorded():
    # Five minutes of a recording of one workload: load every 10 s, replicas and pods, one VM node
    # added, pods on VM and on the virtual node, events. Times as RFC 3339 text (and one epoch ms).
    start = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
    iso = lambda d: d.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    at = lambda s: start + timedelta(seconds=s)
    lines = [f'{{"t":"{iso(start)}","type":"meta","version":1,"cluster":"aks-demo","interval_ms":10000,"recorder":"sample"}}',
             f'{{"t":"{iso(start)}","type":"node","name":"aks-pool1-0","kind":"vm","pool":"pool1","vm_size":"Standard_DS2_v2","created":"{iso(at(-3600))}","ready":"{iso(at(-3540))}"}}',
             f'{{"t":"{iso(start)}","type":"node","name":"virtual-node-aci-linux","kind":"virtual","created":"{iso(at(-3600))}","ready":"{iso(at(-3590))}"}}']
    for i in range(30):
        s = i * 10
        rps = 20 if s < 60 else 120 if s < 240 else 40
        desired = 2 if s < 70 else 8 if s < 250 else 3
        ready = min(desired, 2 if s < 100 else 5 if s < 160 else desired)
        virtual = 0 if s < 100 else min(4, ready - 2) if s < 250 else 0
        lines.append(f'{{"t":"{iso(at(s))}","type":"load","namespace":"shop","workload":"web","metric":"rps","value":{rps}}}')
        lines.append(f'{{"t":"{iso(at(s))}","type":"load","namespace":"shop","workload":"web","metric":"cpu_millicores","value":{rps * 9}}}')
        lines.append(f'{{"t":"{iso(at(s))}","type":"replicas","namespace":"shop","workload":"web","desired":{desired},"ready":{ready}}}')
        lines.append(f'{{"t":"{iso(at(s))}","type":"pods","namespace":"shop","workload":"web","running_vm":{ready - virtual},"running_virtual":{virtual},"ready_vm":{ready - virtual},"ready_virtual":{virtual},"pending":{desired - ready}}}')
        if s == 70:
            lines.append(f'{{"t":"{iso(at(s))}","type":"event","event_type":"Normal","reason":"ScalingReplicaSet","object":"Deployment/shop/web","message":"Scaled up replica set web-5d8f to 8"}}')
            for p in range(3):
                lines.append(f'{{"t":"{iso(at(s))}","type":"pod","name":"web-5d8f-v{p}","namespace":"shop","workload":"web","created":"{iso(at(s))}"}}')
        if s == 80:
            lines.append(f'{{"t":"{iso(at(s))}","type":"event","event_type":"Normal","reason":"TriggeredScaleUp","object":"Pod/shop/web-5d8f-m0","message":"pod triggered scale-up: [{{aks-pool1 1->2 (max: 5)}}]"}}')
            for p in range(3):
                lines.append(f'{{"t":"{iso(at(s))}","type":"pod","name":"web-5d8f-v{p}","namespace":"shop","node":"virtual-node-aci-linux","node_kind":"virtual","scheduled":"{iso(at(s))}"}}')
        if s == 100:
            for p in range(3):
                lines.append(f'{{"t":"{iso(at(s))}","type":"pod","name":"web-5d8f-v{p}","namespace":"shop","running":"{iso(at(s - 3 + p))}","ready":"{iso(at(s + p))}"}}')
        if s == 150:
            ms = int(at(s).timestamp() * 1000)
            lines.append(f'{{"t":{ms},"type":"node","name":"aks-pool1-1","kind":"vm","pool":"pool1","vm_size":"Standard_DS2_v2","created":"{iso(at(85))}","ready":"{iso(at(148))}"}}')
        if s == 250:
            lines.append(f'{{"t":"{iso(at(s))}","type":"pod","name":"web-5d8f-v0","namespace":"shop","deleted":"{iso(at(s))}"}}')
    write("recorded.jsonl", lines)


def write(name, rows):
    with open(name, "w", newline="") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    diurnal_flash_crowd()
    steps()
    period_count()
    azure_functions()
    llm_requests()
    recorded()
