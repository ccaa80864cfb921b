"""The benchmark's keys, their targets, and the printed table."""

from __future__ import annotations

import math
from typing import Any

#: Every key of the JSON result with its target (all are "at most").
TARGETS: dict[str, float] = {
    "startup_ratio": 1.15,
    "open_student_5000_ratio": 1.2,
    "step_p95_ms": 40,
    "image_preview_ratio": 0.5,
    "image_preview_ms": 100,
    "ui_lag_max_ms": 40,
    "save_p95_ms": 10,
    "save_flat_ratio": 1.5,
    "picker_1000_ms": 1000,
    "picker_5000_ms": 600,
    "overview_1000_ms": 1000,
    "validate_1000_s": 5,
    "peak_rss_mib": 150,
    "conference_rss_growth": 1.10,
    "roster_import_1000_s": 2,
    "schedule_1000_ms": 2000,
    "portfolio_save_p95_ms": 20,
    "take_home_pdf_ms": 1500,
    "take_home_pdf_rss_mib": 150,
    "report_1000_s": 10,
    "report_rss_mib": 150,
    "language_switch_ms": 100,
    "export_5000_rss_ratio": 1.5,
    "serve_tab_rss_mib": 80,
    "serve_first_paint_s": 3,
}
KEYS = tuple(TARGETS)


def passes(key: str, value: float) -> bool:
    """True when ``value`` meets the target of ``key``."""
    return not math.isnan(value) and value <= TARGETS[key]


def print_table(values: dict[str, float], title: str) -> None:
    """Print key, value, target and pass/fail, one line each."""
    print(f"\n{title}")
    print(f"{'key':<24} {'value':>10} {'target':>10}  result")
    print("-" * 54)
    for key in KEYS:
        value = values[key]
        verdict = "pass" if passes(key, value) else "FAIL"
        print(f"{key:<24} {_number(value):>10} {'<= ' + _number(TARGETS[key]):>10}  {verdict}")
    failed = [key for key in KEYS if not passes(key, values[key])]
    print("-" * 54)
    print(f"{len(KEYS) - len(failed)} of {len(KEYS)} targets met")


def _number(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def summary(details: dict[str, Any], elapsed: float) -> str:
    """The supporting figures (medians unless said) under the table, as text."""
    lines = ["", "details:"]
    for name, value in details.items():
        if isinstance(value, float):
            lines.append(f"  {name}: {_number(value)}")
        else:
            lines.append(f"  {name}: {value}")
    lines.append(f"  benchmark wall time: {elapsed:.1f} s")
    return "\n".join(lines)
