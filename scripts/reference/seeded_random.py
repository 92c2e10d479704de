"""A Python port of NASCore.SeededRandom (xoshiro256**, seeded by SplitMix64) and of
NASTraining.SeededShuffle, so a reference run can draw exactly naslab's initial weights and
batch order."""
import math

MASK = (1 << 64) - 1


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class SeededRandom:
    def __init__(self, seed):
        sm = seed & MASK
        state = []
        for _ in range(4):
            sm = (sm + 0x9E3779B97F4A7C15) & MASK
            z = sm
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            state.append(z ^ (z >> 31))
        self.s = state

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def next_double(self):
        return (self.next() >> 11) * 2.0 ** -53

    def next_gaussian(self):
        u1 = self.next_double()
        while u1 <= 2.2250738585072014e-308:
            u1 = self.next_double()
        u2 = self.next_double()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

    def fork(self):
        return SeededRandom(self.next())


def permutation(n, rng):
    """NASTraining.SeededShuffle.permutation: Fisher-Yates with j = next() mod (i + 1)."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.next() % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order
