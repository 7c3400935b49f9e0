/**
 * Every compute function that implements a paper names that paper's note in its header (by arXiv id
 * and atlas key), and the concept page whose demo runs the function links the note in its body and
 * lists it under `papers`. So a reader of the demo, or of the code, can get from the method to its
 * paper, and a renamed or deleted note fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/integrations/content-loader.ts';

const { content } = loadContent();

const IMPLEMENTS: { fn: string; module: string; paper: string; concept: string }[] = [
  { fn: 'rmsNorm', module: 'rms-norm', paper: 'zhang2019root', concept: 'layer-normalization' },
  { fn: 'linearAttention', module: 'linear-attention', paper: 'katharopoulos2020transformers', concept: 'efficient-attention' },
  { fn: 'slidingWindowMask', module: 'sliding-window-mask', paper: 'beltagy2020longformer', concept: 'efficient-attention' },
  { fn: 'rotaryEmbedding', module: 'rotary-embedding', paper: 'su2021roformer', concept: 'rotary-embedding' },
  { fn: 'topKGating (renormalise)', module: 'top-k-gating', paper: 'jiang2024mixtral', concept: 'mixture-of-experts' },
  { fn: 'flashAttention (online softmax)', module: 'flash-attention', paper: 'milakov2018online', concept: 'flash-attention' },
];

describe('compute functions and demos link the papers they implement', () => {
  for (const { fn, module, paper, concept } of IMPLEMENTS) {
    it(`${fn} → ${paper}, via /concepts/${concept}/`, () => {
      const note = content.papers.find((p) => p.id === paper);
      expect(note, `content/papers/${paper}.mdx`).toBeDefined();
      const arxiv = note!.data!.arxiv!.replace(/v\d+$/, '');
      const header = readFileSync(`src/compute/${module}.ts`, 'utf8').split('*/')[0]!.replace(/\n\s*\*\s?/g, ' ');
      expect(header, `src/compute/${module}.ts names arXiv ${arxiv}`).toContain(arxiv);
      expect(header, `src/compute/${module}.ts names the atlas note`).toContain(`atlas note ${paper}`);
      const page = content.concepts.find((c) => c.id === concept)!;
      expect(page.body, `concept ${concept} links [[${paper}]]`).toMatch(new RegExp(`\\[\\[${paper}(\\|[^\\]]*)?\\]\\]`));
      expect(page.data?.papers ?? [], `concept ${concept} lists ${paper} under papers`).toContain(paper);
    });
  }
});
