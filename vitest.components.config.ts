import { getViteConfig } from 'astro/config';

// Component tests: .astro files rendered by Astro's container API, compiled through Astro's Vite config.
export default getViteConfig({
	test: {
		name: 'components',
		include: ['tests/components/**/*.test.ts'],
		testTimeout: 60_000,
	},
});
