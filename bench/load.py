"""Load one URL with wrk (Debian's `wrk`) for a fixed time and read its summary:
requests per second and the p50/p99 latency of `wrk --latency`."""

import re
import shutil
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk_path():
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    return path


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(output):
    """{"rps", "p50_ms", "p99_ms", "errors"} from wrk's text output; errors are
    non-2xx/3xx answers plus socket errors (connect, read, write, timeout)."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:(.*)", output)
    return {
        "rps": rps,
        "p50_ms": to_ms(percentiles["50"]),
        "p99_ms": to_ms(percentiles["99"]),
        "errors": (int(bad.group(1)) if bad else 0)
        + (sum(map(int, re.findall(r"\d+", socket_errors.group(1)))) if socket_errors else 0),
    }


def load(url, *, seconds, connections, threads=2, headers=()):
    command = [wrk_path(), "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
    command.append("--timeout=10s")  # wrk's 2 s default would drop slow answers from p99
    for header in headers:
        command += ["-H", header]
    result = subprocess.run(  # noqa: S603 (our own command line)
        [*command, url], capture_output=True, text=True, check=True
    )
    return parse(result.stdout)
