"""`python -m benchmarks`: the speed table of issue #6 (the date tagger's scores are
`python -m benchmarks.timex`)."""

from benchmarks.suite import main

main()
