/**
 * Demos with several panels (e.g. the efficient-attention demo's gallery, error and costs parts).
 * A page picks the panels it embeds with `show="costs"` or `show="error, gallery"`; each panel is
 * computed and drawn on its own, so a bad input in one leaves the others live.
 */

/** The panels named in a `show` attribute, in the order given; every panel when none is valid. */
export function pickParts<P extends string>(show: string | undefined, all: readonly P[]): P[] {
  if (show === undefined || show === 'all') return [...all];
  const wanted = show.split(/[\s,]+/).filter((p): p is P => (all as readonly string[]).includes(p));
  return wanted.length > 0 ? wanted : [...all];
}

/** Runs panel redraws one by one, keeping their errors, then throws them together. */
export class PanelErrors {
  private readonly errors: unknown[] = [];

  /** Runs one panel's redraw; an error is kept for rethrow() and does not stop the other panels. */
  attempt(draw: () => void): void {
    try {
      draw();
    } catch (e) {
      this.errors.push(e);
    }
  }

  /** Throws the one error as it is (so a ShapeError keeps its class), or several joined into one. */
  rethrow(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw new Error(this.errors.map((e) => (e instanceof Error ? e.message : String(e))).join(' '));
  }
}
