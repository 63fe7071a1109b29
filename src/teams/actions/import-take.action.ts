import { z } from 'zod';
import { SectionKey } from '../../domain/plan.schema';
import { VERBS } from '../verbs';
import { importTakenCard } from '../views/import.view';
import { defineAction } from './action.types';

/** The version the file was compared with, the sections drafted from it, and the file's name as a label (checked, never free text). */
export const ImportTakeData = z.object({
  version: z.coerce.number().int().min(1),
  sections: z.array(SectionKey).min(1).max(30),
  file: z.string().regex(/^[\p{L}\p{N} ._()-]{1,120}$/u),
});

export const importTakeAction = defineAction({
  verb: VERBS.importTake,
  data: ImportTakeData,
  run: async (ctx, d) => {
    const taken = await ctx.services.wordImport.takeAll(ctx.person, { version: d.version, sections: d.sections, fileName: d.file });
    return importTakenCard(taken, d.file);
  },
});
