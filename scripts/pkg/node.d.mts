export * from './cuifu.js';
/** Already initialised in Node; kept so code written for the web runs unchanged. */
export default function init(): Promise<void>;
