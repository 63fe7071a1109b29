import type { ChatKind, Errand } from '../app/understanding.port';

/** Kind answers to small talk: short, warm, and pointing back to the plan. `{name}` is the person's first name. */
export const CHAT_WORDS: Record<ChatKind, { title: string; message: string }> = {
  greeting: { title: 'Hello {name}', message: 'I’m the Local SEND Reform Plan assistant. Tell me in your own words what you need, or try one of these.' },
  thanks: { title: 'You’re welcome, {name}', message: 'Glad to help. If there is anything else on the plan, just ask.' },
  bye: { title: 'Bye for now, {name}', message: 'Anything that needs you (a sign-off request, a reminder, an answer to feedback) will come to your own chat with me.' },
  howAreYou: { title: 'All well here, thank you', message: 'Thanks for asking, {name}. What can I help you with on the plan today?' },
  sorry: { title: 'No need to apologise', message: 'Nothing has been changed. Tell me what you need whenever you’re ready.' },
  praise: { title: 'Thank you, {name}', message: 'That’s kind of you. Here is what I can do next.' },
  frustrated: {
    title: 'Sorry this isn’t going well',
    message: 'Tell me in a few words what you are trying to do, for example “post my update” or “who hasn’t signed?”, or type **help**. The plan’s SRO can sort out anything on the record itself.',
  },
  laugh: { title: 'Glad something made you smile', message: 'Whenever you’re ready, here is what I can do for you.' },
  ack: { title: 'OK, {name}', message: 'Let me know if there is anything else you need on the plan.' },
};

/** What the bot says it cannot do, plainly, with where to go instead. */
export const ERRAND_WORDS: Record<Errand, { title: string; message: string }> = {
  meeting: {
    title: 'I can’t book meetings',
    message: 'I can’t set up meetings, calls or invitations: please use Outlook or the Teams calendar. I can get the plan ready for it: the highlight report, the sign-off status or the plan in Word.',
  },
  email: {
    title: 'I can’t send e-mails',
    message: 'I only send cards here in Teams, to people on the plan’s roster (sign-off requests, reminders, answers to feedback). For an e-mail, please use Outlook.',
  },
  child: {
    title: 'I can’t help with a child’s own paperwork',
    message: 'I’m here for the partnership’s Local SEND Reform Plan, not for an individual child’s EHCP, needs assessment, annual review or school place. Please contact the council’s SEND team, or your local SENDIASS for free, impartial advice. If you want to pass on what families are telling you, type **give feedback**.',
  },
  it: {
    title: 'I can’t help with IT problems',
    message: 'For passwords, laptops, printers or Teams itself, please contact your organisation’s IT service desk.',
  },
  other: {
    title: 'That’s not something I can do',
    message: 'I help the partnership write, keep and sign off its Local SEND Reform Plan. Here is what I can do for you.',
  },
};
