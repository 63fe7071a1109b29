import { createHash } from 'node:crypto';
import { canonicalForm, type DocumentModel } from '../domain/document.model';

/** SHA-256 of a document's canonical form, in hex: the fingerprint a signature refers to. */
export const fingerprint = (document: DocumentModel): string => createHash('sha256').update(canonicalForm(document), 'utf8').digest('hex');
