/**
 * The facet panel of /search/: one fieldset per facet, a checkbox per value with its count. Rows
 * are keyed by value and updated in place, so focus stays on the checkbox the reader just ticked.
 * Long facets show their first values and a "Show all" button.
 */
import { facetValues } from '../catalogue/search-facets.ts';
import { FACETS, type Facet, type SearchState } from '../catalogue/search-state.ts';
import type { FilterCounts } from './search-pagefind.ts';

/** Values shown before "Show all" in a long facet. */
const SHORT_LIST = 8;

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

/** Render every facet of `form` for a state: totals order the values, counts label them. */
export function renderFacets(form: HTMLElement, state: SearchState, totals: FilterCounts, counts: Partial<FilterCounts>): void {
	for (const facet of FACETS) {
		const fieldset = form.querySelector<HTMLFieldSetElement>(`[data-facet="${facet}"]`);
		const list = fieldset?.querySelector('ul');
		if (!fieldset || !list) continue;
		const values = facetValues(facet, totals[facet], counts[facet], state.filters[facet]);
		fieldset.hidden = values.length === 0;
		const existing = new Map([...list.children].map((li) => [(li as HTMLElement).dataset.value, li as HTMLLIElement]));
		const expanded = fieldset.dataset.expanded === 'true';
		const rows = values.map((v, i) => {
			const li = existing.get(v.value) ?? row(facet, v.value, v.label);
			const box = li.querySelector('input')!;
			box.checked = v.selected;
			li.querySelector('.facet-count')!.textContent = String(v.count);
			li.classList.toggle('facet-empty', v.count === 0 && !v.selected);
			li.hidden = !expanded && i >= SHORT_LIST && !v.selected;
			return li;
		});
		list.replaceChildren(...rows);
		toggleButton(fieldset, values.length > SHORT_LIST, expanded, values.length);
	}
}

function toggleButton(fieldset: HTMLFieldSetElement, needed: boolean, expanded: boolean, total: number): void {
	let button = fieldset.querySelector<HTMLButtonElement>('.facet-toggle');
	if (!needed) {
		button?.remove();
		return;
	}
	if (!button) {
		button = document.createElement('button');
		button.type = 'button';
		button.className = 'facet-toggle';
		button.addEventListener('click', () => {
			const open = fieldset.dataset.expanded !== 'true';
			fieldset.dataset.expanded = String(open);
			const rows = [...fieldset.querySelectorAll<HTMLLIElement>('li')];
			rows.forEach((li, i) => {
				li.hidden = !open && i >= SHORT_LIST && !li.querySelector('input')!.checked;
			});
			label(button!, open, rows.length);
		});
		fieldset.append(button);
	}
	label(button, expanded, total);
}

function label(button: HTMLButtonElement, expanded: boolean, total: number): void {
	button.textContent = expanded ? 'Show fewer' : `Show all ${total}`;
	button.setAttribute('aria-expanded', String(expanded));
}
