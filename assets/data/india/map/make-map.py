#!/usr/bin/env python3
"""Makes the constituency maps Hastakshar draws (src/map.rs) from the data pack's TopoJSON of
the 543 Lok Sabha constituencies (CC0 + Unlicense; see ../NOTICE.md).

    python3 make-map.py ../../../../shared/data/india/geo/india_lok_sabha_pc_2024.topo.json

    python3 make-map.py ../../../../shared/data/india/geo/india_states_uts.topo.json

writes map-1000.txt (the map page's constituencies, 1000 units wide), and from the states'
file map-states.txt (the petition page's small map, 500 wide). Each is plain text, one record a
line:

    viewBox 0 0 W H
    lines <path>                        state borders and the coast (constituency maps only)
    pc <pc_id> <state_iso> x0 y0 x1 y1 <path>   one constituency: its box and its shape
    st <state_iso> - x0 y0 x1 y1 <path>          one state or union territory

A record `pc - -` is land with no seat (claimed areas), drawn unshaded. The projection is
equirectangular with longitude scaled by the cosine of the middle latitude; boundaries are
simplified with Douglas-Peucker on the shared arcs (so neighbours still meet exactly) and
rounded to whole units, written as relative moves. A constituency too small to survive the
simplification keeps its shape unsimplified.
"""
import json
import math
import sys

# (object in the TopoJSON, file written, width, tolerance in units)
SPECS = {
    "lok_sabha_pc_2024": [("map-1000.txt", 1000, 1.5)],
    "states_uts": [("map-states.txt", 500, 1.5)],
}


def decode(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for a in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in a:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def simplify(pts, tol):
    if len(pts) < 3 or tol <= 0:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = pts[i], pts[j]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        best, at = -1.0, -1
        for m in range(i + 1, j):
            x0, y0 = pts[m]
            if length:
                d = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / length
            else:
                d = math.hypot(x0 - x1, y0 - y1)
            if d > best:
                best, at = d, m
        if best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(pts, keep) if k]


def rel(points, close):
    x, y = points[0]
    moves = []
    for px, py in points[1:]:
        moves.append(f"{px - x} {py - y}")
        x, y = px, py
    return (f"M{points[0][0]} {points[0][1]}l" + " ".join(moves)).replace(" -", "-") + (
        "z" if close else ""
    )


def make(topo, arcs, name, width, tol):
    lons = [p[0] for a in arcs for p in a]
    lats = [p[1] for a in arcs for p in a]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    c = math.cos(math.radians((lat0 + lat1) / 2))
    k = width / ((lon1 - lon0) * c)
    height = round((lat1 - lat0) * k)

    def project(p):
        return ((p[0] - lon0) * c * k, (lat1 - p[1]) * k)

    def rounded(tolerance):
        return [
            [(round(x), round(y)) for x, y in simplify([project(p) for p in a], tolerance)]
            for a in arcs
        ]

    fine, plain = rounded(tol), rounded(0)

    def ring(idxs, source):
        pts = []
        for i in idxs:
            a = source[i] if i >= 0 else source[~i][::-1]
            pts.extend(a if not pts else a[1:])
        out = []
        for p in pts:
            if not out or out[-1] != p:
                out.append(p)
        return out

    geoms = topo["objects"][name]["geometries"]
    states = name == "states_uts"
    uses = {}
    records = []
    for g in geoms:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings_of = [r for poly in polys for r in poly]
        p = g["properties"]
        for r in rings_of:
            for i in r:
                uses.setdefault(i if i >= 0 else ~i, []).append(p.get("state_iso"))
        shapes = [ring(r, fine) for r in rings_of]
        shapes = [s for s in shapes if len(s) >= 4]
        if not shapes:
            shapes = [s for s in (ring(r, plain) for r in rings_of) if len(s) >= 3]
        pts = [q for s in shapes for q in s]
        box = (min(q[0] for q in pts), min(q[1] for q in pts), max(q[0] for q in pts), max(q[1] for q in pts))
        d = "".join(rel(s[:-1] if s[0] == s[-1] else s, True) for s in shapes)
        if states:
            records.append(("st", p["state_iso"], "-", box, d))
        else:
            records.append(("pc", p.get("pc_id") or "-", p.get("state_iso") or "-", box, d))
    lines = []
    for i, users in uses.items():
        if len(users) == 1 or len(set(users)) > 1:
            if len(fine[i]) >= 2:
                lines.append(rel(fine[i], False))
    out = [f"viewBox 0 0 {width} {height}"]
    if not states:
        out.append("lines " + "".join(lines))
    for kind, key, state, box, d in sorted(records, key=lambda r: r[1]):
        out.append(f"{kind} {key} {state} {box[0]} {box[1]} {box[2]} {box[3]} {d}")
    return "\n".join(out) + "\n"


def main():
    for path in sys.argv[1:]:
        topo = json.load(open(path))
        arcs = decode(topo)
        for name, specs in SPECS.items():
            if name not in topo["objects"]:
                continue
            for file, width, tol in specs:
                with open(file, "w") as f:
                    f.write(make(topo, arcs, name, width, tol))


if __name__ == "__main__":
    main()
