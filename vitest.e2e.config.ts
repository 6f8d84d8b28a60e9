import { defineConfig } from 'vitest/config';

// Browser tests in real Chromium (CHROME_PATH, default /usr/bin/chromium) against a built site.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 600_000,
		fileParallelism: false,
	},
});
