#!/usr/bin/env python3
"""Checks what a new user sees on a freshly started platform (./deploy/local/up.sh): a day-and-time
query is answered with instructors free then, not relaxed.

For each query (default: `piano tomorrow evening`, `spanish lessons tomorrow morning`), asks search-service
and checks against booking-service that:
- nothing is relaxed and there are results;
- every result carries `nextStarts`, each one inside the asked day and time (New York) and a start
  booking-service would book for that instructor (`GET /api/v1/availability/{id}`, the offering's
  shortest lesson);

Prints one line per query and exits 1 when any check fails.
"""
import argparse
import importlib.util
import pathlib
import sys
import urllib.parse
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")


def _search_eval():
    """deploy/eval/search-eval.py, whose get() (with its 429 retry) this script shares."""
    path = pathlib.Path(__file__).resolve().parent.parent / "eval" / "search-eval.py"
    spec = importlib.util.spec_from_file_location("search_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


get = _search_eval().get


PARTS = {"morning": (6, 12), "afternoon": (12, 17), "evening": (17, 22)}


def asked_window(query, now):
    """The asked day and time of a `... tomorrow <morning|afternoon|evening>` query, in New York."""
    for part, (first, last) in PARTS.items():
        if query.endswith("tomorrow " + part):
            day = now.date() + timedelta(days=1)
            return [(datetime(day.year, day.month, day.day, first, tzinfo=NEW_YORK),
                     datetime(day.year, day.month, day.day, last, tzinfo=NEW_YORK))]
    raise SystemExit(f"only '... tomorrow morning|afternoon|evening' queries are known: {query!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8082", help="search-service")
    ap.add_argument("--booking-url", default="http://127.0.0.1:8083")
    ap.add_argument("queries", nargs="*", default=["piano tomorrow evening", "spanish lessons tomorrow morning"])
    args = ap.parse_args()
    failed = False
    for query in args.queries:
        now = datetime.now(NEW_YORK)
        windows = asked_window(query, now)
        status, body = get(args.url + "/api/v1/search?" + urllib.parse.urlencode({"q": query, "limit": 50}))
        problems = []
        if status != 200:
            problems.append(f"HTTP {status}")
            body = {"results": [], "relaxed": [], "total": 0}
        if body["relaxed"]:
            problems.append(f"relaxed {body['relaxed']}")
        if not body["results"]:
            problems.append("no results")
        checked = 0
        for r in body["results"]:
            starts = r.get("nextStarts") or []
            if not starts:
                problems.append(f"{r['instructorName']}: no nextStarts")
                continue
            duration = min(r["durations"])
            first_day = windows[0][0].date()
            last_day = windows[-1][1].date()
            s, free = get(f"{args.booking_url}/api/v1/availability/{r['instructorId']}?" + urllib.parse.urlencode(
                {"from": first_day.isoformat(), "to": last_day.isoformat(), "duration": duration}))
            bookable = set()
            if s == 200:
                for d in free["days"]:
                    bookable.update(datetime.fromisoformat(t).timestamp() for t in d["startTimes"])
            for start in starts:
                at = datetime.fromisoformat(start)
                if not any(a <= at and at + timedelta(minutes=duration) <= b for a, b in windows):
                    problems.append(f"{r['instructorName']}: {start} is outside the asked time")
                elif at.timestamp() not in bookable:
                    problems.append(f"{r['instructorName']}: booking-service would not book {start}")
                else:
                    checked += 1
        failed |= bool(problems)
        print(f"{query!r}: {body['total']} results, relaxed {body['relaxed']}, {checked} starts confirmed by "
              f"booking-service" + ("" if not problems else "; PROBLEMS: " + "; ".join(problems[:10])))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
