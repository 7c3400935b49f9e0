/**
 * html-validate configuration for `npm run validate:html` (scripts/validate-html.ts), which checks
 * every page of dist/. The recommended preset applies in full except for the rules relaxed below,
 * each with its reason (also listed in BENCHMARKS.md). This is a .mjs file rather than
 * .htmlvalidate.json because JSON cannot hold the reasons: html-validate rejects unknown keys.
 */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // KaTeX positions every glyph with a style attribute (height, top, vertical-align, margins…).
    // Allowed: exactly the properties KaTeX 0.16 sets, plus text-align, which Markdown writes for
    // aligned table columns (| --: |). Any other inline style still fails. CSS custom properties
    // (style="--t:0.4") pass data from the demos and charts to their stylesheet, which is the
    // stylesheet-driven pattern the rule asks for.
    'no-inline-style': [
      'error',
      {
        allowVariables: true,
        allowedProperties: [
          'display', // the preset's default
          'background-color',
          'border-bottom-width',
          'border-color',
          'border-right-style',
          'border-right-width',
          'border-style',
          'border-top-width',
          'border-width',
          'bottom',
          'color',
          'height',
          'left',
          'margin',
          'margin-left',
          'margin-right',
          'margin-top',
          'min-width',
          'padding-left',
          'position',
          'text-align',
          'text-shadow',
          'top',
          'vertical-align',
          'width',
        ],
      },
    ],
    // Scroll boxes: a wide table, heatmap, timeline or graph sits in a focusable <div role="region"
    // aria-label="…" tabindex="0">, so keyboard users can scroll it and screen readers announce what
    // it holds (axe's scrollable-region-focusable; the accessible scroll container pattern). The box
    // is a viewport around one figure, not a section of the document with its own heading, which is
    // what <section> means; the two expose the same accessibility tree. Every other role the rule
    // covers still has to use its native element.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // A group of checkboxes shares one name, as HTML intends for a multi-valued field (the graph's
    // topic and relation-type filters: name="topic" on each topic). The preset lets radio buttons
    // and buttons share a name; checkboxes are added. Any other duplicate name still fails.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    // A paper page's <title> is the paper's exact title (up to 300 characters by the schema) plus
    // " · Attention Atlas"; shortening it would make tabs, bookmarks and search results disagree
    // with the paper. The raised limit still catches a runaway title.
    'long-title': ['error', { maxlength: 320 }],
    // Ids are entry file names and some start with a digit (3blue1brown-…), which HTML allows.
    // Relaxed mode still rejects empty ids and ids containing whitespace.
    'valid-id': ['error', { relaxed: true }],
  },
};
