#!/usr/bin/env python3
"""Checks the HTML pages of `plan --format html` and `report --all --format html` in a real browser:
headless Chromium (Debian's chromium, installed by scripts/setup.sh).

Usage: check_html.py CLINIC_PLAN_BINARY SAMPLE_FOLDER

Checks that each page is self-contained (no script, no stylesheet link, no external URL), is
well-formed, loads in Chromium without console or network errors, that Chromium's DOM has every
grid item and chart, and that the screenshots really show the grid's colours (patient hours, rep
hours, appointments, rep visits, conflicts in red) and the charts' bars.
Prints "html: N passed, 0 failed" and exits 0, or prints what failed and exits 1.
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

BINARY, SAMPLE = sys.argv[1], sys.argv[2]
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def run(*args):
    result = subprocess.run([BINARY, *args], capture_output=True)
    if result.returncode != 0:
        sys.exit(f"clinic-plan {' '.join(args)} failed ({result.returncode}): {result.stderr.decode()}")


# MARK: - static checks

VOID = {"meta", "br", "rect", "img", "input", "hr", "link", "col", "wbr"}


class Structure(html.parser.HTMLParser):
    """Tag balance and every attribute that could fetch something."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems, self.urls, self.tags = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        for name, value in attrs:
            if name in ("src", "href", "action", "poster", "data") and value and not value.startswith("#"):
                self.urls.append(f"{tag} {name}={value}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()


def static_checks(text, label):
    page = Structure()
    page.feed(text)
    page.close()
    check(not page.problems, f"{label}: unbalanced tags {page.problems[:3]}")
    check(not page.stack, f"{label}: unclosed tags {page.stack[-3:]}")
    check(not page.urls, f"{label}: external references {page.urls[:3]}")
    lowered = text.lower()
    check("<script" not in lowered and "<link" not in lowered and "@import" not in lowered,
          f"{label}: scripts, links or @import found")
    check("url(" not in lowered, f"{label}: CSS url() found")
    # The only URL allowed is the SVG namespace, which names and never fetches.
    others = [u for u in re.findall(r"https?://[^\s\"'<>]+", text) if u != "http://www.w3.org/2000/svg"]
    check(not others, f"{label}: URLs in the page {others[:3]}")
    return page


# MARK: - Chromium

def chromium(*args, profile):
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--force-color-profile=srgb", "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}",
               # Any attempt to reach the network fails visibly in the log.
               "--host-resolver-rules=MAP * ~NOTFOUND", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def browser_errors(log):
    lines = [l for l in log.splitlines() if "CONSOLE" in l or "net::ERR" in l or "Uncaught" in l]
    return lines


def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG, decoded with the standard library."""
    data = Path(path).read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG")
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and color in (2, 6), f"unexpected PNG format depth {depth} color {color}"
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    colors = {}
    for row in rows:
        for x in range(0, stride, channels):
            rgb = (row[x], row[x + 1], row[x + 2])
            colors[rgb] = colors.get(rgb, 0) + 1
    return width, height, colors


def count_near(colors, target, tolerance=4):
    return sum(n for rgb, n in colors.items() if all(abs(a - b) <= tolerance for a, b in zip(rgb, target)))


PATIENT, REP, APPOINTMENT, VISIT, CONFLICT = (219, 232, 251), (220, 240, 214), (59, 111, 182), (63, 138, 54), (198, 40, 40)
BAR_ORANGE = (224, 138, 30)


def main():
    if shutil.which("chromium") is None:
        sys.exit("chromium is not installed: run scripts/setup.sh")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        plan, report = folder / "plan.html", folder / "report.html"
        run("plan", "--data", SAMPLE, "--week", "2026-11-29", "--format", "html", "-o", str(plan))
        run("report", "--all", "--data", SAMPLE, "--from", "2026-11-29", "--format", "html", "-o", str(report))

        plan_page = static_checks(plan.read_text(encoding="utf-8"), "plan.html")
        report_page = static_checks(report.read_text(encoding="utf-8"), "report.html")
        items = [a for t, a in plan_page.tags if t == "div" and "item" in a.get("class", "").split()]
        conflicts = [a for a in items if "conflict" in a["class"].split()]
        check(len(items) == 26 + 11, f"plan.html: {len(items)} grid items, expected 26 appointments + 11 rep visits")
        check(len(conflicts) >= 8, f"plan.html: {len(conflicts)} items in red, expected the deliberate conflicts")
        check(sum(1 for t, a in plan_page.tags if t == "section" and a.get("class") == "doctor") == 10,
              "plan.html: one week grid per doctor expected")
        sections = [a["id"] for t, a in report_page.tags if t == "section" and a.get("class") == "report"]
        check(len(sections) == 14, f"report.html: {len(sections)} report sections, expected 14")
        charts = sum(1 for t, _ in report_page.tags if t == "svg")
        check(charts >= 10, f"report.html: {charts} charts, expected one per countable report")

        # Chromium: the DOM it builds, then screenshots, each with the log checked for errors.
        dom = chromium("--dump-dom", plan.as_uri(), profile=folder / "profile-dom")
        check(dom.returncode == 0, f"chromium --dump-dom failed: {dom.stderr[-500:]}")
        check(not browser_errors(dom.stderr), f"plan.html: browser errors {browser_errors(dom.stderr)[:3]}")
        check(dom.stdout.count('class="item ') == len(items), "Chromium's DOM must hold every grid item")

        for page, size, label in ((plan, "1300,1400", "plan"), (report, "1200,1200", "report")):
            shot = folder / f"{label}.png"
            result = chromium(f"--window-size={size}", f"--screenshot={shot}", page.as_uri(),
                              profile=folder / f"profile-{label}")
            check(result.returncode == 0 and shot.exists(), f"{label}: no screenshot ({result.stderr[-500:]})")
            check(not browser_errors(result.stderr), f"{label}: browser errors {browser_errors(result.stderr)[:3]}")
            if not shot.exists():
                continue
            width, height, colors = png_pixels(shot)
            check((width, height) == tuple(map(int, size.split(","))), f"{label}: screenshot is {width}×{height}")
            for name, color in (("patient hours", PATIENT), ("rep hours", REP), ("appointments", APPOINTMENT),
                                ("conflicts", CONFLICT)):
                check(count_near(colors, color) > 500, f"{label}: screenshot shows no {name} colour {color}")
            if label == "plan":
                check(count_near(colors, VISIT) > 200, "plan: screenshot shows no rep visit colour")
            check(len(colors) > 50, f"{label}: the screenshot looks blank ({len(colors)} colours)")

        # A reports-only page (one report) shows its two-series chart: the second series is orange.
        single = folder / "single.html"
        run("report", "doctor-patients", "--data", SAMPLE, "--from", "2026-11-29", "--format", "html", "-o", str(single))
        static_checks(single.read_text(encoding="utf-8"), "single.html")
        shot = folder / "single.png"
        result = chromium("--window-size=900,700", f"--screenshot={shot}", single.as_uri(), profile=folder / "profile-single")
        check(not browser_errors(result.stderr), f"single: browser errors {browser_errors(result.stderr)[:3]}")
        if shot.exists():
            _, _, colors = png_pixels(shot)
            check(count_near(colors, BAR_ORANGE) > 300, "single: the chart's second series is not drawn")
            check(count_near(colors, APPOINTMENT) > 300, "single: the chart's first series is not drawn")

    for failure in failures:
        print("FAIL:", failure)
    print(f"html: {checks - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
