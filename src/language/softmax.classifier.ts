import { StemmerEn } from '@nlpjs/lang-en-min';

/**
 * A multinomial logistic regression (softmax) over word stems, stem pairs and the opening word.
 *
 * Why our own, beside nlp.js: nlp.js's classifier is one perceptron per intent, each clipped at
 * zero, so a long message whose words pull several ways ("Good morning, could you let me know
 * which parts ... are done ... I need to brief the exec") scores zero everywhere and reads as
 * nothing at all, and its scores are not probabilities to weigh by a person's priors. A softmax
 * gives every message a reading and scores that sum to one. The npm packages that train one
 * (natural, ml-logistic-regression) are one-vs-rest, dense or unmaintained; this is 80 lines,
 * sparse, trained in well under a second and deterministic (no random start, fixed order).
 */
export interface SoftmaxModel {
  /** Every label with its probability, best first. */
  classify(text: string): { label: string; score: number }[];
  /** The trained weights, to keep and load again without training. */
  save(): SavedSoftmax;
}

export interface SavedSoftmax {
  readonly labels: readonly string[];
  readonly features: readonly string[];
  /** Float64 weights, feature by label, then the biases, as base64. */
  readonly weights: string;
}

const stemmer = new StemmerEn();
const STOP = new Set(['the', 'a', 'an', 'to', 'of', 'and', 'for', 'on', 'in', 'at', 'it', 'is', 'be', 'this', 'that', 'me', 'my', 'i', 'you', 'we', 'our', 'please', 'pls', 'can', 'could', 'would', 'thanks']);

/** Stems, pairs of neighbouring stems (stop words kept there: "who has", "has signed"), and the opening word. */
export const featuresOf = (tidied: string): string[] => {
  const words = tidied.split(' ').filter(Boolean);
  const stems = words.map((w) => stemmer.stemWord(w));
  const out = new Set<string>();
  stems.forEach((s, i) => {
    if (!STOP.has(words[i]!)) out.add(s);
    if (i > 0) out.add(`${stems[i - 1]}_${s}`);
  });
  if (words[0]) out.add(`^${words[0]}`);
  return [...out];
};

/** Each label's probability for the features `x`, into `p`: the weights summed, then a softmax (shifted by the largest, so nothing overflows). */
const probabilities = (p: Float64Array, W: Float64Array, b: Float64Array, x: readonly number[]): void => {
  const K = p.length;
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    let z = b[k]!;
    for (const f of x) z += W[f * K + k]!;
    p[k] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
  for (let k = 0; k < K; k++) p[k] = p[k]! / sum;
};

export const trainSoftmax = (examples: readonly { text: string; label: string }[], options = { epochs: 40, rate: 0.5, l2: 1e-3 }): SoftmaxModel => {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map<string, number>();
  const rows = examples.map((e) => ({
    y: labels.indexOf(e.label),
    x: featuresOf(e.text).map((f) => {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      return i;
    }),
  }));
  const featureNames = [...index.keys()];
  const K = labels.length;
  const W = new Float64Array(index.size * K);
  const b = new Float64Array(K);
  const p = new Float64Array(K);
  const forward = (x: readonly number[]) => probabilities(p, W, b, x);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.rate / (1 + epoch * 0.1);
    // A fixed stride through the rows rather than a shuffle: every run trains the same model.
    for (let n = 0; n < rows.length; n++) {
      const { x, y } = rows[(n * 7919) % rows.length]!;
      forward(x);
      const scale = rate / Math.sqrt(x.length || 1);
      for (let k = 0; k < K; k++) {
        const g = p[k]! - (k === y ? 1 : 0);
        b[k] = b[k]! - rate * g;
        for (const f of x) W[f * K + k] = W[f * K + k]! * (1 - rate * options.l2) - scale * g;
      }
    }
  }
  return modelOf(labels, featureNames, W, b);
};

const modelOf = (labels: readonly string[], featureNames: readonly string[], W: Float64Array, b: Float64Array): SoftmaxModel => {
  const K = labels.length;
  const index = new Map(featureNames.map((f, i) => [f, i]));
  const p = new Float64Array(K);
  return {
    classify(text: string) {
      const x = featuresOf(text).flatMap((f) => (index.has(f) ? [index.get(f)!] : []));
      // Nothing it has seen before ("flibble wobble"): no reading, rather than the commonest intent.
      if (!x.some((f) => !featureNames[f]!.startsWith('^'))) return [];
      probabilities(p, W, b, x);
      return labels.map((label, k) => ({ label, score: p[k]! })).sort((a, c) => c.score - a.score);
    },
    save() {
      const all = new Float64Array(W.length + b.length);
      all.set(W);
      all.set(b, W.length);
      return { labels: [...labels], features: [...featureNames], weights: Buffer.from(all.buffer).toString('base64') };
    },
  };
};

/** A saved model, checked for shape: null when it is not one (a damaged or foreign file), so the caller trains instead. */
export const loadSoftmax = (saved: unknown): SoftmaxModel | null => {
  const s = saved as Partial<SavedSoftmax> | null;
  if (!s || !Array.isArray(s.labels) || !Array.isArray(s.features) || typeof s.weights !== 'string') return null;
  const bytes = Buffer.from(s.weights, 'base64');
  const K = s.labels.length;
  if (bytes.length !== (s.features.length * K + K) * 8) return null;
  const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return modelOf(s.labels.map(String), s.features.map(String), all.subarray(0, s.features.length * K), all.subarray(s.features.length * K));
};
