import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { peopleCard, personCard } from '../views/people.view';
import { defineAction } from './action.types';
import { NoData } from './card-data';

/** "Choose their roles" on the people card: the person picked (people picker first, else a team member), looked up on the team's roster. */
export const personAddAction = defineAction({
  verb: VERBS.personAdd,
  data: NoData,
  run: async (ctx) => {
    const picked = typeof ctx.values.who === 'string' && ctx.values.who.trim() ? ctx.values.who : ctx.values.member;
    try {
      const target = await ctx.services.people.toEdit(ctx.person, picked);
      return personCard(target, (await ctx.services.overview.current()).plan);
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      return peopleCard(await ctx.services.people.overview(ctx.person), null, 0, error.message);
    }
  },
});
