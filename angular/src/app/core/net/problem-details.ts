import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';

/**
 * RFC 7807 body of every failed call. The host's OpenAPI document does not describe error bodies,
 * so this is the one shape kept by hand: `code` is the business error code, `errors` maps a field
 * (PascalCase for model validation, camelCase for business errors) or a scheme target (indicator,
 * category, bonus or veto code; a JSON path for imports) to its localized messages.
 */
export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  instance?: string | null;
  code?: string | null;
  errors?: Record<string, string[] | null> | null;
  /** The current state of the entity after a 409, when the host sends it. */
  current?: unknown;
}

/** Reads an RFC 7807 body from an HTTP error, or null when the error has none. */
export function toProblemDetails(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  if (
    body &&
    typeof body === 'object' &&
    ('title' in body || 'detail' in body || 'errors' in body)
  ) {
    return body as ProblemDetails;
  }
  return null;
}

/**
 * Best text to show for a failed call: the server's localized detail, then its title, then the
 * given fallbacks for "server unreachable" (status 0) and anything else.
 */
export function problemMessage(
  error: unknown,
  fallback: { network: string; unknown: string; forbidden?: string },
): string {
  const problem = toProblemDetails(error);
  if (problem?.detail) {
    return problem.detail;
  }
  if (problem?.title) {
    return problem.title;
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return fallback.network;
    }
    if (error.status === 403 && fallback.forbidden) {
      return fallback.forbidden;
    }
  }
  return fallback.unknown;
}

function normalise(name: string): string {
  // "Input.UserName", "input.userName", "$.userName", "UserName" → "username"
  const last = name.split('.').pop() ?? name;
  return last
    .replace(/^\$/, '')
    .replace(/\[\d+\]$/, '')
    .toLowerCase();
}

function findControl(form: FormGroup, field: string): AbstractControl | null {
  const wanted = normalise(field);
  for (const [name, control] of Object.entries(form.controls)) {
    if (name.toLowerCase() === wanted) {
      return control;
    }
  }
  return null;
}

/**
 * Puts the messages of `problem.errors` on the matching form controls as `{ server: message }`
 * (field names are matched case-insensitively, ignoring prefixes such as "input.").
 * Returns the messages that matched no control, so the caller can show them above the form.
 * A server error disappears as soon as the user edits the field (the next validation run).
 */
export function applyProblemToForm(form: FormGroup, problem: ProblemDetails | null): string[] {
  const unmatched: string[] = [];
  if (!problem?.errors) {
    return unmatched;
  }
  for (const [field, messages] of Object.entries(problem.errors)) {
    const text = (messages ?? []).join(' ');
    if (!text) {
      continue;
    }
    const control = findControl(form, field);
    if (control) {
      // dirty/touched first: ng-zorro re-evaluates the field status on the statusChanges event
      control.markAsDirty();
      control.markAsTouched();
      control.setErrors({ ...(control.errors ?? {}), server: text });
    } else {
      unmatched.push(text);
    }
  }
  return unmatched;
}
