/**
 * The fixture catalogue plus one paper whose every text field is an attack: markup in the title,
 * alias, authors, venue and summary, and a `javascript:` link inside the summary's markdown. The
 * hardening build test and the CSP browser test build it and check that all of it shows as text.
 */
import { appendFileSync } from 'node:fs';
import { copyCatalogue, writeIn } from './catalogue.ts';

/** The hostile paper's id and the exact texts a reader must see. */
export const HOSTILE = {
	id: 'hostile',
	title: '<img src=x onerror=alert(1)> Hostile Title',
	alias: '<svg onload=alert(2)>',
	author: '<script>alert(3)</script>',
	venue: '<b>Hostile</b> Venue',
	venueFullName: "<img src=x onerror=alert('venue')>",
	summary: 'A [link](javascript:alert(4)) and <img src=y onerror=alert(5)> in **markdown**.',
	/** Leaf categories it is listed in (fixture slugs). */
	categories: ['quantization', 'memory-management'],
} as const;

/** A temp copy of the fixture with the hostile paper and venue added; returns its folder. */
export function hostileCatalogue(): string {
	const dir = copyCatalogue();
	const q = (s: string) => JSON.stringify(s);
	appendFileSync(`${dir}/venues.yaml`, `- name: ${q(HOSTILE.venue)}\n  fullName: ${q(HOSTILE.venueFullName)}\n  kind: workshop\n`);
	writeIn(
		dir,
		`papers/${HOSTILE.id}.yaml`,
		[
			'# yaml-language-server: $schema=../../../../public/schemas/paper.schema.json',
			`title: ${q(HOSTILE.title)}`,
			`aliases: [${q(HOSTILE.alias)}]`,
			'year: 2024',
			`venue: ${q(HOSTILE.venue)}`,
			`categories: [${HOSTILE.categories.join(', ')}]`,
			'paper: https://example.org/hostile?a=1&b=2',
			`authors: [${q(HOSTILE.author)}]`,
			`summary: ${q(HOSTILE.summary)}`,
			'added: 2025-06-01',
			'',
		].join('\n'),
	);
	return dir;
}
