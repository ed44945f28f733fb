#!/usr/bin/env python3
"""Runs a query set (default: the development set) against a live search-service and prints
accuracy per field and overall, by the rules of the data README:

- service: the match names exactly that service, and every result is of it;
- category (no service): the match is that category (or services all inside it), and so is every result;
- services: the match and every result lie inside the set, and a query naming several services gets
  each of the named ones it can (the match holds at least two of the set);
- the constraint fields compare with what the service parsed (`parsed`), a null meaning "not said";
- no_error: any answer below 500 (a 4xx where http_status says so).

With --truth, every returned result is also checked against the sources of truth, catalog-service and
booking-service (results-truth mode): the offering exists, is active and its instructor too; the rate is
within the asked bounds; the service (or category) is one the query asked for; the area, online / in
person / at the student's home, level, age group and lesson length are offered; each of `nextStarts` is
a start booking-service would book; and one lies in the asked day and time. A constraint named in
`relaxed` is not checked. An answer with no results where the expectation is not empty is a violation.
Violations are printed by constraint.

Exit status 1 when a floor is missed: --floor % of queries fully right (default 100), 100% of
specific-service queries returning no other service, 0 server errors, and with --truth 0 violations.
"""
import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import date, datetime, time as clock, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

FIELDS = ["service", "category", "services", "max_price", "min_price", "date", "time_of_day",
          "duration_min", "level", "location", "online", "location_type", "time_after", "time_before"]
NEW_YORK = ZoneInfo("America/New_York")
DAY_PARTS = {"morning": (6, 12), "afternoon": (12, 17), "evening": (17, 22)}


def fetch(base, query, limit):
    return get(base + "/api/v1/search?" + urllib.parse.urlencode({"q": query, "limit": limit}))


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 429:
            # search-service and booking-service limit reads per client (a burst, then a steady rate): wait as
            # they say.
            time.sleep(int(e.headers.get("Retry-After", "1")))
            return get(url)
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
    if field == "location_type":
        return p.get("locationType")
    if field in ("time_after", "time_before"):
        v = p.get("timeAfter" if field == "time_after" else "timeBefore")
        return None if v is None else v[:5]
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


