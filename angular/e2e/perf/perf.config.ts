import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/**
 * Browser measurements at national scale (not tests: they print times and assert only that the page works).
 * Run against a host on a generated 300-city MariaDB database, see benchmarks/README.md.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.perf.ts',
  outputDir: '../artifacts/perf-results',
  timeout: 600_000,
  expect: { timeout: 120_000 },
});
