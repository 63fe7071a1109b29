import { DomainError, isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { peopleCard, personCard } from '../views/people.view';
import { rolesText } from '../words';
import { defineAction } from './action.types';
import { PersonVersionData } from './people-data';

/** Gives a person the roles chosen: added at once, or changed at the version the card showed. */
export const personSaveAction = defineAction({
  verb: VERBS.personSave,
  data: PersonVersionData,
  run: async (ctx, d) => {
    try {
      const { record, added, replayed } = await ctx.services.people.saveRoles(ctx.person, d.person, d.version, ctx.values, ctx.requestId);
      const overview = await ctx.services.people.overview(ctx.person);
      if (!record) return peopleCard(overview, { style: 'warning', text: 'They are no longer on the roster.' });
      const what = added ? `${record.person.name} can now use the bot as ${rolesText(record.person)}.` : `${record.person.name} is now ${rolesText(record.person)}.`;
      return peopleCard(overview, { style: 'good', text: replayed ? `Already done: ${what}` : `${what} The change is recorded with your name.` });
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID') || error.details.fields === undefined) throw error;
      // A mistake comes back on the same card, with what was chosen.
      const target = await ctx.services.people.toEdit(ctx.person, d.person).catch(() => {
        throw new DomainError('INPUT.INVALID', error.message);
      });
      return personCard(target, (await ctx.services.overview.current()).plan, { message: error.message, fields: error.details.fields as Record<string, string>, typed: ctx.values });
    }
  },
});
