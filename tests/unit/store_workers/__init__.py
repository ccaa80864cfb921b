"""Helper scripts run as subprocesses by the store's crash and concurrency tests."""
