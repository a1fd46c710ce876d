"""Filled in by the workflow that needs it."""
