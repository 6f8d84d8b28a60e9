import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import StarBadge from '../../src/components/StarBadge.astro';

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

describe('StarBadge', () => {
	it('shows the compact count, says it in full and dates it', async () => {
		const html = await container.renderToString(StarBadge, { props: { repo: 'FasterDecoding/SnapKV', stars: 1234, checked: '2026-11-01' } });

		expect(html).toContain('href="https://github.com/FasterDecoding/SnapKV"');
		expect(html).toContain('aria-label="1.2k GitHub stars (1,234)"');
		expect(html).toContain('title="1,234 GitHub stars for FasterDecoding/SnapKV on 2026-11-01"');
		expect(html).toMatch(/>1\.2k<\/a>/);
	});

	it('shows the repository by name, never an empty badge, when there is no count yet', async () => {
		const html = await container.renderToString(StarBadge, { props: { repo: 'jy-yuan/KIVI', stars: null, checked: null } });
		const [, label, shown] = /aria-label="([^"]*)"[^>]*>([^<]*)<\/a>/.exec(html)!;

		expect(html).toContain('href="https://github.com/jy-yuan/KIVI"');
		expect(shown).toBe('jy-yuan/KIVI');
		expect(label).toBe('jy-yuan/KIVI on GitHub');
		expect(html).not.toContain('class="star-badge"');
		expect(html).not.toContain('title=');
	});

	it('writes big counts in one short word', async () => {
		const html = await container.renderToString(StarBadge, { props: { repo: 'vllm-project/vllm', stars: 61234, checked: '2026-11-01' } });

		expect(html).toContain('aria-label="61.2k GitHub stars (61,234)"');
		expect(html).toMatch(/>61\.2k<\/a>/);
	});

	it('starts its accessible name with the text it shows (WCAG 2.5.3, label in name), whatever the count', async () => {
		for (const stars of [0, 1, 7, 999, 1000, 1234, 9999, 99_950, 123_456, 1_234_567]) {
			const html = await container.renderToString(StarBadge, { props: { repo: 'o/r', stars, checked: '2026-11-01' } });
			const [, label, shown] = /aria-label="([^"]*)"[^>]*>([^<]*)<\/a>/.exec(html)!;

			expect(label!.startsWith(`${shown} GitHub star`), `${stars}: "${label}" / "${shown}"`).toBe(true);
		}
	});
});
