/**
 * How the CLIs print catalogue problems: `path:line:col  field  message` on stderr (errors) or as
 * warnings, and under GitHub Actions also as annotations on stdout, so they show on the pull
 * request's lines. Used by `npm run validate` and by the build's own check.
 */
import { formatAnnotation, formatDiagnostic, type Diagnostic } from '../../src/catalogue/diagnostics.ts';

/** Print every diagnostic, in order. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
	const annotate = process.env.GITHUB_ACTIONS === 'true';
	for (const d of diagnostics) {
		(d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
		if (annotate) console.log(formatAnnotation(d));
	}
}
