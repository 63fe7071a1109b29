import Module from 'node:module';

/**
 * teams-ai's Application loads its sign-in support (OAuth and Teams single sign-on prompts) as it
 * is itself loaded, and with it botbuilder-dialogs and Microsoft's text recognisers: 16 MB of heap,
 * a tenth of the bot's resident memory (issue 21), for dialogs this bot never runs (it gives
 * teams-ai no authentication settings). Here those sign-in modules get botbuilder-dialogs lazily:
 * its Dialog class, which one of them extends as it loads, from its own small file, and anything
 * else from the whole package when first used, so sign-in would work as before were it ever set
 * up. Nothing else that loads botbuilder-dialogs is affected.
 *
 * Imported by bot.app.ts before teams-ai. Under jest, which loads modules itself, it does nothing;
 * test/teams/lazy-sign-in.test.ts checks it in a process of its own.
 */
const SIGN_IN = /[\\/]@microsoft[\\/]teams-ai[\\/]lib[\\/]authentication[\\/]/;

type Load = (request: string, parent: { readonly filename?: string | null } | undefined, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const load = loader._load;

const lazily = (requireHere: (request: string) => unknown): object => {
  let whole: Record<string | symbol, unknown> | undefined;
  const all = () => (whole ??= requireHere('botbuilder-dialogs') as Record<string | symbol, unknown>);
  const { Dialog } = requireHere('botbuilder-dialogs/lib/dialog') as { Dialog: unknown };
  return new Proxy(
    {},
    {
      get: (_target, name) => (name === 'Dialog' ? Dialog : all()[name]),
      has: (_target, name) => name in all(),
      ownKeys: () => Reflect.ownKeys(all()),
      getOwnPropertyDescriptor: (_target, name) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(all(), name);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
};

let dialogs: object | undefined;
if (typeof load === 'function') {
  loader._load = function (this: unknown, request, parent, isMain) {
    if (request !== 'botbuilder-dialogs' || !parent?.filename || !SIGN_IN.test(parent.filename)) return load.call(this, request, parent, isMain);
    dialogs ??= lazily((other) => load.call(this, other, parent, false));
    return dialogs;
  };
}
