import { Signal, computed, signal } from '@angular/core';

import {
  AgreementsAgreementDto as AgreementDto,
  AgreementsUpdateAgreementInput as UpdateAgreementInput,
} from '@api/models';
import { updateBody } from './agreement-body';

/** The edits of a draft agreement (title and targets), kept until saved or reloaded. */
export class AgreementDraft {
  readonly title = signal('');
  readonly targets = signal<Record<string, number | null>>({});

  /** Whether the title or a target differs from the agreement as loaded. */
  readonly dirty = computed(() => {
    const a = this.agreement();
    if (!a) {
      return false;
    }
    const targets = this.targets();
    return (
      this.title() !== (a.title ?? '') ||
      (a.lines ?? []).some(
        (l) => (l.code ?? '') in targets && targets[l.code ?? ''] !== (l.target ?? null),
      )
    );
  });

  constructor(private readonly agreement: Signal<AgreementDto | null>) {}

  /** Starts over from the agreement as loaded. */
  reset(agreement: AgreementDto): void {
    this.title.set(agreement.title ?? '');
    this.targets.set({});
  }

  targetOf(code: string | null | undefined, current: number | null | undefined): number | null {
    const targets = this.targets();
    return (code ?? '') in targets ? targets[code ?? ''] : (current ?? null);
  }

  setTarget(code: string | null | undefined, value: number | null): void {
    this.targets.update((t) => ({ ...t, [code ?? '']: value ?? null }));
  }

  /** The PUT body with the edits. */
  body(agreement: AgreementDto): UpdateAgreementInput {
    return updateBody(agreement, this.title().trim(), this.targets());
  }
}
