/**
 * Sortable tables: in a `table[data-sortable]`, every `th[data-sort]` ("num" or "text") gets a
 * button that sorts the rows by that column, then flips the order on a second press. `aria-sort`
 * marks the sorted column and a status line announces the order. A cell's `data-value` is its
 * sort key when present, else its text. Ties keep the original (newest first) order.
 */

type Direction = 'ascending' | 'descending';

/** The sort key of a cell: its data-value, else its text. */
function cellKey(cell: Element | undefined, numeric: boolean): string | number {
	const raw = cell instanceof HTMLElement ? (cell.dataset.value ?? cell.textContent ?? '') : '';
	if (!numeric) return raw.trim().toLocaleLowerCase('en');
	const n = Number.parseFloat(raw);
	return Number.isFinite(n) ? n : -Infinity;
}

/** Sort the rows of `table` by column `index`. */
export function sortTable(table: HTMLTableElement, index: number, direction: Direction): void {
	const header = table.tHead?.rows[0]?.cells[index];
	const body = table.tBodies[0];
	if (!header || !body) return;
	const numeric = header.dataset.sort === 'num';
	const sign = direction === 'ascending' ? 1 : -1;
	const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
	const rows = [...body.rows].map((row, i) => ({ row, i: Number(row.dataset.order ?? i), key: cellKey(row.cells[index], numeric) }));
	rows.sort((a, b) => {
		const d = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
		return d * sign || a.i - b.i;
	});
	body.append(...rows.map((r) => r.row));
	for (const th of table.tHead!.rows[0]!.cells) {
		if (th === header) th.setAttribute('aria-sort', direction);
		else th.removeAttribute('aria-sort');
	}
}

/** Turn the headers of every sortable table into sort buttons. */
export function initSortableTables(): void {
	for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
		const status = table.closest('.table-scroll')?.nextElementSibling;
		[...(table.tBodies[0]?.rows ?? [])].forEach((row, i) => (row.dataset.order = String(i)));
		const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
		headers.forEach((th, index) => {
			if (!th.dataset.sort) return;
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'sort-button';
			button.textContent = th.textContent;
			th.replaceChildren(button);
			button.addEventListener('click', () => {
				const current = th.getAttribute('aria-sort') as Direction | null;
				const first = (th.dataset.dir as Direction | undefined) ?? 'ascending';
				const next: Direction = current ? (current === 'ascending' ? 'descending' : 'ascending') : first;
				sortTable(table, index, next);
				if (status?.hasAttribute('data-sort-status')) status.textContent = `Sorted by ${button.textContent}, ${next}`;
			});
		});
	}
}

initSortableTables();
