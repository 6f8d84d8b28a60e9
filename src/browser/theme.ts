/**
 * The theme toggle: switches between light and dark, remembers the choice in localStorage
 * (`atlas-theme`), and otherwise follows the system. The inline script in Base.astro applies the
 * saved choice before first paint; this module only wires the button (`aria-pressed` = dark).
 */

/** The localStorage key holding "light" or "dark". */
export const THEME_KEY = 'atlas-theme';

/** Wire every theme toggle on the page. */
export function initThemeToggle(): void {
	const root = document.documentElement;
	const systemDark = matchMedia('(prefers-color-scheme: dark)');
	const theme = () => root.dataset.theme || (systemDark.matches ? 'dark' : 'light');
	for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
		const show = () => button.setAttribute('aria-pressed', String(theme() === 'dark'));
		show();
		systemDark.addEventListener('change', show);
		button.addEventListener('click', () => {
			root.dataset.theme = theme() === 'dark' ? 'light' : 'dark';
			try {
				localStorage.setItem(THEME_KEY, root.dataset.theme);
			} catch {
				// Private mode or storage disabled: the choice lasts for this page only.
			}
			show();
		});
	}
}

initThemeToggle();
