import { demoPlan } from '../../src/demo/demo-plan';
import type { Block } from '../../src/domain/document.model';
import { SECTION_KEYS } from '../../src/domain/plan.schema';
import { compileAnnexA } from '../../src/domain/plan.compile';
import { SECTIONS } from '../../src/domain/plan.sections';
import { SECTION_FORMS } from '../../src/app/questionnaire/section-forms';

/** Every section of the schema is listed, has a questionnaire, and reaches the compiled plan: none drops out silently. */
describe('every section of the plan, everywhere it must be', () => {
  const headings = compileAnnexA(demoPlan())
    .blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading')
    .map((b) => b.text.replace(/[’']/g, "'"));

  it('the section list follows the schema, in its order', () => {
    expect(SECTIONS.map((s) => s.key)).toEqual([...SECTION_KEYS]);
  });

  it.each(SECTIONS.filter((s) => s.key !== 'header'))('$key is a heading of the compiled Annex A', (section) => {
    const title = section.title.replace(/[’']/g, "'").replace(/[.?]$/, '');
    const found = headings.some((h) => (section.question ? h.startsWith(`${section.question}. `) : h.startsWith(title)));
    expect(found).toBe(true);
  });

  it.each(SECTION_KEYS)('%s has a questionnaire', (key) => {
    expect(SECTION_FORMS[key].steps.length).toBeGreaterThan(0);
  });
});
