#!/usr/bin/env python3
"""Runs a query set (default: the development set) against a live search-service and prints
accuracy per field and overall, by the rules of the data README:

- service: the match names exactly that service, and every result is of it;
- category (no service): the match is that category (or services all inside it), and so is every result;
- services: the match and every result lie inside the set, and a query naming several services gets
  each of the named ones it can (the match holds at least two of the set);
- the constraint fields compare with what the service parsed (`parsed`), a null meaning "not said";
- no_error: any answer below 500 (a 4xx where http_status says so).

Exit status 1 when a floor is missed: >= 95% of queries fully right, 100% of specific-service queries
returning no other service, 0 server errors.
"""
import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

FIELDS = ["service", "category", "services", "max_price", "min_price", "date", "time_of_day",
          "duration_min", "level", "location", "online"]


def fetch(base, query, limit):
    url = base + "/api/v1/search?" + urllib.parse.urlencode({"q": query, "limit": limit})
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 429:
            # search-service limits searches per client (a burst, then a steady rate): wait as it says.
            time.sleep(int(e.headers.get("Retry-After", "1")))
            return fetch(base, query, limit)
        body = e.read()
        try:
            return e.code, json.loads(body)
        except ValueError:
            return e.code, None


def plain(v):
    return None if v is None else format(Decimal(str(v)).normalize(), "f")


def parsed_value(field, p, expected):
    if field == "max_price":
        return plain(p.get("maxPrice"))
    if field == "min_price":
        return plain(p.get("minPrice"))
    if field == "date":
        return (p.get("date") or {}).get("keyword")
    if field == "time_of_day":
        return p.get("timeOfDay")
    if field == "duration_min":
        return None if p.get("durationMinutes") is None else str(p["durationMinutes"])
    if field == "level":
        if expected is not None and expected == p.get("ageGroup"):
            return p["ageGroup"]
        return p.get("level") or p.get("ageGroup")
    if field == "location":
        return (p.get("location") or {}).get("text")
    return p.get("online")


def judge(expect, body):
    """Returns {field: (ok, detail)} for the fields this expectation states."""
    out = {}
    match = body["match"]
    matched = [s["name"] for s in match["services"]]
    result_services = {r["serviceName"] for r in body["results"]}
    result_categories = {r["category"] for r in body["results"]}
    if expect.get("service"):
        # With a `services` set, that set is what is acceptable (near-synonyms of the service).
        allowed = set(expect.get("services") or [expect["service"]])
        ok = expect["service"] in matched and set(matched) <= allowed and result_services <= allowed
        out["service"] = (ok, f"matched {matched}, results {sorted(result_services)}")
    if expect.get("services"):
        allowed = set(expect["services"])
        ok = bool(matched) and set(matched) <= allowed and result_services <= allowed
        if ok and len(allowed) > 1 and not expect.get("service") and expect.get("category") is None \
                and len(set(matched)) < 2:
            ok = False
        out["services"] = (ok, f"matched {matched}, results {sorted(result_services)}")
    if expect.get("category") and not expect.get("service"):
        want = expect["category"]
        cat = (match.get("category") or {}).get("name")
        ok = cat == want and result_categories <= {want}
        out["category"] = (ok, f"match category {cat}, results {sorted(result_categories)}")
    elif expect.get("category"):
        cat = (match.get("category") or {}).get("name")
        out["category"] = (cat == expect["category"], f"match category {cat}")
    p = body["parsed"]
    for field in FIELDS[3:]:
        if field not in expect:
            continue
        want = expect[field]
        want = plain(want) if isinstance(want, (int, float)) and not isinstance(want, bool) else want
        got = parsed_value(field, p, want)
        out[field] = (want == got, f"expected {want}, got {got}")
    return out


def main():
    here = __file__.rsplit("/deploy/", 1)[0]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8082", help="search-service base URL")
    ap.add_argument("--queries", default=here + "/search-service/src/test/resources/nls-dev-queries.json")
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--verbose", action="store_true", help="print every wrong field")
    args = ap.parse_args()
    with open(args.queries) as f:
        queries = json.load(f)

    per_field = {}
    fully_right = 0
    specific = specific_clean = 0
    server_errors = 0
    latencies = []
    wrong = []
    for q in queries:
        expect = q["expect"]
        t0 = time.perf_counter()
        status, body = fetch(args.url, q["query"], args.limit)
        latencies.append((time.perf_counter() - t0) * 1000)
        if status >= 500:
            server_errors += 1
        if expect.get("no_error"):
            ok = status < 500 and (expect.get("http_status") is None or 400 <= status < 500)
            per_field.setdefault("no_error", [0, 0])
            per_field["no_error"][1] += 1
            per_field["no_error"][0] += ok
            fully_right += ok
            if not ok:
                wrong.append(f"{q['query'][:60]!r}: HTTP {status}")
            continue
        if status != 200:
            wrong.append(f"{q['query']!r}: HTTP {status}")
            for field in expect:
                per_field.setdefault(field, [0, 0])[1] += 1
            continue
        verdicts = judge(expect, body)
        for field, (ok, detail) in verdicts.items():
            score = per_field.setdefault(field, [0, 0])
            score[1] += 1
            score[0] += ok
            if not ok:
                wrong.append(f"{q['query']!r} → {field}: {detail}")
        fully_right += all(ok for ok, _ in verdicts.values())
        if expect.get("service"):
            specific += 1
            allowed = set(expect.get("services") or [expect["service"]])
            returned = {r["serviceName"] for r in body["results"]} | {s["name"] for s in body["match"]["services"]}
            specific_clean += returned <= allowed

    n = len(queries)
    print(f"search evaluation: {n} queries against {args.url}")
    for field, (good, total) in per_field.items():
        print(f"  {field:<13} {good:>3}/{total:<3} {100.0 * good / total:6.1f}%")
    print(f"  fully right   {fully_right:>3}/{n:<3} {100.0 * fully_right / n:6.1f}%   (floor 95%)")
    print(f"  specific-service queries returning only that service: {specific_clean}/{specific}   (floor 100%)")
    print(f"  server errors: {server_errors}   (floor 0)")
    latencies.sort()
    print(f"  client round trip: p50 {latencies[n // 2]:.1f} ms, max {latencies[-1]:.1f} ms")
    if wrong and (args.verbose or len(wrong) <= 20):
        print("wrong:")
        for w in wrong:
            print("  " + w)
    ok = fully_right >= 0.95 * n and specific_clean == specific and server_errors == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
