import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against a running host (which serves the built app and the API).
 * Base URL: E2E_BASE_URL, default http://127.0.0.1:5000. Uses the system Chromium
 * (Playwright's own browser download is not available here): CHROMIUM_PATH, default /usr/bin/chromium.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: './artifacts/test-results',
  // Whole workflows across several sign-ins; generous for a loaded CI machine.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
