import { signal } from '@angular/core';

/**
 * 大屏: the dashboard fills the screen (the browser's full screen where allowed); Esc leaves the
 * browser's full screen and the big screen ends with it.
 */
export class BigScreen {
  private readonly _on = signal(false);
  readonly on = this._on.asReadonly();

  constructor(private readonly element: HTMLElement) {}

  toggle(): void {
    const on = !this._on();
    this._on.set(on);
    if (on && this.element.requestFullscreen && !document.fullscreenElement) {
      this.element.requestFullscreen().catch(() => undefined);
      document.addEventListener('fullscreenchange', this.left);
    } else if (!on && document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
    }
  }

  private readonly left = () => {
    if (!document.fullscreenElement) {
      this._on.set(false);
      document.removeEventListener('fullscreenchange', this.left);
    }
  };
}
