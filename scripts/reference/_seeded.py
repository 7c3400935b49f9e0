"""Bit-for-bit Python mirror of src/compute/seeded-random.ts, shared by the reference scripts.

mulberry32 (Tommy Ettinger, 2017) with 32-bit unsigned arithmetic, Box-Muller normals (cosine value
first, sine value cached), Knuth's Poisson sampler, Durstenfeld's Fisher-Yates shuffle, and modified
Gram-Schmidt. The TypeScript and this file must draw values in the same order.
"""
import math

M32 = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & M32


class SeededRandom:
    def __init__(self, seed):
        self.a = seed & M32
        self.spare = None

    def next(self):
        self.a = (self.a + 0x6D2B79F5) & M32
        a = self.a
        t = imul(a ^ (a >> 15), a | 1)
        t = t ^ ((t + imul(t ^ (t >> 7), t | 61)) & M32)
        return ((t ^ (t >> 14)) & M32) / 4294967296.0

    def normal(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        u1 = self.next()
        u2 = self.next()
        r = math.sqrt(-2.0 * math.log(1.0 - u1))
        self.spare = r * math.sin(2.0 * math.pi * u2)
        return r * math.cos(2.0 * math.pi * u2)

    def integer(self, n):
        return int(math.floor(self.next() * n))

    def poisson(self, lam):
        limit = math.exp(-lam)
        k = 0
        p = self.next()
        while p > limit:
            k += 1
            p *= self.next()
        return k


def shuffled(items, rng):
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        j = rng.integer(i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def round_half_even(x):
    return int(round(x))  # Python 3's round() is round-half-to-even
