import AdmZip from 'adm-zip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildDataReturn, NO_LA_CODE, type DataReturn } from '../../src/domain/data-return';
import { parseQuarter } from '../../src/domain/quarters';
import type { StoredSpendActual } from '../../src/domain/spend-actuals.schema';
import type { StoredUpdate } from '../../src/domain/workstream-update.schema';
import { demoPlan } from '../../src/demo/demo-plan';
import { DATA_RETURN_COLUMNS, dataReturnCsv, poundsText } from '../../src/export/data-return.csv';
import { dataReturnXlsx, MONEY_FORMAT, MONEY_FORMAT_PENCE, RAG_STYLES, SHEET_COLUMNS } from '../../src/export/data-return.xlsx';

/** RFC 4180, strictly: records end in CRLF, and a bare CR or LF is only allowed inside quotes. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n' || c === '"') {
      throw new Error(`Bare ${JSON.stringify(c)} outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || record.length) throw new Error('The last record does not end in CRLF');
  return records;
};

const TYPED = 'Costs rose, "sharply"\nsee the\r\nfinance report';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

const sample = (): DataReturn => {
  const plan = demoPlan();
  plan.risks.risks[0] = { ...plan.risks.risks[0]!, status: 'closed', closedReason: '+1 for closing, "done"' };
  const latest: StoredUpdate[] = [
    {
      id: 'upd-3',
      workstreamId: 'ws-3',
      quarter: '2026-Q3',
      sequence: 1,
      authorId: 'annie.williams',
      at: '2026-12-18T10:30:00.000Z',
      milestones: [{ milestoneId: 'ws-3-q3-m1', status: 'at-risk', rag: 'Amber', note: TYPED }],
      actual: FORMULA,
      narrative: null,
      blockers: null,
      supportNeeded: null,
    },
    {
      id: 'upd-1',
      workstreamId: 'ws-1',
      quarter: '2026-Q3',
      sequence: 1,
      authorId: 'sarah.court',
      at: '2026-12-17T08:00:00.000Z',
      milestones: [
        { milestoneId: 'ws-1-q3-m1', status: 'off-track', rag: 'Red', note: '@lead please help' },
        { milestoneId: 'ws-1-q3-m2', status: 'complete', rag: 'Green', note: null },
      ],
      actual: null,
      narrative: null,
      blockers: null,
      supportNeeded: null,
    },
  ];
  const at = '2026-12-20T09:00:00.000Z';
  const spendActuals: StoredSpendActual[] = [
    { quarter: '2026-Q3', lineId: 'spend-oversight', sourceId: 'transformation', amountPence: 2_500_000, enteredBy: 'finance', at },
    { quarter: '2026-Q3', lineId: 'spend-workforce', sourceId: 'eah', amountPence: 40_012_350, enteredBy: 'finance', at },
  ];
  return buildDataReturn({ plan, quarter: parseQuarter('2026-Q3'), latest, spendActuals });
};

const cellText = (v: string | number | null): string => (v === null ? '' : String(v));

/** A return whose measures have figures: a Q2 baseline and target, and the EHCP lead's actual for Q3. */
const withFigures = (over: { laCode?: string | null; actual?: string } = {}): DataReturn => {
  const plan = demoPlan();
  if (over.laCode !== undefined) plan.header.laCode = over.laCode;
  plan.threeYearPicture.successMeasures[4] = { ...plan.threeYearPicture.successMeasures[4]!, baseline: '38% (2025-26)', target: '70% by March 2029' };
  const latest: StoredUpdate[] = [
    {
      id: 'upd-3',
      workstreamId: 'ws-3',
      quarter: '2026-Q3',
      sequence: 2,
      authorId: 'annie.williams',
      at: '2026-12-18T10:30:00.000Z',
      milestones: [],
      actual: over.actual ?? '20 week timescale: 46.5%',
      narrative: null,
      blockers: null,
      supportNeeded: null,
    },
  ];
  return buildDataReturn({ plan, quarter: parseQuarter('2026-Q3'), latest, spendActuals: [] });
};

