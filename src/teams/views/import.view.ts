import type { ImportPreview } from '../../app/word-import.service';
import type { SectionKey } from '../../domain/plan.schema';
import { sectionLabel } from '../../domain/plan.sections';
import { countOf } from '../../domain/text';
import type { AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { button, listCard } from './progress.view';

/** A file name safe to carry on a card as a label: the audit names the file by it. */
export const safeFileName = (name: string): string => name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120);

/**
 * What a Word file would change: each section made into the SRO's draft with **Review** (its own
 * card, filled with the file's words), then **Take all** for one new version. What cannot be
 * taken, and what belongs nowhere, is named.
 */
export const importCard = (fileName: string, result: { preview: ImportPreview; staged: readonly SectionKey[]; keptOwnDraft: readonly SectionKey[] }): AdaptiveCardJson => {
  const { preview, staged, keptOwnDraft } = result;
  const unreadable = preview.changes.filter((c) => !c.readable);
  return listCard({
    title: `From ${fileName}`,
    subtitle: staged.length
      ? `${countOf(staged.length, 'section', 'sections')} would change against version ${preview.version}. Each is now your draft: review it, or take them all as one new version.`
      : `Nothing in this file would change version ${preview.version} of the plan.`,
    groups: [
      {
        heading: 'Would change',
        empty: 'No section.',
        rows: staged.map((section) => ({
          text: sectionLabel(section),
          // Every word of theirs is kept, but set out as the plan sets it out: worth a look first.
          detail: preview.changes.find((c) => c.section === section)?.relaid ? 'Laid out differently in the file: every word is kept, in the plan’s own layout. Please check it.' : undefined,
          buttons: [button('Review', VERBS.open, { section })],
        })),
      },
      ...(keptOwnDraft.length
        ? [{ heading: 'You already have a draft of these, so the file’s words were not kept', rows: keptOwnDraft.map((section) => ({ text: sectionLabel(section), buttons: [button('Open my draft', VERBS.open, { section })] })) }]
        : []),
      ...(unreadable.length ? [{ heading: 'Changed in the file, but not taken', rows: unreadable.map((c) => ({ text: c.label, detail: c.reason })) }] : []),
      ...(preview.unplaced.length ? [{ heading: 'Not placed in any section', rows: preview.unplaced.map((text) => ({ text })) }] : []),
    ],
    actions: staged.length ? [button('Take all', VERBS.importTake, { version: preview.version, sections: staged, file: safeFileName(fileName) })] : [],
  });
};

/** What Take all did; pressed again, that it was already done, and in which version. */
export const importTakenCard = ({ version, sections, already }: { version: number; sections: readonly SectionKey[]; already: boolean }, fileName: string): AdaptiveCardJson =>
  listCard({
    title: already ? `Already taken, in version ${version}` : `Version ${version} saved`,
    subtitle: already
      ? `These sections from ${fileName} were taken before: nothing more was written.`
      : `${countOf(sections.length, 'section', 'sections')} imported from ${fileName}.`,
    groups: [{ heading: 'Imported', rows: sections.map((section) => ({ text: sectionLabel(section), buttons: [button('Open', VERBS.open, { section })] })) }],
    actions: [button('Plan status', VERBS.showStatus)],
  });
