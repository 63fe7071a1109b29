import { HEADER_LABELS, QUESTION_PROMPTS } from '../annex-a.text';
import { parsePounds } from '../money';
import type { Goal, KpiGroup, Plan, RagRating, SectionKey } from '../plan.schema';
import { ragOfFill, ragOfScore } from '../risk-rating';
import { freshId } from './fresh-id';
import { normalise } from './normalise';
import type { Line, SectionReader } from './plan-sections';
import { labelledCells, looksLikeHeadings, otherColumns, rowsOf, same, text, withLines, type Row } from './table-cells';
import { answerLinesOf, asText, promptLines, textAroundTables, theTable, withTablesAsLines, type TextLine } from './section-text';

const CAPITAL_PROMPT = new Set(promptLines(QUESTION_PROMPTS.otherFunding.capital));

/** A free-text answer, any table in it kept as "| a | b |" lines (the plan prints those as a table again). */
const answerText = (section: SectionKey, lines: readonly Line[]): string | null => asText(answerLinesOf(section, withTablesAsLines(lines)));

/** "Label: value" as the template prints a field; the line's position, so text around it can be read too. */
const field = (lines: readonly TextLine[], label: string): { value: string | null; at: number } => {
  const prefix = normalise(`${label}:`).toLowerCase();
  const at = lines.findIndex((l) => normalise(l.text).toLowerCase().startsWith(prefix));
  const value = at < 0 ? '' : normalise(lines[at]!.text).slice(prefix.length).trim();
  return { value: value || null, at };
};

const whole = (text: string | null): number | null => (text !== null && /^\d+$/.test(text) ? Number(text) : null);

/** Rows matched to the plan's by position keep their ids (and anything the document does not show); new ones get new ids. */
const keepIds = <T extends { id: string }>(old: readonly T[], made: readonly Partial<T>[], prefix: string, keep: (was: T | undefined) => Partial<T> = () => ({})): T[] =>
  made.map((m, i) => ({ ...keep(old[i]), ...m, id: old[i]?.id ?? `${prefix}-${i + 1}` }) as T);

const goalOf = (line: TextLine): Omit<Goal, 'id' | 'themes'> => {
  const text = line.text.trim();
  const title = line.bold[0]?.trim() && text.startsWith(line.bold[0].trim()) ? line.bold[0].trim() : null;
  const rest = (title ? text.slice(title.length) : text).trim();
  const track = rest.lastIndexOf('Track: ');
  return {
    title,
    description: (track >= 0 ? rest.slice(0, track) : rest).trim() || null,
    tracked: track >= 0 ? rest.slice(track + 'Track: '.length).trim() || null : null,
  };
};


