"""Tie the lock files to pyproject.toml's dependency lists.

`make lock` writes a fingerprint of the dependencies into each lock file it compiles;
`make install` refuses a lock file whose fingerprint no longer matches, so a changed
pyproject.toml can never be installed from a stale lock without anyone noticing.
File dates cannot do this: a fresh git clone gives every file the same age.

Usage: python deploy/lockfile.py stamp|check LOCKFILE...
"""

import hashlib
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "# pyproject-dependencies-sha256: "


def fingerprint():
    """A hash of the declared dependencies only: editing ruff or pytest settings
    must not make the lock stale."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
    }
    return hashlib.sha256(json.dumps(declared, sort_keys=True).encode()).hexdigest()


def stamp(path):
    lines = [line for line in path.read_text().splitlines() if not line.startswith(PREFIX)]
    path.write_text("\n".join([PREFIX + fingerprint(), *lines]) + "\n")


def check(path):
    if not path.exists():
        return f"{path.name} is missing: run `make lock`."
    for line in path.read_text().splitlines():
        if line.startswith(PREFIX):
            if line.removeprefix(PREFIX).strip() == fingerprint():
                return None
            break
    return (
        f"{path.name} does not match the dependencies in pyproject.toml: "
        "run `make lock` and commit the result."
    )


def main(action, *names):
    paths = [ROOT / name for name in names]
    if action == "stamp":
        for path in paths:
            stamp(path)
        return 0
    errors = [error for error in map(check, paths) if error]
    for error in errors:
        print(f"ERROR: {error}", file=sys.stderr)  # noqa: T201
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
