/**
 * Venues of this field the importer knows by name, with the spellings lists use for them. A venue
 * cell of the awesome list is resolved through these (`NIPS` → `NeurIPS`); the venues a list
 * actually uses are written to its `venues.yaml`.
 */
import type { Venue } from './schema.ts';

/**
 * The venue of a row whose venue cell is empty (the seed lists "MLA", "Mamba", … without one).
 * The schema needs a venue, and inventing one would be wrong, so the catalogue says "not stated";
 * the export writes it back as an empty cell.
 */
export const UNSPECIFIED_VENUE: Venue = {
	name: 'Unspecified',
	fullName: 'Venue not stated in the list',
	kind: 'other',
};

/**
 * "ICLR sub." in the list: the paper was submitted to ICLR and under review when listed, not
 * accepted. Filing it under ICLR would claim an acceptance the list does not state, so it is a
 * venue of its own, kind `preprint` (BibTeX @misc), and `ICLR sub.` stays an accepted spelling.
 */
export const ICLR_SUBMISSION: Venue = {
	name: 'ICLR submission',
	fullName: 'Submitted to the International Conference on Learning Representations (under review when listed)',
	kind: 'preprint',
	aliases: ['ICLR sub.', 'ICLR submitted', 'ICLR under review'],
};

/**
 * True for a venue that says nothing about publication — kind `preprint` (arXiv, "ICLR
 * submission") or `other` ("Unspecified"), or a name no venue answers to: a publication replaces
 * it without that being an overwrite (enrich), and a list giving it never replaces a publication (sync).
 */
export function isPlaceholderVenue(venue: Venue | undefined): boolean {
	return !venue || venue.kind === 'preprint' || venue.kind === 'other';
}

