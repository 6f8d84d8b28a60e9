/**
 * Copy buttons: `<button data-copy="ID">` copies the text of the element with that id to the
 * clipboard and says so in its live status. Buttons show when scripts run (CSS, `js` class) and are
 * hidden again where the Clipboard API is missing (pages served over plain http).
 */

/** Wire every copy button on the page. */
export function initCopyButtons(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
		const source = document.getElementById(button.dataset.copy ?? '');
		const status = button.parentElement?.querySelector('[data-copy-status]');
		if (!navigator.clipboard || !source) {
			button.hidden = true;
			continue;
		}
		button.addEventListener('click', () =>
			navigator.clipboard
				.writeText(source.textContent ?? '')
				.then(
					() => 'Copied',
					() => 'Copy failed: select the text and copy it',
				)
				.then((message) => {
					if (!status) return;
					status.textContent = message;
					setTimeout(() => (status.textContent = ''), 2500);
				}),
		);
	}
}

initCopyButtons();
