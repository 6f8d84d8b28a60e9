import { describe, expect, it } from 'vitest';
import { idOfEntry, parseArxivFeed } from '../../../src/services/arxiv.ts';
import { parseAtomFeed, parseXml, textOf } from '../../../src/services/atom.ts';
import { atomFeed } from '../../cli/enrich-fake-services.ts';

// The shape arXiv's new API front end answers with: every namespace declared on <feed>, the
// arxiv: elements without their own xmlns, an entity in a title and a CDATA section.
const ROOT_NAMESPACES = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/1</id>
  <title>arXiv Query: search_query=&amp;id_list=2309.06180</title>
  <updated>2025-06-01T00:00:00Z</updated>
  <link href="https://arxiv.org/api/query?id_list=2309.06180" type="application/atom+xml"/>
  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
  <opensearch:totalResults>1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/2309.06180v1</id>
    <title>Efficient Memory Management for Large Language Model Serving with
  PagedAttention &amp; <![CDATA[<More>]]></title>
    <updated>2023-09-12T06:21:06Z</updated>
    <link href="https://arxiv.org/abs/2309.06180v1" rel="alternate" type="text/html"/>
    <link href="https://doi.org/10.1145/3600006.3613165" rel="related" title="doi"/>
    <summary>  Large language models
  need a KV cache &lt;per request&gt;.
</summary>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <published>2023-09-12T06:21:05Z</published>
    <arxiv:comment>SOSP 2023</arxiv:comment>
    <arxiv:primary_category term="cs.LG"/>
    <author>
      <name>Woosuk Kwon</name>
    </author>
    <author>
      <name>Zhuohan  Li</name>
      <arxiv:affiliation>UC Berkeley</arxiv:affiliation>
    </author>
  </entry>
