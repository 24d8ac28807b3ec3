import { Routes } from '@angular/router';

/** Sign-in (/login) and the change of password at the first sign-in (/change-password), outside the layout. */
export const LOGIN_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./login/login.component').then((m) => m.LoginComponent),
  },
];

export const CHANGE_PASSWORD_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./change-password/change-password.component').then((m) => m.ChangePasswordComponent),
  },
];
