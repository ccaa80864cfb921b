"""The services a teacher uses, called the same way by the CLI and the teacher screens.

Class setup, validation, roster import, portfolio and prompts editing, export, forget
and the teacher PIN. Nothing here imports Textual.
"""
