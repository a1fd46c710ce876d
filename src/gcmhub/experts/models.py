"""Models of the app; see its actions and selectors for the workflow."""
