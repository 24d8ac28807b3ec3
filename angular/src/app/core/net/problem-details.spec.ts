import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';

import { applyProblemToForm, problemMessage, toProblemDetails } from './problem-details';

const fallback = { network: 'NET', unknown: 'UNKNOWN', forbidden: 'FORBIDDEN' };

describe('problem details', () => {
  it('prefers the localized detail, then the title', () => {
    const withDetail = new HttpErrorResponse({
      status: 400,
      error: { title: 'T', detail: '用户名或密码错误' },
    });
    const withTitle = new HttpErrorResponse({ status: 400, error: { title: '验证失败' } });
    expect(problemMessage(withDetail, fallback)).toBe('用户名或密码错误');
    expect(problemMessage(withTitle, fallback)).toBe('验证失败');
  });

  it('parses a ProblemDetails body that arrived as text', () => {
    const e = new HttpErrorResponse({
      status: 400,
      error: '{"title":"x","detail":"账户已被锁定"}',
    });
    expect(toProblemDetails(e)?.detail).toBe('账户已被锁定');
  });

  it('falls back for unreachable servers, 403 and bodies that are not ProblemDetails', () => {
    expect(problemMessage(new HttpErrorResponse({ status: 0 }), fallback)).toBe('NET');
    expect(problemMessage(new HttpErrorResponse({ status: 403 }), fallback)).toBe('FORBIDDEN');
    expect(problemMessage(new HttpErrorResponse({ status: 500, error: '<html>' }), fallback)).toBe(
      'UNKNOWN',
    );
    expect(problemMessage(new Error('x'), fallback)).toBe('UNKNOWN');
  });

  it('maps errors to controls case-insensitively and returns the rest', () => {
    const form = new FormGroup({
      userName: new FormControl('a', Validators.required),
      email: new FormControl(''),
    });
    const rest = applyProblemToForm(form, {
      errors: {
        UserName: ['用户名已存在'],
        'input.Email': ['邮箱已被使用'],
        Tenant: ['城市不存在'],
      },
    });
    expect(form.controls.userName.getError('server')).toBe('用户名已存在');
    expect(form.controls.email.getError('server')).toBe('邮箱已被使用');
    expect(form.controls.userName.dirty).toBe(true);
    expect(rest).toEqual(['城市不存在']);

    // editing the field clears the server's message
    form.controls.userName.setValue('b');
    expect(form.controls.userName.errors).toBeNull();
  });
});
