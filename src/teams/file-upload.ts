import type { Activity } from 'botbuilder';
import { DomainError } from '../domain/errors';
import { WORD_LIMITS } from '../export/docx/word-limits';

/** What Teams attaches when someone sends a file in a 1:1 chat with a bot that supports files. */
const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface UploadedFile {
  readonly name: string;
  readonly downloadUrl: string;
}

/** The file sent with a message, if any: its name and where Teams lets the bot fetch it. */
export const uploadedFile = (activity: Partial<Activity>): UploadedFile | null => {
  const attachment = (activity.attachments ?? []).find((a) => a.contentType === FILE_INFO);
  const content = attachment?.content as { downloadUrl?: unknown } | undefined;
  if (!attachment || typeof content?.downloadUrl !== 'string') return null;
  return { name: String(attachment.name ?? 'file'), downloadUrl: content.downloadUrl };
};

/**
 * Fetches the file Teams offers, with a size cap and a time limit. Only https (or this machine,
 * for the local Playground and tests): the address comes from the activity, and the bot must
 * never be made to fetch from elsewhere on its own network in the clear.
 */
export const downloadUploaded = async (file: UploadedFile, timeoutMs = 20_000): Promise<Buffer> => {
  let url: URL;
  try {
    url = new URL(file.downloadUrl);
  } catch {
    throw new DomainError('IMPORT.UNREADABLE', 'Teams did not say where to fetch that file from. Please send it again.');
  }
  const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  if (url.protocol !== 'https:' && !local) throw new DomainError('IMPORT.UNREADABLE', 'That file was offered from an address I do not fetch from. Please send it again from Teams.');
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch {
    throw new DomainError('IMPORT.UNREADABLE', 'I could not fetch that file from Teams in time. Please send it again.');
  }
  if (!response.ok || !response.body) throw new DomainError('IMPORT.UNREADABLE', `Teams would not give me that file (${response.status}). Please send it again.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > WORD_LIMITS.fileBytes) throw new DomainError('IMPORT.UNREADABLE', `${file.name} is bigger than any plan, so it was not read.`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
};
