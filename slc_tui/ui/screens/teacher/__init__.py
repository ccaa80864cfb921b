"""The teacher mode: screens for preparing a class and following up after conferences."""
