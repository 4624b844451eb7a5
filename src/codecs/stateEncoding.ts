/**
 * How the engine encodes the states of a model without a codec of its own: by a layout derived
 * from their shape (the default), or by the generic tagged walk (kept to measure the layout
 * against, and to check that both give the same counts). A module of its own, so that options are
 * checked without loading the codecs.
 */
export const STATE_ENCODINGS = ['derived', 'generic'] as const;
export type StateEncoding = (typeof STATE_ENCODINGS)[number];
