import { defineConfig } from 'vitest/config';

// `npm test`: unit, data, CLI and build-output tests (no browser; build tests build into their own
// folders), plus component tests, which need Astro's Vite config to compile .astro files.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'node',
					include: ['tests/{unit,data,cli,build}/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 600_000,
				},
			},
			'./vitest.components.config.ts',
		],
	},
});
