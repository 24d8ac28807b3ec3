import { Component } from '@angular/core';

@Component({ selector: 'app-audit-log-list', template: '' })
export class AuditLogListComponent {}
