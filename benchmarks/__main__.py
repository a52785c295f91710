"""`python -m benchmarks`: the timex benchmark (speed benchmarks arrive with issue #6)."""

from benchmarks.timex import main

main()
