"""Results storage: atomic TinyDB files (one per student) and where they live."""
