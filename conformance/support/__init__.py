"""Helpers of the conformance suite: tools, output trees, specs and local processes."""
