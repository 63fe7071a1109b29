// strip-bom 5 is an ES module, which jest's CommonJS world cannot load; @microsoft/app-manifest
// requires it (only to read manifest files, which the tests never ask it to do). The same function:
module.exports = function stripBom(text) {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
