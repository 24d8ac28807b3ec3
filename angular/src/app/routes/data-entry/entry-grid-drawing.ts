import { Signal, computed, effect, signal, untracked } from '@angular/core';

import { EntryGroup } from './entry-grid-view';

/** Lines drawn at once when the sheet opens (about two screens; the demo sheet's all). */
export const FIRST_LINES = 40;
/**
 * Lines added by each later step, when the browser is idle. A light line costs a few ms on a saturated
 * machine; each step lays out the whole table again, so a few big steps cost less than many small ones.
 */
export const STEP_LINES = 40;

/** Runs the callback when the browser is idle (where it can say so), else in a later task. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback);
  return () => clearTimeout(id);
}

/** The groups cut to their first `count` lines in sheet order (each keeps its full subtotal). */
export function firstLines(groups: readonly EntryGroup[], count: number): EntryGroup[] {
  const result: EntryGroup[] = [];
  let left = count;
  for (const group of groups) {
    if (left <= 0) {
      break;
    }
    result.push(
      group.lines.length <= left ? group : { ...group, lines: group.lines.slice(0, left) },
    );
    left -= group.lines.length;
  }
  return result;
}

/**
 * Draws a long sheet step by step: the first screen at once (interactive at 150 lines), the rest
 * in short steps while the browser is idle. Starts again from the first screen when the filter or the period changes.
 */
export class EntryGridDrawing {
  private readonly count = signal(FIRST_LINES);
  readonly groups = computed(() => firstLines(this.source.groups(), this.count()));
  /** Lines of the filter not drawn yet. */
  readonly pending = computed(() => Math.max(0, this.source.total() - this.count()));

  constructor(
    private readonly source: {
      groups: Signal<EntryGroup[]>;
      total: Signal<number>;
      /** What starts the drawing again (the filter and the period). */
      restart: Signal<unknown>;
    },
  ) {
    effect(() => {
      this.source.restart();
      untracked(() => this.count.set(FIRST_LINES));
    });
    effect((onCleanup) => {
      if (!this.pending()) {
        return;
      }
      const drawn = this.count();
      onCleanup(whenIdle(() => this.count.set(drawn + STEP_LINES)));
    });
  }

  /** Draws every line at once (Enter went past the last drawn line). */
  drawAll(): void {
    this.count.set(Math.max(this.count(), this.source.total()));
  }
}
