import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { signOffStatusCard } from '../views/sign-off.view';
import { answerQuestionCard } from '../views/sign-off-questions.view';
import { defineAction } from './action.types';
import { SignOffQuestionData } from './signoff-data';
import { inputValue } from '../../app/questionnaire/input-name';

/** Sends the SRO's answer to the signatory's chat, and shows the status with the thread. */
export const signOffAnswerAction = defineAction({
  verb: VERBS.signoffAnswer,
  data: SignOffQuestionData,
  run: async (ctx, d) => {
    const typed = inputValue(ctx.values, 'answer');
    try {
      const { question, reached } = await ctx.services.signOffQuestions.answer(ctx.person, d.question, typed, ctx.requestId);
      const notice = reached
        ? { style: 'good', text: `Your answer was sent to ${question.askerName}.` }
        : { style: 'warning', text: `Your answer is kept with the round, but it could not reach ${question.askerName} in Teams: they will see it on their sign-off request once they open the bot.` };
      return signOffStatusCard(await ctx.services.signOff.overview(), true, notice);
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const { question, round } = await ctx.services.signOffQuestions.toAnswer(ctx.person, d.question);
      return answerQuestionCard(question, round, typeof typed === 'string' ? typed.slice(0, 2000) : '', error.message);
    }
  },
});
