import { z } from 'zod';
import { VERBS } from '../verbs';
import { peopleCard } from '../views/people.view';
import { defineAction } from './action.types';

export const teamConfirmAction = defineAction({
  verb: VERBS.teamConfirm,
  data: z.object({ team: z.string().trim().min(1).max(1000) }),
  run: async (ctx, d) => {
    const team = await ctx.services.teams.confirm(ctx.person, d.team);
    ctx.services.reach.forgetRosters();
    const text = `${team.name} is the partnership’s team: I now reach its members in a 1:1 chat, and you can post the highlight report there.`;
    return peopleCard(await ctx.services.people.overview(ctx.person), { style: 'good', text });
  },
});
