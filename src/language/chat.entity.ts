import type { ChatKind, Errand } from '../app/understanding.port';

/** Which kind of small talk, so "thanks" and "this is rubbish" each get their own answer. First match wins. */
const CHAT: readonly [ChatKind, RegExp][] = [
  ['frustrated', /\b(rubbish|useless|annoying|frustrat\w*|hopeless|pointless|stupid|hate|doesnt work|not working|waste of time|fed up|ffs|ugh+|argh+|come on)\b/],
  ['sorry', /\b(sorry|apologies|my bad|oops|whoops|my mistake)\b/],
  ['thanks', /\b(thanks?|thank u|thankyou|ta|cheers|thx|tx|ty|much appreciated|appreciate it|grateful)\b/],
  ['howAreYou', /\bhow are (you|u|things)\b|\bhow r u\b|\bhows it going\b|\byou ok\b|\bhow you doing\b|\bhow is your day\b/],
  ['bye', /\b(bye|goodbye|see (you|ya|u)|later|night|goodnight|ttyl|thats all|thats it for now|im off|signing off for)\b/],
  ['laugh', /\b(lol|haha+|hehe+|lmao|rofl)\b/],
  ['praise', /\b(great|brilliant|fab|fabulous|fantastic|amazing|awesome|excellent|perfect|lovely|nice one|well done|good job|super|smashing|ace|top|spot on|magic|class|legend|star|love it|good bot)\b/],
  ['greeting', /\b(hi|hello|hey|hiya|morning|afternoon|evening|good (morning|afternoon|evening)|yo|howdy|greetings)\b/],
];

/** What was asked that the bot cannot do, so the answer names it. */
const ERRAND: readonly [Errand, RegExp][] = [
  ['child', /\b(my|our|her|his|their) (son|daughter|child|kid|boy|girl|lad)s?\b|\bchilds?\b|\b(needs|ehc|ehcp) assessment\b|\bannual review\b|\btribunal\b|\bappeal\b|\bmy ehcp\b|\bcase\s?work\b|\b(?:his|her|their|my) case\b|\badmissions?\b|\bschool place\b/],
  ['meeting', /\b(meeting|meet|call|calendar|diary|invite|appointment|book|schedule|teams call|zoom|room)\b/],
  ['email', /\b(e ?mails?|inbox|outlook|letter|post to|text message|sms|ring|phone)\b/],
  ['it', /\b(password|laptop|printer|wifi|vpn|log ?in|login|computer|it support|reset)\b/],
];

export const chatKindIn = (t: string): ChatKind => CHAT.find(([, re]) => re.test(t))?.[0] ?? 'ack';
/** The errand a message names, if it names one the bot cannot do; nothing when it names none. */
export const errandIn = (t: string): Errand | undefined => ERRAND.find(([, re]) => re.test(t))?.[0];

/** Greetings and sign-offs around what is really asked ("Hi Bot, ... Many thanks, Sarah"). */
const OPENING = /^(?:(?:hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening)|dear)(?: (?:there|all|bot|team|you))?\s+)+/;

/** Asking to be shown or helped ("can you...", "how do I...") rather than asking how things stand. */
const REQUEST = /^(?:(?:can|could|would|will|cud|cn) (?:you|u|i|we|someone)|(?:how|where) (?:do|can|should|would) (?:i|we|u)|(?:do|does|did) (?:you|u) (?:mind|want)|is it possible|are you able|any chance|may i|shall i|shall we|(?:i|we) (?:want|need|would like)|please|pls|plz)\b/;
const ASKING = /^(?:who|whos|whose|what|whats|which|when|where|wheres|why|how many|how much|how far|how long|how are|how is|hows|has|have|hasnt|havent|is|isnt|are|arent|did|does|do|was|were|will|should|shouldnt|any|anyone|anybody|anything|know if|do you know)\b/;
const WONDERING = /\b(?:wondering|wonder|know) (?:whether|if) (?!(?:you|u) (?:could|can|would))/;

/** Asking to be shown something ("can I see the answers", "show me who signed"): a read, like a question. */
const TO_SEE = /^(?:(?:can|could|may) (?:i|we) (?:see|view|read|look at|have a look at|check)|(?:can|could) (?:you|u) (?:show|tell)|show me|let me (?:see|read|look)|(?:i|id) (?:want|like|need) to (?:see|read|know|check)|i would like to (?:see|read|know)|just (?:want|wanted) to (?:see|know|check))\b/;

/** Asking the bot itself to run an errand ("book a call", "can you email the heads", "fill in my son's form"), not telling it about one. */
const ERRAND_ASKED = /^(?:(?:please|pls|can you|could you|would you|will you|can u|could u|i need you to|i want you to|id like you to|i would like you to)\s+)?(?:book|schedule|arrange|set up|organise|organize|send|email|e mail|ring|phone|call|text|write to|fill in|fill out|complete|reset|fix|sort out|look into|find|order|sing)\b/;

/**
 * The errand the bot is asked to run, read in the clause that asks it: "can you send a reminder to
 * the DCS, she's not answering her e-mails" asks for a reminder, which the bot can send.
 */
export const askedErrand = (original: string): Errand | undefined => {
  for (const clause of clausesOf(original)) if (ERRAND_ASKED.test(clause)) return errandIn(clause) ?? (/^(?:\w+ )?sing\b/.test(clause) ? 'other' : undefined);
  return undefined;
};

export const asksToSee = (original: string, t: string): boolean => {
  const body = t.replace(OPENING, '');
  return TO_SEE.test(body) || clausesOf(original).some((c) => TO_SEE.test(c));
};

const clausesOf = (original: string): string[] =>
  original
    .slice(0, 2000)
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[.,;:!?–—]+|\s-\s|\b(?:and|so|but) (?=can|could|how)/)
    .map((c) => c.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim().replace(OPENING, ''));

/**
 * A question about how things stand ("has the DCS signed yet?", "who is late with their return"),
 * which is answered by a read, never by the form that writes. "Can you send it for sign-off?" and
 * "how do I post my update?" are requests, however they are punctuated.
 */
export const isQuestion = (original: string, t: string): boolean => {
  const body = t.replace(OPENING, '');
  // A request anywhere ("..., can you set that up?") makes the whole message a request.
  if (REQUEST.test(body) || clausesOf(original).some((c) => REQUEST.test(c))) return false;
  // Only the end is looked at for the question mark: a pattern over the whole message would be slow on a long one.
  return ASKING.test(body) || WONDERING.test(body) || /\?\s*$/.test(original.slice(-80).replace(/\s*(?:thanks|thank you|cheers|ta|thx)\W*$/i, ''));
};
