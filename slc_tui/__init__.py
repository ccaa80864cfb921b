"""slc: a terminal app that lets a child lead their own parent-teacher conference."""

__version__ = "0.1.0"
