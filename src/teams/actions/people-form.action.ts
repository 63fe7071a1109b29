import { VERBS } from '../verbs';
import { personCard } from '../views/people.view';
import { defineAction } from './action.types';
import { PersonData } from './people-data';

export const personFormAction = defineAction({
  verb: VERBS.personForm,
  data: PersonData,
  run: async (ctx, d) => personCard(await ctx.services.people.toEdit(ctx.person, d.person), (await ctx.services.overview.current()).plan),
});
