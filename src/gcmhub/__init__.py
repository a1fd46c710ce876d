"""GCM Hub: a platform for implementing the Global Compact for Migration."""
