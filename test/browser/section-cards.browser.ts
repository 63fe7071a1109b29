/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { SectionEditingService } from '../../src/app/section-editing.service';
import { SECTION_KEYS } from '../../src/domain/plan.schema';
import { fromRoot } from '../../src/paths';
import { rowFormCard, sectionFormCard } from '../../src/teams/views/section.view';
import { createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = fromRoot('test', 'browser', 'screenshots');

interface Rendered {
  readonly inputs: number;
  readonly buttons: string[];
  readonly text: string;
  readonly errors: string[];
  readonly values: string[];
}

/** Each card as a Teams client draws it: the adaptivecards library's own renderer, in Chromium. */
describe('section cards in a browser', () => {
  let browser: Browser;
  let bot: Awaited<ReturnType<typeof createBotHarness>>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium), or set CHROMIUM_PATH`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    bot = await createBotHarness();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  const render = async (card: unknown, shot: string): Promise<Rendered> => {
    const page = await browser.newPage({ viewport: { width: 520, height: 900 } });
    try {
      await page.setContent('<html><body style="font-family:sans-serif"><div id="card"></div></body></html>');
      await page.addStyleTag({ path: fromRoot('node_modules', 'adaptivecards', 'dist', 'adaptivecards.css') });
      await page.addScriptTag({ path: fromRoot('node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js') });
      const result = await page.evaluate((json) => {
        const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
        const card = new AC.AdaptiveCard();
        const context = new AC.SerializationContext();
        card.parse(json as never, context);
        const errors: string[] = [];
        for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
        const element = card.render();
        if (!element) return { inputs: 0, buttons: [], text: '', errors: [...errors, 'nothing rendered'], values: [] };
        document.getElementById('card')!.appendChild(element);
        return {
          inputs: element.querySelectorAll('input, textarea, select').length,
          buttons: [...element.querySelectorAll('button')].map((b) => (b as HTMLElement).innerText.trim()),
          text: element.innerText,
          errors,
          values: [...element.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value),
        };
      }, card);
      await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
      return result;
    } finally {
      await page.close();
    }
  };

  it.each(SECTION_KEYS.map((k) => [k]))('renders the %s questionnaire with its inputs and buttons', async (section) => {
    const editing = new SectionEditingService(bot.store, PLAN_ID);
    const sro = (await bot.store.findPerson(PLAYGROUND_USERS.sro))!;
    const view = await editing.open(sro, section, 0);
    const names = new Map((await bot.store.listPeople()).map((p) => [p.id, p.name]));
    const out = await render(sectionFormCard(view, 1, names), `section-${section}`);
    expect(out.errors).toEqual([]);
    expect(out.buttons).toEqual(expect.arrayContaining(['Save draft', 'Submit']));
    if (view.fields.length) expect(out.inputs).toBeGreaterThanOrEqual(view.fields.length);
    // What the plan holds is what the person sees in the inputs.
    const shown = view.fields.filter((f) => f.value && f.spec.kind !== 'choices').map((f) => f.value.replace(/\r/g, ''));
    expect(shown.filter((v) => !out.values.some((got) => got.replace(/\r/g, '') === v))).toEqual([]);
    if (view.rows) expect(out.buttons.filter((b) => b === 'Edit')).toHaveLength(view.rows.length);
    expect(out.text).toContain(view.stepSpec.title);
  });

  it('renders a row editor prefilled with the row, and a read-only view with no inputs', async () => {
    const editing = new SectionEditingService(bot.store, PLAN_ID);
    const lead = (await bot.store.findPerson(PLAYGROUND_USERS.lead))!;
    const row = await editing.openRow(lead, { section: 'deliveryPlan', step: 1, baseVersion: 1 }, 'ws-3');
    if (row.kind !== 'row') throw new Error('expected a row card');
    const out = await render(rowFormCard(row), 'row-ws-3');
    expect(out.errors).toEqual([]);
    expect(out.inputs).toBeGreaterThanOrEqual(12);
    expect(out.buttons).toEqual(expect.arrayContaining(['Save workstream', 'Cancel']));

    const viewer = (await bot.store.findPerson('demo-pat-viewer'))!;
    const readOnly = await editing.open(viewer, 'executiveSummary', 0);
    const shown = await render(sectionFormCard(readOnly, 1, new Map()), 'read-only-executive-summary');
    expect(shown.inputs).toBe(0);
    expect(shown.text).toContain("Shropshire's SEND system serves a large rural county");
  });
});
