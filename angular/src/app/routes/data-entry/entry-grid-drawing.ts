import { InjectionToken, Signal, computed, effect, signal, untracked } from '@angular/core';

import { EntryGroup } from './entry-grid-view';

/** Lines drawn at once when the sheet opens (more than a screen at 1366×768; the demo sheet's all). */
export const FIRST_LINES = 20;
/**
 * Lines added by each later step, when the browser is idle. A light line costs a few ms on a saturated
 * machine; each step lays out the whole table again, so a few big steps cost less than many small ones.
 */
export const STEP_LINES = 40;

/**
 * How long the grid waits after it was drawn, or after the user last clicked or typed in it, before it
 * draws more lines: a step lays out the whole table (0.1–0.3 s on a busy machine), and a click or a key
 * that came during it waited that long. Scrolling does not count: the lines come while the user reads.
 */
export const ENTRY_GRID_QUIET_MS = new InjectionToken<number>('ENTRY_GRID_QUIET_MS', {
  factory: () => 1000,
});

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
 * in steps while the user pauses and the browser is idle. Starts again from the first screen when the filter or the period changes.
 */
export class EntryGridDrawing {
  private readonly count = signal(FIRST_LINES);
  readonly groups = computed(() => firstLines(this.source.groups(), this.count()));
  /** Lines of the filter not drawn yet. */
  readonly pending = computed(() => Math.max(0, this.source.total() - this.count()));

  /** When lines were last drawn anew or the user last clicked or typed in the grid (ms since the epoch). */
  private lastActivity = Date.now();
  private lastTotal = 0;

  constructor(
    private readonly source: {
      groups: Signal<EntryGroup[]>;
      total: Signal<number>;
      /** What starts the drawing again (the filter and the period). */
      restart: Signal<unknown>;
    },
    /** See {@link ENTRY_GRID_QUIET_MS}. */
    private readonly quietMs: number,
  ) {
    effect(() => {
      this.source.restart();
      untracked(() => {
        this.count.set(FIRST_LINES);
        this.noteActivity();
      });
    });
    // The sheet's lines arrived (or a filter found some): the quiet time counts from their drawing.
    effect(() => {
      const total = this.source.total();
      untracked(() => {
        if (total > 0 && this.lastTotal === 0) {
          this.noteActivity();
        }
        this.lastTotal = total;
      });
    });
    effect((onCleanup) => {
      if (!this.pending()) {
        return;
      }
      const drawn = this.count();
      onCleanup(this.whenQuiet(() => this.count.set(drawn + STEP_LINES)));
    });
  }

  /** The user clicked or typed in the grid: the next step waits until they pause. */
  noteActivity(): void {
    this.lastActivity = Date.now();
  }

  /** Runs the callback once the user has paused for {@link quietMs} and the browser is idle. */
  private whenQuiet(callback: () => void): () => void {
    let cancel: () => void = () => undefined;
    const attempt = () => {
      const wait = this.lastActivity + this.quietMs - Date.now();
      if (wait > 0) {
        const id = setTimeout(attempt, wait);
        cancel = () => clearTimeout(id);
      } else {
        cancel = whenIdle(callback);
      }
    };
    attempt();
    return () => cancel();
  }

  /** Draws every line at once (Enter went past the last drawn line). */
  drawAll(): void {
    this.count.set(Math.max(this.count(), this.source.total()));
  }
}