</feed>
`;

describe('arXiv Atom feeds', () => {
	it('give each entry\'s id without version, authors in order, the first version\'s date, DOI and journal reference', () => {
		const xml = atomFeed([{ id: '2404.14469', version: 2, published: '2024-04-22T17:42:58Z', title: 'SnapKV: LLM Knows What You are Looking for Before Generation', authors: ['Yuhong Li', 'Yingbing Huang'], doi: '10.1000/x<y>', journalRef: 'NeurIPS 2024' }], 'id_list=2404.14469');

		const feed = parseArxivFeed(xml);

		expect(feed.errors).toEqual([]);
		expect(feed.records).toEqual([
			{
				id: '2404.14469',
				title: 'SnapKV: LLM Knows What You are Looking for Before Generation',
				authors: ['Yuhong Li', 'Yingbing Huang'],
				date: '2024-04-22',
				doi: '10.1000/x<y>',
				journalRef: 'NeurIPS 2024',
				summary: 'What SnapKV: LLM Knows What You are Looking for Before Generation does, in a sentence.',
				published: '2024-04-22T17:42:58Z',
				updated: '2025-01-10T18:00:00Z',
				primaryCategory: 'cs.CL',
				categories: ['cs.CL'],
			},
		]);
	});

	it('read namespaces declared on the feed, entities, CDATA and the DOI link when there is no arxiv:doi', () => {
		const [record] = parseArxivFeed(ROOT_NAMESPACES).records;

		expect(record).toEqual({
			id: '2309.06180',
			title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention & <More>',
			authors: ['Woosuk Kwon', 'Zhuohan Li'],
			date: '2023-09-12',
			doi: '10.1145/3600006.3613165',
			journalRef: null,
			summary: 'Large language models need a KV cache <per request>.',
			published: '2023-09-12T06:21:05Z',
			updated: '2023-09-12T06:21:06Z',
			primaryCategory: 'cs.LG',
			categories: ['cs.LG'],
		});
	});

	it('set error entries apart (an id arXiv cannot read) instead of taking them for papers', () => {
		const feed = parseArxivFeed(atomFeed([], 'id_list=1234.5', ['1234.5']));

		expect(feed.records).toEqual([]);
		expect(feed.errors).toEqual(['incorrect id format for 1234.5']);
	});

	it('give a search page\'s OpenSearch counts and each entry\'s categories, primary first, whatever prefix names the namespaces', () => {
		const xml = atomFeed(
			[{ id: '2502.00001', published: '2025-02-01T10:00:00Z', updated: '2025-02-03T10:00:00Z', title: 'A KV Cache Paper', authors: ['A. Author'], summary: 'We compress\nthe KV cache.', categories: ['cs.LG', 'cs.CL', 'cs.AI'] }],
			'search_query=abs:%22KV%20cache%22&start=200&max_results=100',
			[],
			{ totalResults: 1234, startIndex: 200, itemsPerPage: 100 },
		);
		const renamed = ROOT_NAMESPACES.replaceAll('opensearch:', 'os:').replace('xmlns:opensearch=', 'xmlns:os=').replaceAll('arxiv:', 'ax:').replace('xmlns:arxiv=', 'xmlns:ax=');

		const feed = parseArxivFeed(xml);

		expect(feed).toMatchObject({ totalResults: 1234, startIndex: 200, itemsPerPage: 100 });
		expect(feed.records[0]).toMatchObject({ summary: 'We compress the KV cache.', published: '2025-02-01T10:00:00Z', updated: '2025-02-03T10:00:00Z', primaryCategory: 'cs.LG', categories: ['cs.LG', 'cs.CL', 'cs.AI'] });
		expect(parseArxivFeed(renamed)).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: null, records: [{ id: '2309.06180', primaryCategory: 'cs.LG' }] });
	});

	it('read no OpenSearch count from elements of another namespace, nor a count that is not a whole number', () => {
		const wrongNamespace = ROOT_NAMESPACES.replace('xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"', 'xmlns:opensearch="http://example.org/not-opensearch"');
		const notANumber = ROOT_NAMESPACES.replace('<opensearch:totalResults>1<', '<opensearch:totalResults>many<');

		expect(parseAtomFeed(wrongNamespace)).toMatchObject({ totalResults: null, itemsPerPage: null });
		expect(parseAtomFeed(notANumber)).toMatchObject({ totalResults: null, itemsPerPage: 1 });
	});

	it('keep old-style ids whole and drop version suffixes', () => {
		expect(idOfEntry('http://arxiv.org/abs/cs/0112017v1')).toBe('cs/0112017');
		expect(idOfEntry('https://arxiv.org/abs/2404.14469v12')).toBe('2404.14469');
		expect(idOfEntry('http://arxiv.org/api/errors#x')).toBeNull();
	});

	it('are refused when the answer is not an Atom feed or not XML, with the line and column where it broke', () => {
		expect(() => parseArxivFeed('<html><body>Rate exceeded.</body></html>')).toThrow('expected an Atom <feed>, got <html>');
		expect(() => parseArxivFeed('<feed xmlns="http://www.w3.org/2005/Atom">\n  <entry></feed>')).toThrow(/^2:\d+: unexpected close tag/);
		expect(() => parseXml('Service Unavailable')).toThrow(/^1:\d+: text data outside of root node/);
		expect(() => parseXml('<a:feed xmlns:b="x"/>')).toThrow(/unbound namespace prefix: "a"/);
		expect(() => parseXml('')).toThrow(/root element/);
	});

	it('never expand entities beyond XML\'s own five and character references, and refuse an undeclared one', () => {
		const el = parseXml('<x>&amp; &#x41;&#66; &lt;&gt;&quot;&apos;</x>');

		expect(textOf(el)).toBe('& AB <>"\'');
		expect(() => parseXml('<x>&e;</x>')).toThrow(/^1:\d+: undefined entity/);
		expect(() => parseXml('<x>&bogus; &amp;</x>')).toThrow(/undefined entity/);
	});

	it.each([
		['an internal entity', '<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'],
		['an external entity (XXE)', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<x>&xxe;</x>'],
		['nested entities ("billion laughs")', `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`],
		['an external DTD', '<!DOCTYPE feed SYSTEM "http://example.org/atom.dtd"><feed xmlns="http://www.w3.org/2005/Atom"/>'],
		['an empty DOCTYPE', '<!DOCTYPE feed><feed xmlns="http://www.w3.org/2005/Atom"/>'],
	])('refuse a document with a DOCTYPE, here %s, at the DOCTYPE and before reading an entity', (_, xml) => {
		expect(() => parseXml(xml)).toThrow(/^\d+:\d+: a DOCTYPE is not accepted \(an Atom feed has none, and it could declare entities\)$/);
	});
});