class Truth:
    """Checks returned results against catalog-service and booking-service."""

    def __init__(self, catalog, booking, areas_file):
        self.catalog = catalog
        self.booking = booking
        self.instructors = {}
        self.bookable = {}
        with open(areas_file) as f:
            self.borough_of = {}
            for b in json.load(f)["boroughs"]:
                self.borough_of[area_key(b["name"])] = area_key(b["name"])
                for n in b["neighbourhoods"]:
                    self.borough_of[area_key(n)] = area_key(b["name"])

    def instructor(self, instructor_id):
        if instructor_id not in self.instructors:
            status, body = get(f"{self.catalog}/api/v1/instructors/{instructor_id}")
            self.instructors[instructor_id] = body if status == 200 else None
        return self.instructors[instructor_id]

    def offered(self, match):
        """Whether any active instructor offers a service the query was matched to (any at all for 'all')."""
        if match["kind"] == "all":
            status, body = get(f"{self.catalog}/api/v1/instructors?limit=1")
            return status == 200 and body["total"] > 0
        for service in match["services"]:
            status, body = get(f"{self.catalog}/api/v1/instructors?limit=1&service={service['id']}")
            if status == 200 and body["total"] > 0:
                return True
        return False

    def starts(self, instructor_id, minutes, first, last):
        key = (instructor_id, minutes, first, last)
        if key not in self.bookable:
            status, body = get(f"{self.booking}/api/v1/availability/{instructor_id}?"
                               + urllib.parse.urlencode({"from": first.isoformat(), "to": last.isoformat(),
                                                         "duration": minutes}))
            found = set()
            if status == 200:
                for d in body["days"]:
                    found.update(datetime.fromisoformat(t).timestamp() for t in d["startTimes"])
            self.bookable[key] = found
        return self.bookable[key]

    def check(self, expect, body):
        """Returns a list of (constraint, detail) for every violation in the answer."""
        p = body["parsed"]
        relaxed = set(body.get("relaxed") or [])
        out = []
        if not body["results"]:
            if not expect.get("expect_empty") and not expect.get("no_error") and self.offered(body["match"]):
                out.append(("empty", "no results, though active instructors offer what was asked"))
            return out
        allowed = set(expect.get("services") or ([expect["service"]] if expect.get("service") else []))
        for r in body["results"]:
            name = f'{r["instructorName"]} / {r["serviceName"]}'
            who = self.instructor(r["instructorId"])
            if who is None:
                out.append(("active", f"{name}: instructor not active in catalog"))
                continue
            offering = next((o for o in who["offerings"] if o["id"] == r.get("offeringId")), None)
            if offering is None or not offering["active"]:
                out.append(("active", f"{name}: offering {r.get('offeringId')} not active in catalog"))
                continue
            rate = Decimal(str(offering["hourlyRate"]))
            if Decimal(str(r["hourlyRate"])) != rate:
                out.append(("rate", f"{name}: search says {r['hourlyRate']}, catalog {rate}"))
            if "price" not in relaxed:
                if p.get("maxPrice") is not None and rate > Decimal(str(p["maxPrice"])):
                    out.append(("price", f"{name}: {rate} over {p['maxPrice']}"))
                if p.get("minPrice") is not None and rate < Decimal(str(p["minPrice"])):
                    out.append(("price", f"{name}: {rate} under {p['minPrice']}"))
            if allowed and offering["serviceName"] not in allowed:
                out.append(("service", f"{name}: not one of {sorted(allowed)}"))
            elif not allowed and expect.get("category") and r["category"] != expect["category"]:
                out.append(("service", f"{name}: category {r['category']}, asked {expect['category']}"))
            out += self.offering_checks(p, relaxed, who, offering, name)
            out += self.time_checks(p, relaxed, r, offering, name)
        return out

    def offering_checks(self, p, relaxed, who, offering, name):
        out = []
        places = set(offering["locationTypes"])
        loc = p.get("location")
        if loc and not loc.get("nearMe") and "location" not in relaxed:
            wanted = {area_key(a) for a in (loc.get("areas") or [loc.get("text")]) if a}
            mine = {area_key(a) for a in who["areas"]}
            boroughs = {self.borough_of.get(a) for a in mine}
            # A borough asked: any area in it; a neighbourhood: it, or the whole of its borough.
            covered = any(a in boroughs if self.borough_of.get(a) == a else a in mine or self.borough_of.get(a) in mine
                          for a in wanted)
            if not covered or not places & {"studio", "student_home"}:
                out.append(("location", f"{name}: areas {sorted(mine)} do not cover {sorted(wanted)} in person"))
        if "online" not in relaxed:
            if p.get("online") is True and "online" not in places:
                out.append(("online", f"{name}: not taught online"))
            if p.get("online") is False and not places & {"studio", "student_home"}:
                out.append(("online", f"{name}: not taught in person"))
            if p.get("locationType") and p["locationType"] not in places:
                out.append(("online", f"{name}: not at {p['locationType']} ({sorted(places)})"))
        if p.get("level") and "level" not in relaxed and p["level"] not in offering["levels"]:
            out.append(("level", f"{name}: levels {offering['levels']}, asked {p['level']}"))
        age = "teens" if p.get("ageGroup") == "high_school" else p.get("ageGroup")
        if age and "ageGroup" not in relaxed and age not in offering["ageGroups"]:
            out.append(("age", f"{name}: ages {offering['ageGroups']}, asked {age}"))
        if p.get("durationMinutes") and "duration" not in relaxed \
                and p["durationMinutes"] not in offering["durationOptions"]:
            out.append(("duration", f"{name}: {offering['durationOptions']} min, asked {p['durationMinutes']}"))
        return out

    def time_checks(self, p, relaxed, r, offering, name):
        out = []
        minutes = p.get("durationMinutes") if p.get("durationMinutes") and "duration" not in relaxed \
            else min(offering["durationOptions"])
        starts = [datetime.fromisoformat(t) for t in r.get("nextStarts") or []]
        today = datetime.now(NEW_YORK).date()
        window = asked_windows(p, today) if "time" not in relaxed else None
        first = min([s.astimezone(NEW_YORK).date() for s in starts] + [today])
        last = max([s.astimezone(NEW_YORK).date() for s in starts] + [today])
        if window:
            first = min(first, window[0][0].date())
            last = max(last, window[-1][1].date())
        bookable = self.starts(r["instructorId"], minutes, first, last) if starts or window else set()
        for s in starts:
            if s.timestamp() not in bookable:
                out.append(("bookable", f"{name}: {s.isoformat()} is not a start booking-service offers"))
        if window:
            inside = [s for s in starts if any(a <= s and s + timedelta(minutes=minutes) <= b for a, b in window)]
            if not inside:
                exists = any(any(a.timestamp() <= t and t + minutes * 60 <= b.timestamp() for a, b in window)
                             for t in bookable)
                out.append(("time", f"{name}: no start in the asked time "
                            + ("(booking has one)" if exists else "(booking has none either)")))
        return out


