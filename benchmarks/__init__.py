"""Benchmarks: figures printed beside their references, never asserted in tests."""
