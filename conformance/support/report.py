"""What the end of the run reports: checks that ran differently from conformance.md and why
(WARNINGS), and facts the README lists (NOTES, e.g. every checkov skip)."""
WARNINGS: list[str] = []
NOTES: list[str] = []
