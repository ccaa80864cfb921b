"""The pure domain of slc: portfolios, prompts, the conference state machine and records.

Nothing in here imports Textual or TinyDB (a test enforces it).
"""
