"""Services used by the shop's views."""
