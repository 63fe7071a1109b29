import type { DownloadLink } from '../../app/ports';
import { quarterWords, type Quarter } from '../../domain/quarters';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords, fingerprintWords } from '../words';

/** One file a link gives, as the person's browser fetches it from this bot. */
export interface IssuedLink {
  readonly link: DownloadLink;
  readonly fileName: string;
}

/** `<base>/documents/<token>/<file name>`: the route the server answers with the file. */
export const downloadUrl = (baseUrl: string, issued: IssuedLink): string =>
  `${baseUrl.replace(/\/+$/, '')}/documents/${encodeURIComponent(issued.link.token)}/${encodeURIComponent(issued.fileName)}`;

const expiryText = (expiresAt: string, count: number): string =>
  count === 1 ? `This link is yours alone and stops working on ${dateWords(expiresAt)}.` : `These links are yours alone and stop working on ${dateWords(expiresAt)}.`;

/** The plan as Annex A: the Word file to hand in and the same text as Markdown. */
export const planDownloadCard = (baseUrl: string, word: IssuedLink, markdown: IssuedLink): AdaptiveCardJson => {
  const { link } = word;
  return renderCard('download', {
    title: 'Local SEND Reform Plan as Annex A (Word)',
    subtitle: 'The Word file is the document the Department for Education expects; the Markdown file is the same text.',
    facts: [
      { title: 'Plan version', value: String(link.planVersion) },
      {
        title: 'Text',
        value: link.signed ? 'The signed text, with the signatories table filled in' : 'Not signed off: the plan as it stands now',
      },
      { title: 'SHA-256', value: fingerprintWords(link.documentHash) },
    ],
    expiryText: expiryText(link.expiresAt < markdown.link.expiresAt ? link.expiresAt : markdown.link.expiresAt, 2),
    links: [
      { title: 'Download Word (.docx)', url: downloadUrl(baseUrl, word) },
      { title: 'Download Markdown (.md)', url: downloadUrl(baseUrl, markdown) },
    ],
    buttons: [],
  });
};

/** The quarter's highlight report as a Word file, with its charts. */
export const reportDownloadCard = (baseUrl: string, quarter: Quarter, word: IssuedLink): AdaptiveCardJson =>
  renderCard('download', {
    title: `Highlight report as Word: ${quarterWords(quarter)}`,
    subtitle: 'With its four charts: milestones by RAG, target against actual, the risk heat map, and projected against actual spend.',
    facts: [
      { title: 'Plan version', value: String(word.link.planVersion) },
      { title: 'SHA-256', value: fingerprintWords(word.link.documentHash) },
    ],
    expiryText: expiryText(word.link.expiresAt, 1),
    links: [{ title: 'Download Word (.docx)', url: downloadUrl(baseUrl, word) }],
    buttons: [{ title: 'Back to the report', verb: VERBS.report, data: { verb: VERBS.report, quarter: quarter.id } }],
  });
