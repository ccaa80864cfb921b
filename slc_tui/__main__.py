"""``python -m slc_tui`` runs the command line."""

from slc_tui.cli import main

raise SystemExit(main())