def area_key(name):
    """An area as search and catalog compare it: lower case, apostrophes dropped, other punctuation a space."""
    return " ".join("".join(c if c.isalnum() else " " for c in name.lower().replace("'", "")).split())


def asked_windows(p, today):
    """The asked day and time as (start, end) datetimes in New York, or None when none was asked."""
    d = p.get("date")
    after, before, part = p.get("timeAfter"), p.get("timeBefore"), p.get("timeOfDay")
    if not d and not after and not before and not part:
        return None
    first = date.fromisoformat(d["from"]) if d else today
    last = date.fromisoformat(d["to"]) if d else today + timedelta(days=6)
    only = set(d.get("weekdays") or []) if d else set()
    if after or before:
        start = clock.fromisoformat(after) if after else clock(0)
        end = clock.fromisoformat(before) if before else None
    elif part:
        start, end = (clock(DAY_PARTS[part][0]), clock(DAY_PARTS[part][1])) if part in DAY_PARTS else (clock(0), None)
    else:
        start, end = clock(0), None
    out = []
    day = first
    while day <= last:
        if not only or day.strftime("%A").lower() in only:
            a = datetime.combine(day, start, NEW_YORK)
            b = datetime.combine(day + timedelta(days=1), clock(0), NEW_YORK) if end is None \
                else datetime.combine(day, end, NEW_YORK)
            out.append((a, b))
        day += timedelta(days=1)
    return out


def main():
    here = __file__.rsplit("/deploy/", 1)[0]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8082", help="search-service base URL")
    ap.add_argument("--queries", default=here + "/search-service/src/test/resources/nls-dev-queries.json")
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--verbose", action="store_true", help="print every wrong field")
    ap.add_argument("--truth", action="store_true",
                    help="also check every result against catalog-service and booking-service")
    ap.add_argument("--catalog-url", default="http://127.0.0.1:8081")
    ap.add_argument("--booking-url", default="http://127.0.0.1:8083")
    ap.add_argument("--floor", type=float, default=100.0, help="percent of queries that must be fully right")
    args = ap.parse_args()
    with open(args.queries) as f:
        queries = json.load(f)

    per_field = {}
    fully_right = 0
    specific = specific_clean = 0
    server_errors = 0
    latencies = []
    wrong = []
    truth = Truth(args.catalog_url, args.booking_url, here + "/search-service/src/main/resources/areas/nyc.json") \
        if args.truth else None
    violations = defaultdict(list)
    checked_results = 0
    end_to_end = 0
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
            end_to_end += ok
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
        right = all(ok for ok, _ in verdicts.values())
        fully_right += right
        if truth:
            found = truth.check(expect, body)
            checked_results += len(body["results"])
            for constraint, detail in found:
                violations[constraint].append(f"{q['query']!r}: {detail}")
            end_to_end += right and not found
        if expect.get("service"):
            specific += 1
            allowed = set(expect.get("services") or [expect["service"]])
            returned = {r["serviceName"] for r in body["results"]} | {s["name"] for s in body["match"]["services"]}
            specific_clean += returned <= allowed

    n = len(queries)
    print(f"search evaluation: {n} queries against {args.url}")
    for field, (good, total) in per_field.items():
        print(f"  {field:<13} {good:>3}/{total:<3} {100.0 * good / total:6.1f}%")
    print(f"  fully right   {fully_right:>3}/{n:<3} {100.0 * fully_right / n:6.1f}%   (floor {args.floor:g}%)")
    print(f"  specific-service queries returning only that service: {specific_clean}/{specific}   (floor 100%)")
    print(f"  server errors: {server_errors}   (floor 0)")
    latencies.sort()
    print(f"  client round trip: p50 {latencies[n // 2]:.1f} ms, max {latencies[-1]:.1f} ms")
    if truth:
        total = sum(len(v) for v in violations.values())
        print(f"  results checked against catalog-service and booking-service: {checked_results}, "
              f"violations {total}   (floor 0)")
        for constraint, found in sorted(violations.items(), key=lambda kv: -len(kv[1])):
            print(f"    {constraint:<10} {len(found)}")
        print(f"  right end to end (fields right and no violation): {end_to_end}/{n} {100.0 * end_to_end / n:.1f}%")
    if wrong and (args.verbose or len(wrong) <= 20):
        print("wrong:")
        for w in wrong:
            print("  " + w)
    if truth and violations:
        print("violations:")
        for constraint, found in sorted(violations.items()):
            for v in found[: None if args.verbose else 5]:
                print(f"  [{constraint}] {v}")
    ok = fully_right >= args.floor / 100.0 * n and specific_clean == specific and server_errors == 0 \
        and not (truth and violations)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
