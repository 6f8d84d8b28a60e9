/**
 * What every page runs for search before anyone searches: `/` (outside text fields) and Ctrl/⌘K
 * focus the search field, and the first focus of a header box loads its combobox
 * (search-box.ts), which loads Pagefind. A page nobody searches runs nothing more.
 */

/** True when a key press is meant for a text field, so "/" must not be taken from it. */
function typingInField(target: EventTarget | null): boolean {
	return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** The field the shortcuts focus: the search page's own field when there is one, else the header box. */
function shortcutTarget(): HTMLInputElement | null {
	return document.querySelector<HTMLInputElement>('[data-search-primary]') ?? document.querySelector<HTMLInputElement>('[data-search-box] input');
}

/** Listen for the shortcuts on the whole page. */
export function initSearchShortcuts(): void {
	document.addEventListener('keydown', (e) => {
		const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(e.target);
		const k = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
		if (!slash && !k) return;
		const field = shortcutTarget();
		if (!field) return;
		e.preventDefault();
		field.focus();
		field.select();
	});
}

/** Load the combobox of each header box on its first focus. */
export function initSearchBoxesLazily(): void {
	for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-box]')) {
		form.addEventListener(
			'focusin',
			() => {
				import('./search-box.ts')
					.then((m) => m.initSearchBox(form))
					.catch((error: unknown) => console.error(error));
			},
			{ once: true },
		);
	}
}

initSearchShortcuts();
initSearchBoxesLazily();
