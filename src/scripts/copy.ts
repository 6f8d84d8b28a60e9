/**
 * Copy buttons: `<button data-copy="ID">` copies the text of the element with that id to the
 * clipboard and says so in its live status. Buttons show when scripts run (CSS, `js` class) and are
 * hidden again where the Clipboard API is missing (pages served over plain http).
 */

/** Wire every copy button on the page. */
export function initCopyButtons(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
		if (!navigator.clipboard) {
			button.hidden = true;
			continue;
		}
		const source = document.getElementById(button.dataset.copy ?? '');
		const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
		if (!source) continue;
		button.addEventListener('click', async () => {
			let message = 'Copied';
			try {
				await navigator.clipboard.writeText(source.textContent ?? '');
			} catch {
				message = 'Copy failed: select the text and copy it';
			}
			if (status) {
				status.textContent = message;
				setTimeout(() => (status.textContent = ''), 2500);
			}
		});
	}
}

initCopyButtons();
