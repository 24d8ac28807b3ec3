import {
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** The controls inside whose `disabled` state decides whether the reason is shown. */
const CONTROLS = 'button, input, textarea, select, [nz-button]';

/**
 * Wraps one button (or other control) and, while it is disabled, says why on hover: a disabled
 * button gets no mouse events of its own, so the tooltip sits on a wrapper and the button lets the
 * pointer through. `reason` is the text in the reader's language; an empty reason shows nothing.
 *
 *   <app-disabled-reason [reason]="'disabledReason.nothingToSave' | t">
 *     <button nz-button [disabled]="!dirty()">保存</button>
 *   </app-disabled-reason>
 */
@Component({
  selector: 'app-disabled-reason',
  imports: [NzTooltipModule],
  // The projected button belongs to the caller's template, so the rule letting the pointer through
  // to the wrapper cannot be scoped to this component.
  encapsulation: ViewEncapsulation.None,
  styles: `
    .disabled-reason {
      display: inline-block;
    }
    .disabled-reason.is-disabled {
      cursor: not-allowed;
    }
    .disabled-reason.is-disabled > [disabled] {
      pointer-events: none;
    }
  `,
  template: `<span
    class="disabled-reason"
    [class.is-disabled]="disabled()"
    nz-tooltip
    [nzTooltipTitle]="shown()"
    [attr.data-disabled-reason]="shown()"
    ><ng-content
  /></span>`,
})
export class DisabledReasonComponent {
  readonly reason = input<string | null | undefined>(null);

  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  /** Whether the wrapped control is disabled now (followed as its attribute changes). */
  readonly disabled = signal(false);
  /** The text on hover: the reason while the control is disabled, otherwise none. */
  readonly shown = computed(() => (this.disabled() && this.reason()) || null);

  constructor() {
    const observer = new MutationObserver(() => this.check());
    afterNextRender(() => {
      this.check();
      observer.observe(this.host, {
        attributes: true,
        attributeFilter: ['disabled'],
        subtree: true,
      });
    });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }

  private check(): void {
    const control = this.host.querySelector<HTMLElement>(CONTROLS);
    this.disabled.set(!!control && control.hasAttribute('disabled'));
  }
}
