/** Markdown as a reader sees it: the escapes the renderer adds to typed text taken off again. */
export const unescapeMarkdown = (markdown: string): string => markdown.replace(/\\([\\`*_{}[\]()#+\-.!<>~|&@:=/])/g, '$1');
