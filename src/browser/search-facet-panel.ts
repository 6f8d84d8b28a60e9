/**
 * The facet panel of /search/ (SearchFacets.astro renders it at build time): a checkbox per value
 * with its count. Rows are keyed by value and updated in place, so focus stays on the checkbox the
 * reader just ticked; a row is created only for a value the build did not know (an old shared URL).
 */
import { facetValues, SHORT_FACET } from '../search/facets.ts';
import { FACETS, type Facet, type SearchState } from '../search/state.ts';
import type { FilterCounts } from './search-pagefind.ts';

function row(facet: Facet, value: string, label: string): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.value = value;
	const box = document.createElement('input');
	box.type = 'checkbox';
	box.name = facet;
	box.value = value;
	const text = document.createElement('span');
	text.className = 'facet-label';
	text.textContent = label;
	const count = document.createElement('span');
	count.className = 'facet-count';
	const lab = document.createElement('label');
	lab.append(box, text, count);
	li.append(lab);
	return li;
}

/** Show a long facet's values beyond the first few, or fold them (ticked values always show). */
function fold(fieldset: HTMLFieldSetElement): void {
	const expanded = fieldset.dataset.expanded === 'true';
	const rows = [...fieldset.querySelectorAll<HTMLLIElement>('li')];
	rows.forEach((li, i) => {
		li.hidden = !expanded && i >= SHORT_FACET && !li.querySelector('input')!.checked;
	});
	const button = fieldset.querySelector<HTMLButtonElement>('.facet-toggle');
	if (button) {
		button.textContent = expanded ? 'Show fewer' : `Show all ${rows.length}`;
		button.setAttribute('aria-expanded', String(expanded));
	}
}

/** Wire the "Show all" buttons of the panel inside `form`. */
export function initFacetToggles(form: HTMLElement): void {
	form.addEventListener('click', (e) => {
		const button = (e.target as Element).closest('.facet-toggle');
		const fieldset = button?.closest<HTMLFieldSetElement>('fieldset');
		if (!fieldset) return;
		fieldset.dataset.expanded = String(fieldset.dataset.expanded !== 'true');
		fold(fieldset);
	});
}

/** Update every facet of `form` for a state: totals order the values, counts label them. */
export function renderFacets(form: HTMLElement, state: SearchState, totals: Partial<FilterCounts>, counts: Partial<FilterCounts>): void {
	for (const facet of FACETS) {
		const fieldset = form.querySelector<HTMLFieldSetElement>(`[data-facet="${facet}"]`);
		const list = fieldset?.querySelector('ul');
		if (!fieldset || !list) continue;
		const values = facetValues(facet, totals[facet], counts[facet], state.filters[facet]);
		const existing = new Map([...list.children].map((li) => [(li as HTMLElement).dataset.value, li as HTMLLIElement]));
		const rows = values.map((v) => {
			const li = existing.get(v.value) ?? row(facet, v.value, v.label);
			li.querySelector('input')!.checked = v.selected;
			li.querySelector('.facet-count')!.textContent = String(v.count);
			li.classList.toggle('facet-empty', v.count === 0 && !v.selected);
			return li;
		});
		if (rows.some((li, i) => list.children[i] !== li) || rows.length !== list.children.length) list.replaceChildren(...rows);
		fold(fieldset);
	}
}
