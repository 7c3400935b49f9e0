/**
 * The shape of a good paper note, shared by the scaffold (`npm run new`) and the content linter.
 *
 * The scaffold writes one guidance sentence under each section heading, phrased as an instruction.
 * The linter rejects any body line that is still exactly one of these sentences (and a tldr that is
 * still the tldr guidance), so a scaffolded note cannot pass `npm run lint:content` or the build until
 * every prompt has been replaced by the contributor's own words.
 *
 * Pure: no Node, no Astro.
 */

/** One body section of a paper note: its `##` heading and the instruction the scaffold writes under it. */
export interface NoteSection {
  heading: string;
  guidance: string;
}

/** The sections of a good paper note, in order (CONTRIBUTING.md, "Style guide for notes"). */
export const NOTE_SECTIONS: readonly NoteSection[] = [
  {
    heading: 'The problem',
    guidance: 'Replace this line: say in your own words what problem the paper attacked and why earlier work fell short.',
  },
  {
    heading: 'The key idea',
    guidance:
      'Replace this line: explain the key idea and how it works, with the central equation on its own lines between double dollar signs.',
  },
  {
    heading: 'Results',
    guidance: "Replace this line: give the main result with the paper's own numbers, and say which version of the paper you quote.",
  },
  {
    heading: 'Why it matters',
    guidance:
      'Replace this line: place the paper in the Transformer story, linking the notes it builds on and the work it led to with wikilinks.',
  },
  {
    heading: 'Limitations',
    guidance: 'Replace this line: name the limitations the authors admit or later work exposed, and what changed since.',
  },
];

/** The tldr the scaffold writes; the linter rejects it until it is replaced. */
export const TLDR_GUIDANCE = 'Replace this line: one original sentence of at most 200 characters on what the paper showed.';

/** The result claim the scaffold writes; the linter rejects it until it is replaced. */
export const RESULT_GUIDANCE =
  "Replace this line: the paper's headline result in one sentence of your own, with its numbers (e.g. 28.4 BLEU on WMT14 En-De).";

/** Every guidance sentence, for exact matching. */
const GUIDANCE = new Map<string, string>(NOTE_SECTIONS.map((s) => [s.guidance, s.heading]));

/**
 * Scaffold guidance still present in a body: the 1-based body line and the section it belongs to.
 * A line matches when, trimmed, it is exactly a guidance sentence.
 */
export function findGuidance(body: string): { line: number; heading: string }[] {
  const out: { line: number; heading: string }[] = [];
  body.split('\n').forEach((text, i) => {
    const heading = GUIDANCE.get(text.trim());
    if (heading) out.push({ line: i + 1, heading });
  });
  return out;
}

/** The body the scaffold writes: every section heading followed by its guidance sentence. */
export function scaffoldBody(): string {
  return NOTE_SECTIONS.map((s) => `## ${s.heading}\n\n${s.guidance}\n`).join('\n');
}
