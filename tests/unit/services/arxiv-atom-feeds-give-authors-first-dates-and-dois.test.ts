import { describe, expect, it } from 'vitest';
import { idOfEntry, parseArxivFeed } from '../../../src/services/arxiv.ts';
import { parseXml, textOf } from '../../../src/services/atom.ts';
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
    <updated>2023-09-12T06:21:05Z</updated>
    <link href="https://arxiv.org/abs/2309.06180v1" rel="alternate" type="text/html"/>
    <link href="https://doi.org/10.1145/3600006.3613165" rel="related" title="doi"/>
    <summary>Summary.</summary>
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
			{ id: '2404.14469', title: 'SnapKV: LLM Knows What You are Looking for Before Generation', authors: ['Yuhong Li', 'Yingbing Huang'], date: '2024-04-22', doi: '10.1000/x<y>', journalRef: 'NeurIPS 2024' },
		]);
	});

	it('read namespaces declared on the feed, entities, CDATA and the DOI link when there is no arxiv:doi', () => {
		const [record] = parseArxivFeed(ROOT_NAMESPACES).records;

		expect(record).toEqual({ id: '2309.06180', title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention & <More>', authors: ['Woosuk Kwon', 'Zhuohan Li'], date: '2023-09-12', doi: '10.1145/3600006.3613165', journalRef: null });
	});

	it('set error entries apart (an id arXiv cannot read) instead of taking them for papers', () => {
		const feed = parseArxivFeed(atomFeed([], 'id_list=1234.5', ['1234.5']));

		expect(feed.records).toEqual([]);
		expect(feed.errors).toEqual(['incorrect id format for 1234.5']);
	});

	it('keep old-style ids whole and drop version suffixes', () => {
		expect(idOfEntry('http://arxiv.org/abs/cs/0112017v1')).toBe('cs/0112017');
		expect(idOfEntry('https://arxiv.org/abs/2404.14469v12')).toBe('2404.14469');
		expect(idOfEntry('http://arxiv.org/api/errors#x')).toBeNull();
	});

	it('are refused when the answer is not an Atom feed or not XML, with where it broke', () => {
		expect(() => parseArxivFeed('<html><body>Rate exceeded.</body></html>')).toThrow('expected an Atom <feed>, got <html>');
		expect(() => parseArxivFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>')).toThrow(/closing tag <\/feed> does not match <entry> at offset \d+/);
		expect(() => parseXml('Service Unavailable')).toThrow('text outside the root element');
	});

	it('never expand entities beyond XML\'s own five and character references, and refuse a DTD that could declare more', () => {
		const el = parseXml('<x>&e; &amp; &#x41;&#66; &bogus;</x>');

		expect(textOf(el)).toBe('&e; & AB &bogus;');
		expect(() => parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')).toThrow('a DOCTYPE or other declaration is not accepted');
	});
});
