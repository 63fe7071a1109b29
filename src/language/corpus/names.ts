/**
 * The names the corpus's lines use. Training reads them as "someone", as the bot reads the names on
 * its own roster, so the model learns "ask someone to ..." and never a particular person.
 */
export const CORPUS_NAMES = [
  'Natasha Moody', 'Sarah Court', 'Tanya Miles', 'Sam Taylor', 'Jess Sharma', 'Annie Williams', 'Simon Whitehouse', 'David Shaw',
  'Vanessa Whatley', 'Duncan Whitfield', 'Louisa Jones', 'Jordan Lee', 'Pat Brown',
].map((name, i) => ({ id: `corpus-${i}`, name }));
