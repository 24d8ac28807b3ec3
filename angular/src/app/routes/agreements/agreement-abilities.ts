import { Signal, computed } from '@angular/core';
import { Observable } from 'rxjs';

import { AgreementsAgreementDto as AgreementDto } from '@api/models';
import { AgreementService } from '@api/services';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { AGREEMENT_TRANSITIONS, AgreementTransition } from './agreement-status';

/**
 * What the reader may do with an agreement in a status: the province manages (edits a draft, issues, puts in force,
 * closes, amends), the city signs, uploads its scans and reports on its key tasks.
 */
export function agreementAbilities(session: SessionService, status: Signal<string>) {
  const isHost = computed(() => session.isHostUser());
  const manage = computed(() => isHost() && session.isGranted(Permissions.Agreements.Manage));
  const sign = computed(() => !isHost() && session.isGranted(Permissions.Agreements.Sign));
  return {
    manage,
    sign,
    report: computed(
      () =>
        !isHost() &&
        session.isGranted(Permissions.Agreements.Report) &&
        ['Signed', 'InForce'].includes(status()),
    ),
    upload: computed(() => sign() && ['Issued', 'Signed', 'InForce'].includes(status())),
    deleteAttachment: computed(() => sign() && !['Superseded', 'Closed'].includes(status())),
    transitions: computed(() =>
      manage() ? AGREEMENT_TRANSITIONS.filter((t) => t.from.includes(status())) : [],
    ),
    edit: computed(() => manage() && status() === 'Draft'),
  };
}

/** The request of a step of the agreement's life other than deleting the draft. */
export function transitionCall(
  api: AgreementService,
  action: Exclude<AgreementTransition, 'delete'>,
  id: string,
): Observable<AgreementDto> {
  switch (action) {
    case 'issue':
      return api.agreementIssue({ id });
    case 'putInForce':
      return api.agreementPutInForce({ id });
    case 'close':
      return api.agreementClose({ id });
    default:
      return api.agreementAmend({ id });
  }
}
