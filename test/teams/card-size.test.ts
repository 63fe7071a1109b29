import { SectionEditingService } from '../../src/app/section-editing.service';
import { SECTION_FORMS } from '../../src/app/questionnaire/section-forms';
import { getAt } from '../../src/app/questionnaire/form-values';
import { SECTION_KEYS } from '../../src/domain/plan.schema';
import { MAX_CARD_BYTES } from '../../src/teams/cards';
import { rowFormCard, sectionFormCard } from '../../src/teams/views/section.view';
import { checkCard } from '../support/adaptive-card.validate';
import { createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

/** Every card a person can open on the full Shropshire plan: each step of each section, each row. */
describe('questionnaire cards on the full demo plan', () => {
  it('all parse as schema 1.5 and stay under the Teams size limit, including the largest', async () => {
    const bot = await createBotHarness();
    try {
      const editing = new SectionEditingService(bot.store, PLAN_ID);
      const sro = (await bot.store.findPerson(PLAYGROUND_USERS.sro))!;
      const names = new Map((await bot.store.listPeople()).map((p) => [p.id, p.name]));
      const sizes: { where: string; bytes: number; problems: string[] }[] = [];
      const plan = (await bot.store.loadPlan(PLAN_ID))!.plan;
      for (const section of SECTION_KEYS) {
        const steps = SECTION_FORMS[section].steps;
        for (let step = 0; step < steps.length; step++) {
          const view = await editing.open(sro, section, step);
          const card = sectionFormCard(view, 1, names);
          sizes.push({ where: `${section} step ${step + 1}`, ...checkCard(card) });
          const table = steps[step]?.table;
          if (!table) continue;
          for (const row of (getAt(plan[section], table.path) as { id: string }[]) ?? []) {
            const result = await editing.openRow(sro, { section, step, baseVersion: 1 }, row.id);
            if (result.kind !== 'row') throw new Error(`expected a row card for ${section}/${row.id}`);
            sizes.push({ where: `${section} row ${row.id}`, ...checkCard(rowFormCard(result)) });
          }
          await bot.store.deleteDraft(sro.id, PLAN_ID, section);
        }
      }
      expect(sizes.length).toBeGreaterThan(100);
      expect(sizes.filter((s) => s.problems.length)).toEqual([]);
      const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      expect(largest.bytes).toBeLessThan(MAX_CARD_BYTES);
      // Long tables are split: the section card lists rows, each row opens in its own card.
      const roadmapRow = sizes.find((s) => s.where === 'roadmap row roadmap-inclusion');
      expect(roadmapRow?.bytes).toBeGreaterThan(4_000);
    } finally {
      await bot.close();
    }
  });
});
