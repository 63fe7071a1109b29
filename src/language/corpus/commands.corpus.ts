import type { IntentName } from '../../app/understanding.port';

/**
 * Training utterances for the everyday screens. Written as people type them: lower case, no
 * punctuation needed, polite or blunt. Held-out test lines live only in test/language, never here.
 */
export const COMMAND_CORPUS: Partial<Record<IntentName, readonly string[]>> = {
  help: [
    'help', 'what can you do', 'what can i do here', 'how does this work', 'show me what you can do', 'i am new here', 'what are the commands',
    'how do i use this', 'can you help me', 'im stuck', 'what should i type', 'options', 'what can i ask you', 'show me the menu', 'getting started',
  ],
  status: [
    'status', 'plan status', 'how is the plan looking', 'how far along is the plan', 'which sections are complete', 'overall progress',
    'how complete is the plan', 'show me progress on the plan', 'where are we with the plan', 'how are we doing', 'give me an overview',
    'is the plan finished', 'summary of where things are', 'what state is the plan in', 'how far has it got', 'how is it going',
  ],
  sections: [
    'show me all the sections', 'list the sections', 'i want to edit the plan', 'open the plan', 'let me fill in the plan', 'read the plan',
    'which sections are there', 'take me to the plan', 'show me the whole plan', 'browse the plan', 'the plan sections', 'i want to write something in the plan',
  ],
  tasks: [
    'my tasks', 'what have i been assigned', 'what is assigned to me', 'whats on my list', 'what do i have to do', 'anything for me to do',
    'what is due from me', 'my assignments', 'what am i responsible for', 'show my drafts', 'my to do list', 'what work do i have', 'which sections are mine', 'sections given to me', 'what should i be working on', 'which parts are mine to fill in',
  ],
  check: [
    'check', 'are we ready to sign off', 'is the plan ready to submit', 'readiness check', 'check the core requirements', 'does the plan meet the requirements',
    'check the minimum requirements', 'what is stopping sign off', 'are the 41 requirements met', 'run the readiness check', 'can we submit yet', 'is anything missing before sign off', 'is it good to go', 'ready to go for sign off', 'is the plan ready for signing',
  ],
  update: [
    'update workstream', 'workstream update', 'post the workstream update', 'post my quarterly update', 'i need to do my update', 'record progress on workstream',
    'post an update for workstream', 'quarter update for workstream', 'update the milestones', 'report progress on my workstream', 'how do i post my update',
    'submit my update for quarter', 'progress update', 'milestone update', 'post update for quarter', 'update on workstream for quarter', 'do my highlight update',
  ],
  risks: [
    'risks', 'which risks are red', 'show me the red risks', 'what are the biggest risks', 'risk register', 'show amber risks', 'list the risks',
    'open the risk log', 'what risks do we have', 'any green risks', 'show the risk register', 'add a risk', 're score a risk',
    'which risks are high', 'show me risks rated red', 'close a risk',
  ],
  report: [
    'report', 'highlight report', 'report for quarter', 'show the quarter report', 'quarterly highlight report', 'how did we do last quarter',
    'give me the report for quarter', 'the board report', 'report on progress this quarter', 'show me the quarterly report', 'what does the report say',
    'highlight report for quarter', 'milestones by rag', 'missing updates this quarter',
  ],
  history: [
    'history', 'what changed', 'who changed what', 'show me the change history', 'previous versions', 'audit trail', 'what has been edited',
    'show earlier versions', 'who edited the risks', 'version history', 'recent changes',
  ],
  'signoff.start': [
    'send the plan to the signatories', 'send for sign off', 'start sign off', 'request signatures', 'ask the signatories to sign', 'get the plan signed',
    'send it for signing', 'kick off sign off', 'send the plan to be signed', 'begin the sign off round', 'i want the plan signed off', 'request sign off from the signatories',
    'send the plan out for approval', 'ask for approval from the signatories',
  ],
  'signoff.status': [
    'who has signed', 'who hasnt signed', 'who has not signed yet', 'has the signatory signed', 'has the signatory signed yet', 'sign off status',
    'who is still to sign', 'where are we with signatures', 'are all the signatures in', 'who still needs to sign', 'has anyone declined', 'signature status',
    'did the signatory approve', 'is the plan signed', 'how many have signed', 'which signatories are outstanding', 'has signatory approved it', 'who is yet to sign', 'anyone not signed yet', 'outstanding signatures', 'is everyone signed up',
  ],
  'signoff.approve': [
    'approve', 'i approve', 'approve the plan', 'sign', 'sign the plan', 'i want to sign', 'let me sign', 'i am happy to sign', 'sign it off',
    'i agree to the plan', 'the plan i need to sign', 'take me to my sign off card', 'approve it', 'give my approval', 'ok to sign', 'where do i sign', 'i want to approve the plan', 'show me what i need to sign', 'my sign off request',
  ],
  'signoff.decline': [
    'decline', 'i decline', 'reject the plan', 'i do not approve', 'i dont want to sign', 'refuse to sign', 'decline the plan', 'i cannot sign this',
    'turn down the sign off', 'i want to decline', 'reject it', 'not signing',
  ],
  'feedback.give': [
    'i want to give feedback', 'give feedback about', 'feedback', 'pass on feedback', 'submit some feedback', 'i have feedback from parents',
    'parents say', 'parents told us', 'families said', 'a parent told me', 'young people said', 'the young people told us', 'carers are saying',
    'parents say waiting is too long', 'families are unhappy about', 'parents complained about', 'record what parents said', 'share feedback from the forum',
    'young people feel', 'parents feel that', 'families tell us', 'i want to pass on what families said', 'the forum says', 'log feedback',
  ],
  'feedback.list': [
    'you said we did', 'show feedback', 'what feedback have we had', 'feedback log', 'list the feedback', 'show me what parents said', 'what did families say',
    'has my feedback been answered', 'answers to feedback', 'show the feedback and answers', 'read the feedback', 'feedback so far', 'what has the forum said', 'what have families fed back', 'what did we do about the feedback', 'what have parents told us',
  ],
  export: [
    'export', 'download the plan', 'give me the plan in word', 'word copy of the plan', 'export to word', 'get the annex a file', 'send me the document',
    'i need a copy of the plan', 'markdown version', 'download annex a', 'print the plan', 'get the docx',
  ],
  dependencies: ['what are our dependencies', 'show the dependencies', 'dependency log', 'see the dependencies'],
  smalltalk: ['hi there', 'hello there', 'good morning', 'hey'],
  outofscope: [
    'whats the weather', 'tell me a joke', 'what time is it', 'who won the football', 'order a pizza', 'book a meeting room',
    'email all the sencos about the plan', 'send an email to the parent carer forum', 'drop the dfe an email', 'can you email duncan the plan',
    'email the schools to say the plan is out', 'write to the parents about the changes', 'ring the icb for me', 'text the head teachers',
  ],
  spend: [
    'spend', 'record spend', 'actual spend for quarter', 'enter the spend', 'record actual spend this quarter', 'spending',
    'enter actuals', 'money spent this quarter', 'budget actuals', 'record what we spent', 'spend against projection',
  ],
};
