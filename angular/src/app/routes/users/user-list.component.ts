import { Component } from '@angular/core';

@Component({ selector: 'app-user-list', template: '' })
export class UserListComponent {}
