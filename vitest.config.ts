import { defineConfig } from 'vitest/config';

// Unit, data, CLI and build-output tests; no browser. Build tests build into their own folders.
export default defineConfig({
	test: {
		include: ['tests/{unit,data,cli,build}/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 600_000,
	},
});
