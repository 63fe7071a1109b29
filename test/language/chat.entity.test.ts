import { askedErrand, asksToSee, chatKindIn, errandIn, isQuestion } from '../../src/language/chat.entity';
import { tidy } from '../../src/language/text';

describe('how a message asks', () => {
  it.each([
    ['has the chief exec put her name to it yet?', true],
    ['who is late with their quarterly return?', true],
    ['whos still to sign', true],
    ['Has the DCS signed', true],
    ['I was wondering whether Duncan has signed yet', true],
    ['the plan is signed?', true],
    ['send the plan to the signatories', false],
    ['Can you send it for sign-off?', false],
    ['Time to send it to the signatories for approval, can you set that up?', false],
    ['Sorry this is late – commissioning update coming now, how do I start it?', false],
    ["won't be signing, too many gaps", false],
    ['Hi, could you send the plan out please? Thanks', false],
    ['I was wondering if you could draft Q2', false],
  ])('"%s" is a question about how things stand: %s', (text, question) => {
    expect(isQuestion(text, tidy(text))).toBe(question);
  });

  it.each([
    ['can i see the responses to what the youth forum said', true],
    ['show me who has signed', true],
    ['Hi, I would like to see the feedback so far', true],
    ['send the plan for sign-off', false],
  ])('"%s" asks to be shown something: %s', (text, toSee) => {
    expect(asksToSee(text, tidy(text))).toBe(toSee);
  });

  it.each([
    ['ta very much', 'thanks'],
    ['cheers!', 'thanks'],
    ['great', 'praise'],
    ['morning all', 'greeting'],
    ['bye for now', 'bye'],
    ['how are you?', 'howAreYou'],
    ['this is rubbish, it never does what I want', 'frustrated'],
    ['oops sorry', 'sorry'],
    ['lol', 'laugh'],
    ['ok', 'ack'],
  ])('"%s" is small talk of the kind %s', (text, kind) => {
    expect(chatKindIn(tidy(text))).toBe(kind);
  });

  it.each([
    ['set up a call with the DCS', 'meeting'],
    ['book a room for the board', 'meeting'],
    ['email the DfE to ask for an extension', 'email'],
    ["fill in my daughter's needs assessment form", 'child'],
    ['reset my password', 'it'],
    ['sing me a song', undefined],
  ])('"%s" names the errand %s', (text, errand) => {
    expect(errandIn(tidy(text))).toBe(errand);
  });

  it.each([
    ['set up a call with the DCS', 'meeting'],
    ['Can you book a meeting with the signatories on Thursday?', 'meeting'],
    ["I have a parent complaining about her son's assessment. Can you look into his case?", 'child'],
    ['sing me a song', 'other'],
    ['a parent told me nobody answers their emails', undefined],
    ['parents say the meetings are at awkward times', undefined],
    ["can you send a reminder to the DCS, she's not answering her emails", undefined],
    ["tell me who hasn't signed before the meeting", undefined],
  ])('"%s" asks the bot to run the errand %s', (text, errand) => {
    expect(askedErrand(text)).toBe(errand);
  });

  it.each(['should I approve the plan', 'should we send it yet?'])('"%s" is a question', (text) => {
    expect(isQuestion(text, tidy(text))).toBe(true);
  });

});
