import { Routes } from '@angular/router';

/** The to-do page (待办): every signed-in person has one, filled by their permissions. */
export const TODO_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./todo.component').then((m) => m.TodoComponent),
  },
];