/** Known venues: canonical short name, full name, kind and the other spellings seen in lists. */
export const KNOWN_VENUES: readonly Venue[] = [
	{ name: 'AAAI', fullName: 'AAAI Conference on Artificial Intelligence', kind: 'conference' },
	{ name: 'ACL', fullName: 'Annual Meeting of the Association for Computational Linguistics', kind: 'conference' },
	{ name: 'ACM MM', fullName: 'ACM International Conference on Multimedia', kind: 'conference', aliases: ['ACM Multimedia'] },
	{ name: 'ACM TIST', fullName: 'ACM Transactions on Intelligent Systems and Technology', kind: 'journal', aliases: ['TIST'] },
	{ name: 'arXiv', fullName: 'arXiv preprint', kind: 'preprint', aliases: ['preprint', 'arXiv preprint'] },
	{ name: 'ASPLOS', fullName: 'ACM International Conference on Architectural Support for Programming Languages and Operating Systems', kind: 'conference' },
	{ name: 'COLING', fullName: 'International Conference on Computational Linguistics', kind: 'conference' },
	{ name: 'COLM', fullName: 'Conference on Language Modeling', kind: 'conference' },
	{ name: 'CVPR', fullName: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition', kind: 'conference' },
	{ name: 'DAC', fullName: 'Design Automation Conference', kind: 'conference' },
	{ name: 'ECCV', fullName: 'European Conference on Computer Vision', kind: 'conference' },
	{ name: 'EMNLP', fullName: 'Conference on Empirical Methods in Natural Language Processing', kind: 'conference' },
	{ name: 'EuroSys', fullName: 'European Conference on Computer Systems', kind: 'conference' },
	{ name: 'FAST', fullName: 'USENIX Conference on File and Storage Technologies', kind: 'conference' },
	// Findings papers are accepted to Findings, not to the main conference: own venues, not aliases.
	{ name: 'Findings of ACL', fullName: 'Findings of the Association for Computational Linguistics: ACL', kind: 'conference', aliases: ['ACL Findings'] },
	{ name: 'Findings of EMNLP', fullName: 'Findings of the Association for Computational Linguistics: EMNLP', kind: 'conference', aliases: ['EMNLP Findings'] },
	{ name: 'Findings of NAACL', fullName: 'Findings of the Association for Computational Linguistics: NAACL', kind: 'conference', aliases: ['NAACL Findings'] },
	{ name: 'HPCA', fullName: 'IEEE International Symposium on High-Performance Computer Architecture', kind: 'conference' },
	{ name: 'ICCV', fullName: 'IEEE/CVF International Conference on Computer Vision', kind: 'conference' },
	{ name: 'ICDE', fullName: 'IEEE International Conference on Data Engineering', kind: 'conference' },
	{ name: 'ICLR', fullName: 'International Conference on Learning Representations', kind: 'conference' },
	ICLR_SUBMISSION,
	{ name: 'ICML', fullName: 'International Conference on Machine Learning', kind: 'conference' },
	{ name: 'ICML ES-FoMo II Workshop', fullName: 'ICML 2024 Workshop on Efficient Systems for Foundation Models (ES-FoMo II)', kind: 'workshop', aliases: ['ES-FoMo II Workshop (ICML 2024)', 'ES-FoMo II'] },
	{ name: 'IJCAI', fullName: 'International Joint Conference on Artificial Intelligence', kind: 'conference' },
	{ name: 'INFOCOM', fullName: 'IEEE International Conference on Computer Communications', kind: 'conference', aliases: ['IEEE INFOCOM'] },
	{ name: 'ISCA', fullName: 'International Symposium on Computer Architecture', kind: 'conference' },
	{ name: 'JMLR', fullName: 'Journal of Machine Learning Research', kind: 'journal' },
	{ name: 'KDD', fullName: 'ACM SIGKDD Conference on Knowledge Discovery and Data Mining', kind: 'conference', aliases: ['SIGKDD'] },
	{ name: 'LREC-COLING', fullName: 'Joint International Conference on Computational Linguistics, Language Resources and Evaluation', kind: 'conference' },
	{ name: 'MICRO', fullName: 'IEEE/ACM International Symposium on Microarchitecture', kind: 'conference' },
	{ name: 'MLSys', fullName: 'Conference on Machine Learning and Systems', kind: 'conference', aliases: ['SysML'] },
	{ name: 'NAACL', fullName: 'Annual Conference of the North American Chapter of the Association for Computational Linguistics', kind: 'conference' },
	{ name: 'NeurIPS', fullName: 'Conference on Neural Information Processing Systems', kind: 'conference', aliases: ['NIPS'] },
	{ name: 'NeurIPS Datasets and Benchmarks', fullName: 'Conference on Neural Information Processing Systems, Datasets and Benchmarks Track', kind: 'conference', aliases: ['NeurIPS D&B', 'NeurIPS Datasets & Benchmarks'] },
	{ name: 'NeurIPS ENLSP-IV Workshop', fullName: 'NeurIPS 2024 Workshop on Efficient Natural Language and Speech Processing (ENLSP-IV)', kind: 'workshop', aliases: ['ENLSP-IV'] },
	{ name: 'NSDI', fullName: 'USENIX Symposium on Networked Systems Design and Implementation', kind: 'conference' },
	{ name: 'OSDI', fullName: 'USENIX Symposium on Operating Systems Design and Implementation', kind: 'conference' },
	{ name: 'PPoPP', fullName: 'ACM SIGPLAN Symposium on Principles and Practice of Parallel Programming', kind: 'conference' },
	{ name: 'SC', fullName: 'International Conference for High Performance Computing, Networking, Storage and Analysis', kind: 'conference', aliases: ['Supercomputing'] },
	{ name: 'SIGCOMM', fullName: 'ACM Special Interest Group on Data Communication Conference', kind: 'conference' },
	{ name: 'SIGMOD', fullName: 'ACM SIGMOD International Conference on Management of Data', kind: 'conference' },
	{ name: 'SOSP', fullName: 'ACM Symposium on Operating Systems Principles', kind: 'conference' },
	{ name: 'Sparsity in LLMs (SLLM) Workshop', fullName: 'Workshop on Sparsity in Large Language Models (SLLM)', kind: 'workshop', aliases: ['SLLM Workshop'] },
	{ name: 'TACL', fullName: 'Transactions of the Association for Computational Linguistics', kind: 'journal' },
	{ name: 'TMLR', fullName: 'Transactions on Machine Learning Research', kind: 'journal' },
	{ name: 'USENIX ATC', fullName: 'USENIX Annual Technical Conference', kind: 'conference', aliases: ['ATC', 'USENIX-ATC'] },
	{ name: 'VLDB', fullName: 'International Conference on Very Large Data Bases', kind: 'conference', aliases: ['PVLDB', 'Proc. VLDB Endow.'] },
	UNSPECIFIED_VENUE,
];
