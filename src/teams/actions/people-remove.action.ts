import { VERBS } from '../verbs';
import { peopleCard } from '../views/people.view';
import { defineAction } from './action.types';
import { PersonVersionData } from './people-data';

export const personRemoveAction = defineAction({
  verb: VERBS.personRemove,
  data: PersonVersionData,
  run: async (ctx, d) => {
    const { name, replayed } = await ctx.services.people.remove(ctx.person, d.person, d.version, ctx.requestId);
    const text = `${name} can no longer use the bot${replayed ? ' (already done)' : ''}. Their past work stays in the plan’s history.`;
    return peopleCard(await ctx.services.people.overview(ctx.person), { style: 'good', text });
  },
});
