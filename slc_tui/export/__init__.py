"""Exports of conference records: CSV, JSON and the take-home summary."""
