"""Large result lists are ordered only as far as the page shown: the partial order must
give exactly the pages a full sort gives, ties included."""

import numpy as np
import pytest

from gcmhub.catalog.selectors import _Ranked


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_page_of_a_partial_sort_equals_the_full_sort(seed):
    rng = np.random.default_rng(seed)
    n = 20_000
    positions = rng.permutation(n)
    # Few distinct scores and scopes: many ties for the partition to get right.
    keys = (rng.integers(0, 2**40, n), rng.integers(0, 7, n).astype(np.float64))
    ranked = _Ranked(positions, keys)
    full = positions[np.lexsort(keys)]
    assert len(ranked) == n
    for start in (0, 20, 980, 5000, n - 20):
        assert list(ranked[start : start + 20]) == list(full[start : start + 20])


def test_small_lists_are_sorted_whole():
    ranked = _Ranked(np.array([5, 6, 7]), (np.array([3, 1, 2]),))
    assert list(ranked[0:3]) == [6, 7, 5]
