"""Helpers shared by the services, CLI tools and workers in this repository."""
