import { VERBS } from '../verbs';
import { peopleCard } from '../views/people.view';
import { defineAction } from './action.types';
import { PeoplePageData } from './people-data';

export const peopleShowAction = defineAction({
  verb: VERBS.people,
  data: PeoplePageData,
  run: async (ctx, d) => peopleCard(await ctx.services.people.overview(ctx.person), null, d.page ?? 0),
});
