import { DestroyRef, Injectable, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  ActivatedRouteSnapshot,
  NavigationEnd,
  Params,
  Router,
  UrlSegmentGroup,
} from '@angular/router';
import { filter, map } from 'rxjs';

/**
 * Route data of a page reached from a list: `breadcrumb` is the list's text key (the list is the
 * first segment of the URL: /schemes for /schemes/:id), `breadcrumbName` the page's own text key
 * when it has no entity name, `breadcrumbDrop` the query keys the list does without when the
 * list and the page share a path (the score sheet's ranking and one city's sheet).
 */
export interface BreadcrumbData {
  breadcrumb?: string;
  breadcrumbName?: string;
  breadcrumbDrop?: string[];
}

/** One crumb: a text key or a name, and where it leads (none for the page itself). */
export interface Crumb {
  text: string;
  translate: boolean;
  link?: string;
  queryParams?: Params;
}

/**
 * The breadcrumb of the page shown: the list it is reached from (back to that list with the
 * filters it had) and the entity's name the page gives through `breadcrumbName()`.
 */
@Injectable({ providedIn: 'root' })
export class Breadcrumbs {
  private readonly router = inject(Router);
  /** Each path's query as last seen, so that the list crumb returns to the same filters. */
  private readonly lastQuery = new Map<string, Params>();
  private readonly name = signal<{ owner: object; text: string } | null>(null);
  private readonly page = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map(() => this.read()),
    ),
    { initialValue: this.read() },
  );

  /** The crumbs to show; empty on a page not reached from a list. */
  readonly trail = computed<Crumb[]>(() => {
    const page = this.page();
    const data = page.data;
    if (!data.breadcrumb) {
      return [];
    }
    const own = this.name()?.text ?? null;
    if (!own && !data.breadcrumbName) {
      return [];
    }
    const link = page.list;
    const samePath = page.path === link;
    const query = samePath
      ? Object.fromEntries(
          Object.entries(page.query).filter(([k]) => !(data.breadcrumbDrop ?? []).includes(k)),
        )
      : (this.lastQuery.get(link) ?? {});
    return [
      { text: data.breadcrumb, translate: true, link, queryParams: query },
      own ? { text: own, translate: false } : { text: data.breadcrumbName!, translate: true },
    ];
  });

  /** Sets the shown page's name (owner: the page, so that a page left behind cannot clear it). */
  setName(owner: object, text: string | null): void {
    if (text) {
      this.name.set({ owner, text });
    } else if (this.name()?.owner === owner) {
      this.name.set(null);
    }
  }

  private read(): { data: BreadcrumbData; path: string; list: string; query: Params } {
    let route: ActivatedRouteSnapshot = this.router.routerState.snapshot.root;
    while (route.firstChild) {
      route = route.firstChild;
    }
    const tree = this.router.parseUrl(this.router.url);
    const group: UrlSegmentGroup | undefined = tree.root.children['primary'];
    const segments = group?.segments.map((s) => s.path) ?? [];
    const path = '/' + segments.join('/');
    this.lastQuery.set(path, tree.queryParams);
    return {
      data: route.data as BreadcrumbData,
      path,
      list: '/' + (segments[0] ?? ''),
      query: tree.queryParams,
    };
  }
}

/**
 * Gives the breadcrumb the name of the entity the page shows ("考评方案 / 2026年度方案"); call in
 * the page's constructor. The name goes when the page does.
 */
export function breadcrumbName(name: () => string | null | undefined): void {
  const crumbs = inject(Breadcrumbs);
  const owner = {};
  effect(() => crumbs.setName(owner, name() || null));
  inject(DestroyRef).onDestroy(() => crumbs.setName(owner, null));
}
