import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import CodeBlock from '../../src/components/CodeBlock.astro';
import SafeMarkdown from '../../src/components/SafeMarkdown.astro';

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

describe('SafeMarkdown', () => {
	it('shows a <script> in a description as text', async () => {
		const html = await container.renderToString(SafeMarkdown, { props: { text: 'Tokens <script>alert(1)</script> and <img src=x onerror=alert(1)>' } });

		expect(html).not.toMatch(/<script|<img/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('renders emphasis, code and http(s) links, and only those', async () => {
		const html = await container.renderToString(SafeMarkdown, {
			props: { text: 'Keep **heavy** *hitters*, `top-k`, [H2O](https://arxiv.org/abs/2306.14048) [bad](javascript:alert(1)) [rel](/x)' },
		});

		expect(html).toContain('<strong>heavy</strong>');
		expect(html).toContain('<em>hitters</em>');
		expect(html).toContain('<code>top-k</code>');
		expect(html).toContain('<a href="https://arxiv.org/abs/2306.14048">H2O</a>');
		expect(html).not.toContain('javascript:');
		expect(html.match(/<a /g)).toHaveLength(1);
	});
});

describe('CodeBlock', () => {
	it('highlights BibTeX built from data without letting its text become markup', async () => {
		const code = '@misc{x,\n  title = {<script>alert(1)</script> & <b>Bold</b>}\n}';

		const html = await container.renderToString(CodeBlock, { props: { code, id: 'b', label: 'BibTeX of x' } });

		expect(html).not.toMatch(/<script>alert|<b>Bold/);
		expect(html).toContain('class="tk-type"');
		expect(html).toContain('aria-label="Copy BibTeX of x"');
		expect(html).not.toMatch(/ style="/);
	});
});
