import { Component } from '@angular/core';

@Component({ selector: 'app-role-list', template: '' })
export class RoleListComponent {}
