"""Reference examples for src/compute/pretraining-noise.ts, from a Python mirror of the same sampler.

Regenerate: python3 scripts/reference/pretraining-noise.py
  writes tests/fixtures/reference/pretraining-noise.json.

The random stream is _seeded.py (bit-for-bit mulberry32, as in seeded-random.ts), consumed in the same
order; the corruption logic is re-written here from the papers' reference code:
- BERT: create_masked_lm_predictions (shuffle candidates, take max(1, round(n * 0.15)), 80/10/10 rule);
- T5: random_spans_noise_mask (random segmentations, interleaved non-noise/noise, cut to length) and
  noise_span_to_unique_sentinel for inputs and targets, then </s>;
- BART: sentence permutation, token deletion, text infilling with Poisson(3) span lengths placed by a
  uniform stars-and-bars split of the unmasked tokens.
"""
import numpy as np

from _common import write
from _seeded import SeededRandom, round_half_even, shuffled

SENTENCE = 'The cat sat on the mat . It was warm and the sun was out ! Birds sang in the old oak tree .'.split()


def bert(tokens, seed, rate=0.15, vocab=None, specials=('[CLS]', '[SEP]')):
    rng = SeededRandom(seed)
    if vocab is None:
        vocab = list(dict.fromkeys(t for t in tokens if t not in specials))
    cand = shuffled([i for i, t in enumerate(tokens) if t not in specials], rng)
    num = min(len(cand), max(1, round_half_even(len(tokens) * rate)))
    out = list(tokens)
    lms = []
    for index in cand[:num]:
        if rng.next() < 0.8:
            out[index], kind = '[MASK]', 'mask'
        elif rng.next() < 0.5:
            kind = 'keep'
        else:
            out[index], kind = vocab[rng.integer(len(vocab))], 'random'
        lms.append((index, kind))
    lms.sort()
    return {'input': out, 'positions': [i for i, _ in lms], 'targets': [tokens[i] for i, _ in lms], 'replacements': [k for _, k in lms]}


def segmentation(num_items, num_segments, rng):
    flags = shuffled([i < num_segments - 1 for i in range(num_items - 1)], rng)
    first = np.concatenate([[0], np.array(flags, dtype=int)])
    segment_id = np.cumsum(first)
    return np.bincount(segment_id, minlength=num_segments)


def t5(tokens, seed, density=0.15, mean=3.0, roll=False):
    rng = SeededRandom(seed)
    orig = len(tokens)
    length = max(orig, 2)
    num_noise = min(max(round_half_even(length * density), 1), length - 1)
    num_spans = min(max(round_half_even(num_noise / mean), 1), length - num_noise)
    noise_lengths = segmentation(num_noise, num_spans, rng)
    keep_lengths = segmentation(length - num_noise, num_spans, rng)
    interleaved = np.stack([keep_lengths, noise_lengths], axis=1).reshape(-1)
    starts = np.cumsum(interleaved)[:-1]
    indicator = np.zeros(length, dtype=int)
    indicator[starts] = 1
    is_noise = np.cumsum(indicator) % 2 == 1
    if roll:
        is_noise = np.roll(is_noise, rng.integer(length))
    is_noise = is_noise[:orig]

    def sentinels(mask):
        out, c = [], 0
        for i, t in enumerate(tokens):
            if not mask[i]:
                out.append(t)
            elif i == 0 or not mask[i - 1]:
                out.append('<extra_id_%d>' % c)
                c += 1
        return out + ['</s>']

    return {'input': sentinels(is_noise), 'target': sentinels(~is_noise), 'noiseMask': is_noise.tolist()}


def sample(total, count, rng):
    pool = list(range(total))
    for i in range(count):
        j = i + rng.integer(total - i)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:count]


def bart(tokens, seed, mask_ratio=0.3, lam=3.0, permute=True, deletion=0.0):
    rng = SeededRandom(seed)
    if permute:
        sentences, cur = [], []
        for t in tokens:
            cur.append(t)
            if t[-1] in '.!?':
                sentences.append(cur)
                cur = []
        if cur:
            sentences.append(cur)
        order = shuffled(range(len(sentences)), rng)
        permuted = [t for i in order for t in sentences[i]]
    else:
        permuted = list(tokens)
    ndel = min(len(permuted), round_half_even(len(permuted) * deletion))
    deleted = sorted(sample(len(permuted), ndel, rng))
    kept = [t for i, t in enumerate(permuted) if i not in set(deleted)]
    n = len(kept)
    budget = min(n, round_half_even(n * mask_ratio))
    lengths, covered = [], 0
    while covered < budget:
        length = min(rng.poisson(lam), budget - covered)
        lengths.append(length)
        covered += length
    bars = set(sample(n - budget + len(lengths), len(lengths), rng))
    out, src, span = [], 0, 0
    for slot in range(n - budget + len(lengths)):
        if slot in bars:
            out.append('<mask>')
            src += lengths[span]
            span += 1
        else:
            out.append(kept[src])
            src += 1
    return {'input': out, 'permuted': permuted, 'deleted': deleted, 'spanLengths': lengths}


write('pretraining-noise', {
    'sentence': SENTENCE,
    'bert': [dict(seed=s, **bert(SENTENCE, s)) for s in (1, 2, 3, 99)]
    + [dict(seed=5, vocabulary=['apple', 'river', 'blue'], **bert(['[CLS]'] + SENTENCE[:7] + ['[SEP]'], 5, vocab=['apple', 'river', 'blue']))],
    't5': [dict(seed=s, tokens=tok, **t5(tok, s)) for s, tok in [(1, SENTENCE), (2, SENTENCE), (7, SENTENCE[:10]), (4, SENTENCE[:1])]],
    't5Dense': [dict(seed=s, tokens=SENTENCE, **t5(SENTENCE, s, density=0.5, mean=2.0)) for s in (3, 8)],
    't5Roll': [dict(seed=s, tokens=SENTENCE, **t5(SENTENCE, s, density=0.3, roll=True)) for s in (1, 6, 10)],
    'bart': [dict(seed=s, **bart(SENTENCE, s)) for s in (1, 2, 3)]
    + [dict(seed=4, deletionRatio=0.2, permute=False, **bart(SENTENCE, 4, permute=False, deletion=0.2))],
})