/** "What we will track: …" typed as a goal's own sub-item: part of that goal, not a goal of its own. */
const TRACKED_LINE = /^(?:[a-z]\)|[a-z]\.|[-•])?\s*(?:what\s+)?we(?:'ll|\s+will)\s+(?:track|measure)\b/i;
const withTrackedLines = (goals: readonly TextLine[]): TextLine[] =>
  goals.reduce<TextLine[]>((out, line) => {
    const last = out.at(-1);
    // A list's second level under a goal ("a. What we will track …") is that goal's too.
    // Never a line set in bold (a goal's own title, "Monitoring: …").
    const sub = (TRACKED_LINE.test(line.text.trim()) && !line.bold.some((b) => b.trim())) || (line.level ?? 0) > (last?.level ?? 0);
    if (last && sub) out[out.length - 1] = { ...last, text: `${last.text.trim()}\n${line.text.trim()}` };
    else out.push(line);
    return out;
  }, []);

const HEADED_GOAL = /^Goal\s+(?:\d{1,2}|[A-Z])\s*[:.–-]\s*\S/;

/** Goals as headings, each followed by its words (a list under it kept as "- " lines) up to the next. */
const goalsUnderHeadings = (plan: Plan, all: readonly TextLine[], starts: readonly number[]): Plan => {
  const before = all.slice(0, starts[0]);
  const goals = starts.map((at, i) => ({
    title: all[at]!.text.trim(),
    description: asText(all.slice(at + 1, starts[i + 1] ?? all.length)),
    tracked: null,
  }));
  return withGoals(plan, before, goals);
};

/**
 * Q1 from the lines above its goals and the goals read: the goals' introduction is the paragraph
 * just before them when the plan has one, the rest the vision; goals matched by position keep
 * their ids and themes.
 */
const withGoals = (plan: Plan, before: readonly TextLine[], goals: readonly Omit<Goal, 'id' | 'themes'>[]): Plan => {
  const intro = plan.visionAndGoals.goalsIntro !== null && before.length > 1 ? before[before.length - 1]! : null;
  return {
    ...plan,
    visionAndGoals: {
      vision: asText(intro ? before.slice(0, -1) : before),
      goalsIntro: intro ? intro.text.trim() : null,
      goals: keepIds(plan.visionAndGoals.goals, goals, 'goal', (was) => ({ themes: was?.themes ?? [] })),
    },
  };
};

/** Q1's goals as a table under its headings: a row each, the goal, what it means and what will be tracked. */
const goalsFromTable = (plan: Plan, own: readonly TextLine[], rows: readonly Row[]): Plan => {
  const goals = rows.filter((r) => text(r[0])).map((r) => ({ title: text(r[0]), description: text(r[1]), tracked: text(r.slice(2).join('\n')) }));
  return withGoals(plan, own, goals);
};

/**
 * Dependencies as a partnership often lays them out: a table, a row each, the area first and then
 * columns of its own choosing ("Effect on our plan", "How we will manage it", "Owner"). Each row's
 * other cells become its management text, a line per column under that column's heading, so every
 * word is kept. An open dependency the table leaves out is not closed from Word.
 */
const dependenciesFromTable = (plan: Plan, lines: readonly Line[], rows: readonly Row[]): Plan => {
  // Its headings when the first row reads as headings and is not one of the template's areas ("NHS reforms"); else every row is a dependency.
  const areas = new Set(promptLines(QUESTION_PROMPTS.dependencies.prompt).map((a) => a.toLowerCase()));
  const headed = looksLikeHeadings(rows[0]) && !areas.has(normalise(rows[0]?.[0] ?? '').toLowerCase());
  const [heads = [], ...table] = headed ? rows : [[], ...rows];
  // A column before the dependency's own ("Scope", merged down over its group) goes after the others, its value carried down.
  const first = heads.findIndex((h) => /^(the )?(dependenc|reform|area)/i.test(normalise(h)));
  const turn = (row: Row) => (first > 0 ? [...row.slice(first), ...row.slice(0, first)] : [...row]);
  // Only a cell merged down from the one above takes its words; one left empty says nothing.
  const merged = lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row').slice(headed ? 1 : 0).map((l) => l.merged ?? []);
  const above: string[] = [];
  const carried = table.map((row, i) =>
    row.map((c, j) => {
      const value = j < first && !c.trim() && merged[i]?.[j] ? (above[j] ?? '') : c;
      if (value.trim()) above[j] = value;
      return value;
    }),
  );
  const header = turn(heads);
  const body = carried.map(turn);
  const open = plan.dependencies.items.filter((d) => d.status === 'open');
  const filled = body.filter((r) => text(r[0]));
  if (open.some((d) => !filled.some((r) => same(r[0], d.area)))) return plan;
  const ids = new Set(plan.dependencies.items.map((d) => d.id));
  const read = filled.map((row) => {
    const area = text(row[0])!;
    const management = labelledCells(header, row, 1).join('\n');
    const was = open.find((d) => same(area, d.area));
    if (was) return { ...was, management: management || null };
    const id = freshId(area, ids);
    ids.add(id);
    return { id, area, management: management || null, status: 'open' as const, closedReason: null, owner: null };
  });
  return { ...plan, dependencies: { approach: textAroundTables('dependencies', lines), items: [...read, ...plan.dependencies.items.filter((d) => d.status !== 'open')] } };
};

/** The risk table's columns by their headings ("Mitigating actions", "Probability"), each in the template's place when its heading is not found. */
const RISK_COLUMNS = [
  ['description', /^$/],
  ['impact', /^impact\b/i],
  ['likelihood', /^(likelihood|probability)\b/i],
  ['rating', /^(rag|rating|risk rating|current rag|overall rag|rag rating)\b/i],
  ['mitigation', /mitigat/i],
  ['residual', /^(residual|target)\b/i],
] as const;
type RiskColumn = (typeof RISK_COLUMNS)[number][0];

const riskColumns = (header: readonly string[]): Record<RiskColumn, number> => {
  const found = RISK_COLUMNS.map(([, heading], i) => (i === 0 ? 0 : header.findIndex((h, j) => j > 0 && heading.test(normalise(h)))));
  // A column whose heading is not found is where the template has it, unless a named one is there.
  return Object.fromEntries(RISK_COLUMNS.map(([key], i) => [key, found[i]! >= 0 ? found[i]! : found.includes(i) ? -1 : i])) as Record<RiskColumn, number>;
};

/**
 * Each section read back into the plan from its lines, a pure function of the plan and the file.
 * A reader may guess wrong on an unusual layout: the import compiles its result again and takes
 * it only when it says exactly what the file says. Sections not listed are named, not taken.
 */
export const SECTION_READERS: Partial<Record<SectionKey, SectionReader>> = {
  header: (plan, lines) => {
    // A fact may be typed "Label: value" or set out on a cover page as a row of two cells.
    const asField = (l: Line): Line => (l.kind === 'row' && l.cells.length === 2 ? { kind: 'text', text: `${l.cells[0]!.trim().replace(/:$/, '')}: ${l.cells[1]!.trim()}`, listed: false, bold: [] } : l);
    const own = answerLinesOf('header', lines.map(asField));
    return {
      ...plan,
      header: {
        ...plan.header,
        localAuthority: field(own, HEADER_LABELS.localAuthority).value,
        integratedCareBoard: field(own, HEADER_LABELS.integratedCareBoard).value,
        sroName: field(own, HEADER_LABELS.sroName).value,
      },
    };
  },
  executiveSummary: (plan, lines) => ({ ...plan, executiveSummary: { changeStory: answerText('executiveSummary', lines) } }),
  visionAndGoals: (plan, lines) => {
    // A table headed "Goal …" is the goals; any other table (the vision in a box of its own) is part of the vision's text.
    const goalTable = theTable(lines, (cells) => /^(our )?goals?\b/i.test(normalise(cells[0] ?? '')));
    const goalRows = rowsOf(goalTable?.table ?? []).slice(1);
    // Not when the goals are a list of Word's own (the plan's layout): a table headed "Goal" is then part of the vision.
    const listed = answerLinesOf('visionAndGoals', lines).some((l) => l.listed && !l.typed);
    if (goalTable && goalRows.length && !listed) return goalsFromTable(plan, answerLinesOf('visionAndGoals', goalTable.rest), goalRows);
    const all = answerLinesOf('visionAndGoals', withTablesAsLines(lines));
    // Goals set as headings of their own ("Goal A – …"), each with its words and measures under it.
    const headed = all.flatMap((l, i) => (l.titled && !l.listed && HEADED_GOAL.test(l.text.trim()) ? [i] : []));
    if (headed.length >= 2) return goalsUnderHeadings(plan, all, headed);
    // Goals are a list; typed as paragraphs "Goal 1: …", the run of them is, and what follows it
    // (a word on how they were agreed) stays with the vision.
    const typedGoal = (l: TextLine) => /^Goal\s+\d+\s*[:.–-]/i.test(l.text.trim());
    const runAt = all.some((l) => l.listed) ? -1 : all.findIndex(typedGoal);
    let runEnd = runAt;
    while (runAt >= 0 && runEnd < all.length && typedGoal(all[runEnd]!)) runEnd++;
    const own = runAt < 0 ? all : [...all.slice(0, runAt), ...all.slice(runEnd), ...all.slice(runAt, runEnd).map((l) => ({ ...l, listed: true }))];
    // A line typed "1) …" or "• …" in the vision is not the goals' list when Word's own list follows.
    const wordList = own.some((l) => l.listed && !l.typed);
    let firstGoal = own.findIndex((l) => l.listed && (!wordList || !l.typed));
    // "Our four goals are:" as a list item with the goals a level under it: their introduction, not a goal.
    const lead = own[firstGoal];
    if (lead && /:$/.test(lead.text.trim()) && (own[firstGoal + 1]?.level ?? 0) > (lead.level ?? 0)) firstGoal++;
    return withGoals(plan, firstGoal < 0 ? own : own.slice(0, firstGoal), firstGoal < 0 ? [] : withTrackedLines(own.slice(firstGoal)).map(goalOf));
  },
  deliveryCapacity: (plan, lines) => ({ ...plan, deliveryCapacity: { narrative: answerText('deliveryCapacity', lines) } }),
  otherFunding: (plan, lines) => {
    const own = answerLinesOf('otherFunding', withTablesAsLines(lines), CAPITAL_PROMPT);
    const made = field(own, 'Block transfer made');
    const percentage = field(own, 'Percentage of Schools Block');
    const amount = field(own, 'Amount');
    const provisions = field(own, 'New inclusion provisions');
    const places = field(own, 'Additional local places');
    const fields = [made, percentage, amount, provisions, places].map((f) => f.at).filter((at) => at >= 0);
    // Free text before the capital fields is the block transfer's; after them, the capital strategy.
    const capitalAt = Math.min(...[provisions.at, places.at].filter((at) => at >= 0), own.length);
    const prose = (from: number, to: number) => asText(own.slice(from, to).filter((_, i) => !fields.includes(i + from)));
    const pence = amount.value ? parsePounds(amount.value, 100_000_000_000) : null;
    const percent = percentage.value ? Number(percentage.value.replace(/%$/, '')) : null;
    return {
      ...plan,
      otherFunding: {
        blockTransfer: {
          made: made.value === 'Yes' ? true : made.value === 'No' ? false : null,
          percentage: percent !== null && Number.isFinite(percent) ? percent : null,
          amountPence: pence && 'pence' in pence ? pence.pence : null,
          narrative: prose(0, capitalAt),
        },
        capital: { newProvisions: whole(provisions.value), additionalPlaces: whole(places.value), strategy: prose(capitalAt, own.length) },
      },
    };
  },
  engagement: (plan, lines) => ({ ...plan, engagement: { narrative: answerText('engagement', lines) } }),
  // The headline risks' rows, by position: their words and ratings. Adding, removing or reordering
  // risks changes who owns what and which are headline, so that stays in Teams (the count must match).
  // A row added at the end is a new headline risk, on the scale its ratings are written in.
  risks: (plan, lines) => {
    // Columns a partnership put before the risk itself ("Ref") are moved after the template's six, to go with the others it added.
    const tableRows = lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row');
    const heads = tableRows[0]?.cells ?? [];
    const first = heads.findIndex((c) => /^(the )?(risks?|description)( (title|description|name|summary))?$/i.test(normalise(c)));
    // A reference column first with no column named as the risk's: which column says the risk is not known, so the table is left for Teams.
    if (first < 0 && /^(ref|id|no\.?|#|number|risk (ref|id|no\.?|number))$/i.test(normalise(heads[0] ?? ''))) return plan;
    const turn = <T>(cells: readonly T[]) => (first > 0 ? [...cells.slice(first), ...cells.slice(0, first)] : [...cells]);
    const turned = tableRows.map((r) => ({ ...r, cells: turn(r.cells), ...(r.fills ? { fills: turn(r.fills) } : {}) }));
    // A template row left empty is no risk.
    const rows = turned.slice(1).filter((r) => r.cells.some((c) => c.trim()));
    const headline = plan.risks.risks.filter((r) => r.status === 'open' && r.headline);
    if (rows.length < headline.length || rows.length > 5) return plan;
    // "Red", "RED" or "Red (16)": the score in brackets is impact times likelihood, worked out again from
    // them. A score alone ("16") is the colour Annex C gives it, as the bot rates a risk typed in Teams.
    const rag = (text: string | undefined): RagRating | null => {
      const t = normalise(text ?? '');
      return (['Red', 'Amber', 'Green'] as const).find((r) => r.toLowerCase() === (/^[a-z]+/i.exec(t)?.[0] ?? '').toLowerCase()) ?? (/^\d{1,2}$/.test(t) ? ragOfScore(Number(t)) : null);
    };
    // A residual score ("Amber (8)", "Amber – 8", "8") is not worked out from anything the plan keeps: kept under the mitigation.
    const residualScore = (text: string | undefined): string[] => {
      const score = /^(?:[a-z]+\s*(?:\(|-\s*))?(\d{1,2})\)?$/i.exec(normalise(text ?? ''))?.[1];
      return score ? [`Residual score: ${score}`] : [];
    };
    const text = (cell: string | undefined) => (cell ?? '').trim() || null;
    // Each column by its heading where the table names it (some put likelihood first, or an owner before the residual rating); the template's order otherwise.
    const header = turned[0]?.cells ?? [];
    const at = riskColumns(header);
    const read = ({ cells, fills }: Extract<Line, { kind: 'row' }>) => {
      // A rating cell left empty but coloured says its rating by its fill alone.
      const coloured = (i: number) => (text(cells[i]) ? null : ragOfFill(fills?.[i]));
      // Columns the partnership added (a risk owner, a reference) go with the mitigation, under their headings.
      const added = otherColumns(header, cells, (i) => Object.values(at).includes(i));
      return {
        description: (cells[at.description] ?? '').trim(),
        impact: text(cells[at.impact]),
        likelihood: text(cells[at.likelihood]),
        rag: rag(cells[at.rating]) ?? coloured(at.rating),
        mitigation: withLines(text(cells[at.mitigation]), [...added, ...residualScore(cells[at.residual])]),
        residualRag: rag(cells[at.residual]) ?? coloured(at.residual),
      };
    };
    const edited = new Map(headline.map((risk, i) => [risk.id, { ...risk, ...read(rows[i]!) }]));
    const ids = new Set(plan.risks.risks.map((r) => r.id));
    const added = rows.slice(headline.length).map((row) => {
      const values = read(row);
      const id = freshId(values.description, ids);
      ids.add(id);
      const simple = [values.impact, values.likelihood].every((v) => v === null || ['High', 'Medium', 'Low'].includes(v));
      return { id, ...values, scale: simple ? ('high-medium-low' as const) : ('annex-c' as const), headline: true, status: 'open' as const, closedReason: null, owner: null };
    });
    // Words around the table (how the partnership rates risks, where its full register is) are its note.
    const note = asText(answerLinesOf('risks', lines));
    return { ...plan, risks: { ...plan.risks, note, risks: [...plan.risks.risks.map((r) => edited.get(r.id) ?? r), ...added] } };
  },
  // The approach, then each open dependency under its area's sub-heading. A new sub-heading is a new
  // dependency; one the plan has that the file lacks is not closed from Word (that stays in Teams).
  dependencies: (plan, lines) => {
    const rows = rowsOf(lines);
    if (rows.length > 1 && !lines.some((l) => l.kind === 'text' && l.heading)) return dependenciesFromTable(plan, lines, rows);
    // Without heading styles, each area is typed as a short paragraph in bold with its text under it
    // (its words may be the prompt's own, "Curriculum and Assessment Review": it is still their heading).
    const typed = withTablesAsLines(lines);
    const styled = typed.some((l) => l.kind === 'text' && l.heading);
    const boldArea = (l: Line, i: number) => {
      const next = typed[i + 1];
      return l.kind === 'text' && Boolean(l.titled) && !l.listed && l.text.trim().split(/\s+/).length <= 12 && next?.kind === 'text' && !next.titled;
    };
    const bolded = !styled && typed.filter(boldArea).length >= 2;
    // Or as a numbered list, each area its item's bold lead-in ("NHS reforms – the ICB will …"), the items under it its own.
    const leadIn = (l: Line): string | null => {
      if (l.kind !== 'text' || !l.listed || (l.level ?? 0) > 0) return null;
      const lead = l.bold[0]?.trim();
      return lead && l.text.trim().startsWith(lead) && l.text.trim().length > lead.length ? lead : null;
    };
    const listedAreas = !styled && !bolded && typed.filter((l) => leadIn(l)).length >= 2;
    const marked = styled
      ? typed
      : bolded
        ? typed.map((l, i) => (boldArea(l, i) ? { ...l, heading: true } : l))
        : listedAreas
          ? typed.flatMap((l): Line[] => {
              const lead = leadIn(l);
              if (!lead || l.kind !== 'text') return [l];
              const rest = l.text.trim().slice(lead.length).replace(/^\s*[-–:.]\s*/, '');
              return [{ kind: 'text', text: lead, listed: false, bold: [], heading: true }, { kind: 'text', text: rest, listed: false, bold: [] }];
            })
          : typed;
    const own = answerLinesOf('dependencies', marked);
    const starts = own.flatMap((l, i) => (l.heading ? [i] : []));
    const open = plan.dependencies.items.filter((d) => d.status === 'open');
    const areas = starts.map((at) => own[at]!.text.trim());
    if (open.some((d) => !areas.some((a) => normalise(a) === normalise(d.area)))) return plan;
    const ids = new Set(plan.dependencies.items.map((d) => d.id));
    const read = areas.map((area, i) => {
      const management = asText(own.slice(starts[i]! + 1, starts[i + 1] ?? own.length));
      const was = open.find((d) => normalise(d.area) === normalise(area));
      if (was) return { ...was, management };
      const id = freshId(area, ids);
      ids.add(id);
      return { id, area, management, status: 'open' as const, closedReason: null, owner: null };
    });
    const closed = plan.dependencies.items.filter((d) => d.status !== 'open');
    return { ...plan, dependencies: { approach: asText(own.slice(0, starts[0] ?? own.length)), items: [...read, ...closed] } };
  },
  monitoring: (plan, lines) => {
    const own = answerLinesOf('monitoring', withTablesAsLines(lines));
    const kpiAt = own.findIndex((l) => normalise(l.text) === 'Examples of key performance indicators include:');
    if (kpiAt < 0) return { ...plan, monitoring: { ...plan.monitoring, approach: asText(own), kpiGroups: [], assuranceAndFeedback: null } };
    let end = kpiAt + 1;
    while (end < own.length && own[end]!.listed) end++;
    const kpis = own.slice(kpiAt + 1, end).map((l): Omit<KpiGroup, 'id'> => {
      const [name, ...rest] = l.text.split(':');
      return { name: (name ?? '').trim(), indicators: rest.join(':').trim() || null };
    });
    return {
      ...plan,
      monitoring: { approach: asText(own.slice(0, kpiAt)), kpiGroups: keepIds(plan.monitoring.kpiGroups, kpis, 'kpi'), assuranceAndFeedback: asText(own.slice(end)) },
    };
  },
  centralGovernmentSupport: (plan, lines) => ({
    ...plan,
    centralGovernmentSupport: { ...plan.centralGovernmentSupport, asks: answerLinesOf('centralGovernmentSupport', withTablesAsLines(lines)).map((l) => l.text.trim()).filter(Boolean) },
  }),
};
