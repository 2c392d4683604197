"""What the tests and the benchmarks share: a copy of the sample hall, a quiet static server,
and the search query set's ground truth. Plain modules, no pytest, so a benchmark can import
them as well as a test (``from tests.support.sites import copy_sample_hall``)."""
