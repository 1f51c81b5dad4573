"""axe-core accessibility checks, with axe's JavaScript from the pinned
axe-playwright-python package (nothing is downloaded at run time)."""

import json
from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
BLOCKING_IMPACTS = {"serious", "critical"}


def axe_violations(page, impacts=BLOCKING_IMPACTS):
    """axe-core violations on the page as it is now: serious and critical ones, or of
    every impact with `impacts=None`."""
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if impacts is None or v["impact"] in impacts]


def assert_accessible(page, impacts=BLOCKING_IMPACTS):
    violations = axe_violations(page, impacts)
    summary = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
    ]
    assert not violations, json.dumps(summary, indent=2)