describe('the data return as CSV', () => {
  const ret = sample();
  const text = dataReturnCsv(ret);
  const [header, ...rows] = parseCsv(text);
  const byColumn = (row: string[]) => Object.fromEntries(DATA_RETURN_COLUMNS.map((c, i) => [c, row[i]]));
  const section = (name: string) => rows.filter((r) => r[0] === name).map(byColumn);

  it('is one table with a header row, uniform columns and CRLF line endings', () => {
    expect(header).toEqual([...DATA_RETURN_COLUMNS]);
    expect(header?.slice(0, 3)).toEqual(['section', 'la_code', 'quarter']);
    expect(rows.every((r) => r.length === DATA_RETURN_COLUMNS.length)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows.map((r) => r[0])).toEqual([
      ...ret.milestones.map(() => 'milestone'),
      ...ret.measures.map(() => 'measure'),
      ...ret.risks.map(() => 'risk'),
      ...ret.spend.map(() => 'spend'),
    ]);
  });

  it.each(['milestone', 'measure', 'risk', 'spend'])('names the local authority and the quarter on every %s row', (name) => {
    expect(section(name).length).toBeGreaterThan(0);
    expect(section(name).every((r) => r.la_code === '893' && r.quarter === '2026-Q3')).toBe(true);
    expect(text).toContain(`"${name}","893","2026-Q3",`);
  });

  it('parses back to the measure rows', () => {
    expect(
      section('measure').map((r) => [
        r.plan_question,
        r.workstream_code,
        r.workstream,
        r.lead,
        r.measure_id,
        r.measure,
        r.unit,
        r.baseline,
        r.plan_target,
        r.target_trajectory,
        r.target_value,
        r.actual,
        r.actual_value,
        r.posted_at,
        r.posted_by,
      ]),
    ).toEqual(
      ret.measures.map((m) =>
        [
          m.question,
          m.workstreamCode,
          m.workstreamName,
          m.lead,
          m.measureId,
          m.measure,
          m.unit,
          m.baseline,
          m.planTarget,
          m.targetTrajectory,
          m.targetValue,
          m.actual?.startsWith('=') ? `'${m.actual}` : m.actual,
          m.actualValue,
          m.postedAt,
          m.postedBy,
        ].map(cellText),
      ),
    );
    expect(section('measure').find((r) => r.measure === '20 week timescale')).toMatchObject({ target_value: '50', unit: '%', actual: `'${FORMULA}`, actual_value: '' });
  });

  it('parses back to the milestone rows', () => {
    expect(
      section('milestone').map((r) => [
        r.workstream_code,
        r.workstream,
        r.lead,
        r.milestone_id,
        r.milestone,
        r.status,
        r.rag,
        r.note,
        r.target_trajectory,
        r.target_value,
        r.unit,
        r.actual,
        r.posted_at,
        r.posted_by,
      ]),
    ).toEqual(
      ret.milestones.map((m) =>
        [
          m.workstreamCode,
          m.workstreamName,
          m.lead,
          m.milestoneId,
          m.milestone,
          m.status,
          m.rag,
          m.note?.startsWith('@') ? `'${m.note}` : m.note,
          m.targetTrajectory,
          m.targetValue,
          m.unit,
          m.actual?.startsWith('=') ? `'${m.actual}` : m.actual,
          m.postedAt,
          m.postedBy,
        ].map(cellText),
      ),
    );
  });

  it('parses back to the risk rows', () => {
    expect(
      section('risk').map((r) => [r.risk_id, r.risk, r.scale, r.impact, r.likelihood, r.rag, r.mitigation, r.residual_rag, r.headline, r.status, r.closed_reason]),
    ).toEqual(
      ret.risks.map((k) =>
        [k.riskId, k.description, k.scale, k.impact, k.likelihood, k.rag, k.mitigation, k.residualRag, k.headline, k.status, k.closedReason?.replace(/^\+/, "'+") ?? null].map(cellText),
      ),
    );
    expect(section('risk')[0]).toMatchObject({ status: 'Closed', closed_reason: `'+1 for closing, "done"` });
  });

  it('parses back to the spend rows, in pounds', () => {
    expect(section('spend').map((r) => [r.spend_line_id, r.category, r.funding_source_id, r.funding_source, r.projected_gbp, r.actual_gbp, r.variance_gbp])).toEqual(
      ret.spend.map((s) =>
        [s.lineId, s.category, s.sourceId, s.fundingSource, poundsText(s.projectedPence), poundsText(s.actualPence), poundsText(s.variancePence)].map((v) => v ?? ''),
      ),
    );
    const oversight = section('spend').find((r) => r.spend_line_id === 'spend-oversight' && r.funding_source_id === 'transformation');
    expect(oversight).toMatchObject({ projected_gbp: '27500', actual_gbp: '25000', variance_gbp: '-2500' });
    const workforce = section('spend').find((r) => r.spend_line_id === 'spend-workforce' && r.funding_source_id === 'eah');
    expect(workforce).toMatchObject({ projected_gbp: '400000', actual_gbp: '400123.50', variance_gbp: '123.50' });
  });

  it.each([
    [0, '0'],
    [4_375_000, '43750'],
    [116_524_450, '1165244.50'],
    [116_524_405, '1165244.05'],
    [-250_000, '-2500'],
    [-5, '-0.05'],
    [null, null],
  ])('writes %p pence as %p pounds', (pence, pounds) => {
    expect(poundsText(pence)).toBe(pounds);
  });

  it('keeps typed commas, quotes and line breaks, and defuses a leading formula character', () => {
    const row = section('milestone').find((r) => r.milestone_id === 'ws-3-q3-m1');
    expect(row?.note).toBe(TYPED);
    expect(row?.actual).toBe(`'${FORMULA}`);
    expect(section('milestone').find((r) => r.milestone_id === 'ws-1-q3-m1')?.note).toBe("'@lead please help");
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
  });

  it('writes the same text for the same return', () => {
    expect(dataReturnCsv(sample())).toBe(text);
  });

  it('has the header docs/data-return.md gives', () => {
    const docs = readFileSync(join(__dirname, '../../docs/data-return.md'), 'utf8');
    const block = /```\n(section,[^`]*)```/.exec(docs)?.[1] ?? '';
    expect(block.split(/[,\s]+/).filter(Boolean)).toEqual(header);
  });
});

describe('the success measures in the CSV', () => {
  const records = (ret: DataReturn) => {
    const [header, ...rows] = parseCsv(dataReturnCsv(ret));
    return rows.map((r) => Object.fromEntries(header!.map((c, i) => [c, r[i]])));
  };
  const measures = records(withFigures()).filter((r) => r.section === 'measure');

  it.each([
    ['Q2', '', 'Timeliness – 20 weeks %', { measure_id: 'q2-measure-5', baseline: '38% (2025-26)', plan_target: '70% by March 2029', target_value: '', actual: '', actual_value: '' }],
    ['Q5', '', 'Attendance', { measure_id: 'q5-measure-6', baseline: '', plan_target: '', target_value: '' }],
    ['Q6', '2', 'Independent placement rate (count and % of EHCP cohort)', { workstream: 'Commissioning', lead: 'Jess Sharma', measure_id: '', target_value: '', actual: '' }],
    [
      'Q6',
      '3',
      '20 week timescale',
      {
        workstream: 'EHCP Timeliness',
        lead: 'Annie Williams',
        unit: '%',
        baseline: '',
        target_trajectory: '20 week timescale: 50%',
        target_value: '50',
        actual: '20 week timescale: 46.5%',
        actual_value: '46.5',
        posted_at: '2026-12-18T10:30:00.000Z',
        posted_by: 'annie.williams',
      },
    ],
  ])('%s measure of workstream "%s": %s', (question, workstream, measure, expected) => {
    const row = measures.find((r) => r.plan_question === question && r.workstream_code === workstream && r.measure === measure);
    expect(row).toMatchObject({ la_code: '893', quarter: '2026-Q3', ...expected });
    // A measure row leaves the milestone, risk and spend columns empty.
    expect([row?.milestone_id, row?.status, row?.risk_id, row?.spend_line_id, row?.projected_gbp]).toEqual(['', '', '', '', '']);
  });

  it('writes a negative figure the lead typed as a plain number', () => {
    const row = records(withFigures({ actual: '-3 points on last quarter' })).find((r) => r.measure === '20 week timescale');
    expect(row).toMatchObject({ actual: "'-3 points on last quarter", actual_value: '-3' });
  });

  it('leaves la_code empty on every row and says why first when the plan has no code', () => {
    const rows = records(withFigures({ laCode: null }));
    expect(rows[0]).toMatchObject({ section: 'note', la_code: '', quarter: '2026-Q3', note: NO_LA_CODE });
    expect(rows.filter((r) => r.section === 'note')).toHaveLength(1);
    expect(rows.every((r) => r.la_code === '')).toBe(true);
  });

  it('gives both notes, the code first, for a quarter with no milestones and no code', () => {
    const plan = demoPlan();
    plan.header.laCode = null;
    const rows = records(buildDataReturn({ plan, quarter: parseQuarter('2026-Q1'), latest: [], spendActuals: [] }));
    expect(rows.filter((r) => r.section === 'note').map((r) => r.note)).toEqual([NO_LA_CODE, expect.stringContaining('is the planning quarter')]);
  });
});

describe('the data return as a workbook', () => {
  let workbook: ExcelJS.Workbook;
  const ret = sample();

  beforeAll(async () => {
    const buffer = await dataReturnXlsx(ret);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  });

  const sheet = (name: string): ExcelJS.Worksheet => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`No sheet ${name}`);
    return found;
  };
  const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
  const column = (ws: ExcelJS.Worksheet, header: string) => headerOf(ws).indexOf(header) + 1;

  it('has an About sheet, then Milestones, Measures, Risks and Spend', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['About', 'Milestones', 'Measures', 'Risks', 'Spend']);
    const about = sheet('About')
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    expect(about).toContain('Shropshire, Telford and Wrekin');
    expect(about).toContain('Local SEND Reform Plan 2026-27');
    expect(about).toContain('Quarter 3 of 2026-27 (October to December 2026) (2026-Q3)');
    expect(sheet('About').getSheetValues().some((r) => Array.isArray(r) && r[1] === 'LA code' && r[2] === '893')).toBe(true);
  });

  it.each([
    ['Milestones', SHEET_COLUMNS.Milestones, 'milestones'],
    ['Measures', SHEET_COLUMNS.Measures, 'measures'],
    ['Risks', SHEET_COLUMNS.Risks, 'risks'],
    ['Spend', SHEET_COLUMNS.Spend, 'spend'],
  ] as const)('%s has its columns under a bold, frozen header and a row per record', (name, headers, key) => {
    const ws = sheet(name);
    expect(headerOf(ws)).toEqual([...headers]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(ret[key].length + 1);
    headers.forEach((_, i) => expect(ws.getColumn(i + 1).width).toBeGreaterThanOrEqual(8));
  });

  it.each(['Milestones', 'Measures', 'Risks', 'Spend'])('%s starts every row with the LA code and the quarter, as text', (name) => {
    const ws = sheet(name);
    expect(headerOf(ws).slice(0, 2)).toEqual(['LA code', 'Quarter']);
    const rows = ws.getRows(2, ws.rowCount - 1)!;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.getCell(1).value, r.getCell(2).value])).toEqual(rows.map(() => ['893', '2026-Q3']));
    expect(rows[0]!.getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('writes money as numbers in pounds with a pound format', () => {
    const ws = sheet('Spend');
    const projected = column(ws, 'Projected (£)');
    const actual = column(ws, 'Actual (£)');
    const variance = column(ws, 'Variance (£)');
    const rowOf = (lineId: string, sourceId: string) => {
      const index = ret.spend.findIndex((s) => s.lineId === lineId && s.sourceId === sourceId);
      return ws.getRow(index + 2);
    };
    const oversight = rowOf('spend-oversight', 'transformation');
    expect(oversight.getCell(projected).value).toBe(27_500);
    expect(oversight.getCell(projected).type).toBe(ExcelJS.ValueType.Number);
    expect(oversight.getCell(projected).numFmt).toBe(MONEY_FORMAT);
    expect(oversight.getCell(variance).value).toBe(-2_500);
    const workforce = rowOf('spend-workforce', 'eah');
    expect(workforce.getCell(actual).value).toBe(400_123.5);
    expect(workforce.getCell(actual).numFmt).toBe(MONEY_FORMAT_PENCE);
    const none = rowOf('spend-data', 'transformation');
    expect(none.getCell(actual).value).toBeNull();
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(column(ws, 'Category')).value).toBe('Total');
    expect(total.getCell(projected).type).toBe(ExcelJS.ValueType.Number);
  });

  it.each([
    ['Milestones', 'ws-1-q3-m1', 'RAG', 'Red'],
    ['Milestones', 'ws-3-q3-m1', 'RAG', 'Amber'],
    ['Milestones', 'ws-1-q3-m2', 'RAG', 'Green'],
    ['Risks', 'risk-oaip', 'RAG', 'Red'],
    ['Risks', 'risk-oaip', 'Residual RAG', 'Amber'],
    ['Risks', 'risk-ehcp-timeliness', 'Residual RAG', 'Green'],
  ] as const)('%s: %s has its %s cell filled %s', (name, id, header, rag) => {
    const ws = sheet(name);
    const idColumn = column(ws, name === 'Risks' ? 'Risk id' : 'Milestone id');
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(idColumn).value === id)!;
    const cell = row.getCell(column(ws, header));
    expect(cell.value).toBe(rag);
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_STYLES[rag].fill } });
    expect(cell.font?.color?.argb).toBe(RAG_STYLES[rag].font);
  });

  it('leaves a milestone with no RAG unfilled and says it was not reported', () => {
    const ws = sheet('Milestones');
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(column(ws, 'Milestone id')).value === 'ws-2-q3-m1')!;
    expect(row.getCell(column(ws, 'Status')).value).toBe('Not reported');
    const fill = row.getCell(column(ws, 'RAG')).fill as ExcelJS.FillPattern | undefined;
    expect(fill?.pattern ?? 'none').toBe('none');
  });

  it('keeps typed text as text, never as a formula', () => {
    const ws = sheet('Milestones');
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(column(ws, 'Milestone id')).value === 'ws-3-q3-m1')!;
    const actual = row.getCell(column(ws, 'Actual'));
    expect(actual.type).toBe(ExcelJS.ValueType.String);
    expect(actual.value).toBe(FORMULA);
    // Excel's own line break inside a cell is LF, so a pasted CRLF comes back as LF.
    expect(row.getCell(column(ws, 'Note')).value).toBe(TYPED.replace(/\r\n/g, '\n'));
  });

  it('drops characters XML cannot hold, so a typed U+FFFE never makes the workbook unreadable', async () => {
    const hostile = { ...ret, milestones: ret.milestones.map((m, i) => (i === 0 ? { ...m, note: 'before\uFFFE\uFFFFafter' } : m)) };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await dataReturnXlsx(hostile)) as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet('Milestones')!;
    expect(ws.getRow(2).getCell(headerOf(ws).indexOf('Note') + 1).value).toBe('beforeafter');
  });

  it('is dated from the quarter, not the clock', () => {
    expect(workbook.created.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('holds the same sheets, byte for byte, for the same return', async () => {
    const parts = async () => new AdmZip(await dataReturnXlsx(sample())).getEntries().map((e) => [e.entryName, e.getData().toString('utf8')]);
    const first = await parts();
    expect(first.map(([name]) => name)).toContain('xl/worksheets/sheet3.xml');
    expect(await parts()).toEqual(first);
  });
});

describe('the Measures sheet', () => {
  const load = async (ret: DataReturn) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await dataReturnXlsx(ret)) as unknown as ExcelJS.Buffer);
    return book;
  };
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    return ws.getRows(2, ws.rowCount - 1)!.map((r) => Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1)])));
  };

  it.each([
    ['Q2', 'Timeliness – 20 weeks %', { Baseline: '38% (2025-26)', 'Target in the plan': '70% by March 2029', 'Target value': null, 'Actual value': null }],
    ['Q6', '20 week timescale', { 'Workstream code': '3', Unit: '%', 'Target trajectory': '20 week timescale: 50%', 'Target value': 50, Actual: '20 week timescale: 46.5%', 'Actual value': 46.5 }],
  ])('shows the %s measure %s with its figures', async (question, measure, expected) => {
    const ws = (await load(withFigures())).getWorksheet('Measures')!;
    const row = rowsOf(ws).find((r) => r['Plan question']!.value === question && r.Measure!.value === measure)!;
    expect(Object.fromEntries(Object.keys(expected).map((h) => [h, row[h]!.value]))).toEqual(expected);
    expect([row['LA code']!.value, row.Quarter!.value]).toEqual(['893', '2026-Q3']);
    for (const h of ['Target value', 'Actual value']) if (row[h]!.value !== null) expect(row[h]!.type).toBe(ExcelJS.ValueType.Number);
  });

  it('leaves the LA code cells empty and says on the About sheet that it is missing', async () => {
    const book = await load(withFigures({ laCode: null }));
    for (const name of ['Milestones', 'Measures', 'Risks', 'Spend']) {
      expect(rowsOf(book.getWorksheet(name)!).every((r) => r['LA code']!.value === null)).toBe(true);
    }
    const about = (book.getWorksheet('About')!.getSheetValues() as unknown[]).filter((r): r is unknown[] => Array.isArray(r));
    expect(about.find((r) => r[1] === 'LA code')?.[2]).toBe(`Missing. ${NO_LA_CODE}`);
  });
});

describe('the data return for a quarter the plan has no milestones for', () => {
  const ret = buildDataReturn({ plan: demoPlan(), quarter: parseQuarter('2030-Q2'), latest: [], spendActuals: [] });
  const why = 'Quarter 2 of 2030-31 (July to September 2030) is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.';

  it('says why in a note row of the CSV, before the risks and spend', () => {
    const [header, ...rows] = parseCsv(dataReturnCsv(ret));
    expect(rows.filter((r) => r[0] === 'milestone')).toEqual([]);
    expect(rows[0]?.[0]).toBe('note');
    expect(rows[0]?.[header!.indexOf('note')]).toBe(why);
  });

  it('says why on the workbook’s About sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await dataReturnXlsx(ret)) as unknown as ExcelJS.Buffer);
    const about = workbook.getWorksheet('About')!.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(about).toContain(why);
  });
});
