"""Benchmark: build the largest sample contract in-process, against the floor of zipping its parts.

Run: `.venv/bin/python bench/assemble.py`. Prints the warm median build time, the floor (writing the
same DOCX's parts into a new zip with zipfile, as the build does) and their ratio. Target: ratio <= 3.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 200


def largest_sample() -> Path:
    """The sample profile whose contract is the biggest DOCX."""
    sizes = {p: len(render_docx(assemble(load_profile(p)))) for p in (ROOT / "sample_profiles").glob("*.yaml")}
    return max(sizes, key=sizes.get)


def median_seconds(action, rounds: int = ROUNDS) -> float:
    """Median wall time of `action` after a warm-up round."""
    action()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    path = largest_sample()
    profile = load_profile(path)
    data = render_docx(assemble(profile))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]

    def floor() -> None:
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as out:
            for info, content in parts:
                out.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)

    build = median_seconds(lambda: render_docx(assemble(profile)))
    base = median_seconds(floor)
    print(f"profile: {path.name} ({len(data):,} bytes, {len(profile.deliverables)} deliverables)")
    print(f"build (assemble + render_docx), warm median: {build * 1000:.2f} ms")
    print(f"floor (zip the same parts), median:          {base * 1000:.2f} ms")
    print(f"ratio: {build / base:.2f}x (target <= 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
