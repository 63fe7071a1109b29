import { VERBS } from '../verbs';
import { answerQuestionCard } from '../views/sign-off-questions.view';
import { defineAction } from './action.types';
import { SignOffQuestionData } from './signoff-data';

/** The SRO's reply box for one signatory's question. */
export const signOffAnswerFormAction = defineAction({
  verb: VERBS.signoffAnswerForm,
  data: SignOffQuestionData,
  run: async (ctx, d) => {
    const { question, round } = await ctx.services.signOffQuestions.toAnswer(ctx.person, d.question);
    return answerQuestionCard(question, round);
  },
});
