"""Long fuzz run: 10,000 generated answers (or the count given) through the profile -> DOCX property.

Run: `.venv/bin/python bench/fuzz.py [EXAMPLES]`. CI runs the same property with 2,000 examples.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "10000"
    env = {**os.environ, "CLAUSEWRIGHT_FUZZ_EXAMPLES": examples}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/test_fuzz_profiles.py"], cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    print(f"{examples} examples in {elapsed:.0f} s ({int(examples) / elapsed:.0f} examples/s)")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
