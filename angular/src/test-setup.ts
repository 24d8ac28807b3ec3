// Browser APIs that jsdom lacks but ng-zorro touches.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {
      // no layout in jsdom
    }
    unobserve(): void {
      // no layout in jsdom
    }
    disconnect(): void {
      // no layout in jsdom
    }
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// Each test starts with no stored token, language or last sign-in.
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
