"""Notes for the end of the run: what ran differently from conformance.md and why."""
WARNINGS: list[str] = []
