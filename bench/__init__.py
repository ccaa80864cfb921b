"""The slc performance benchmark (issue 4): run ``python bench/run.py [--quick] [--json FILE]``."""
