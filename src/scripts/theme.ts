/**
 * The theme toggle: switches between light and dark, remembers the choice in localStorage
 * (`atlas-theme`), and otherwise follows the system. The inline script in Base.astro applies the
 * saved choice before first paint; this module only wires the button.
 */

/** The localStorage key holding "light" or "dark". */
export const THEME_KEY = 'atlas-theme';

type Theme = 'light' | 'dark';

/** The theme in effect: the reader's saved choice, else the system's. */
export function currentTheme(root: HTMLElement = document.documentElement): Theme {
	const set = root.dataset.theme;
	if (set === 'light' || set === 'dark') return set;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function apply(button: HTMLButtonElement, theme: Theme): void {
	button.setAttribute('aria-pressed', String(theme === 'dark'));
}

/** Show and wire every theme toggle on the page. */
export function initThemeToggle(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
		apply(button, currentTheme());
		button.addEventListener('click', () => {
			const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
			document.documentElement.dataset.theme = next;
			try {
				localStorage.setItem(THEME_KEY, next);
			} catch {
				// Private mode or storage disabled: the choice lasts for this page only.
			}
			apply(button, next);
		});
		matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(button, currentTheme()));
	}
}

initThemeToggle();
